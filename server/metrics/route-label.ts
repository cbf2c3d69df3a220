/**
 * The route pattern of a request (`GET /api/tasks/:id/complete`), never its raw URL: a metric label per pattern keeps
 * the number of series bounded whatever ids are asked for. Patterns come from the access policy, which names every
 * route of the API (test/server/access-matrix.test.ts), and are matched as the guard matches them: a literal segment
 * wins over a parameter.
 */
import { policyRoutes } from '../access/access.policy';

interface Pattern {
  method: string;
  route: string;
  regex: RegExp;
}

let patterns: Pattern[] | null = null;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(): Pattern[] {
  const out = [...policyRoutes().keys()].map((key) => {
    const [method, route] = key.split(' ');
    const body = route
      .split('/')
      .map((seg) => (seg.startsWith(':') ? '[^/]+' : escape(seg)))
      .join('/');
    return { method, route, regex: new RegExp(`^${body}/?$`) };
  });
  const params = (p: Pattern) => (p.route.match(/:/g) ?? []).length;
  return out.sort((a, b) => params(a) - params(b));
}

/**
 * The label of a request's route: its policy pattern; `unmatched` for an /api path no route serves (404s of any
 * URL count as one series); `console` for the console's static files and pages.
 */
export function routeLabel(method: string, path: string): string {
  patterns ??= compile();
  const m = method === 'HEAD' ? 'GET' : method;
  for (const p of patterns) if (p.method === m && p.regex.test(path)) return p.route;
  if (path.startsWith('/api/') || path === '/api' || path === '/metrics') return 'unmatched';
  return 'console';
}
