/**
 * Enforces the access policy on every /api request before the feature routers run: authenticates, loads the record
 * named by `:id` when the row judges relations, and refuses with 401 / 403 (reason) / 404 (unrelated record, so its
 * existence is not revealed). Express matches the routes, so the guard sees the same paths as the routers.
 */
import { Router, type NextFunction, type Request, type Response } from 'express';
import { requireAuth } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { parseId } from '../http/params';
import { ACCESS_POLICY, policyRoutes, ruleOf, type AccessRule, type Relation } from './access.policy';
import { ownCaseRefusal } from './own-case';
import { knowsOf, loadSubject, PERSONAL, permits, relationsOf, type Subject } from './relations';

/** What the guard decided for this request; handlers read it instead of asking again. */
export interface AccessDecision {
  rule: AccessRule;
  relations: Set<Relation>;
  subject: Subject | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    access?: AccessDecision;
  }
}

const WORDS: Record<Relation, string> = {
  public: 'siapa saja / anyone',
  signedIn: 'pengguna masuk / signed-in users',
  self: 'pegawai yang bersangkutan / the employee concerned',
  rater: 'pejabat penilai / the rater',
  raterSuperior: 'atasan pejabat penilai / the rater’s superior',
  assignee: 'penerima tugas / the assignee',
  calibrator: 'kalibrator unit ini / the calibrator of this unit',
  hr: 'Admin SDM / HR admin',
  auditor: 'auditor',
};

/** 403 naming who may do it. */
export function refusal(rule: AccessRule): ApiError {
  return new ApiError(
    403,
    'FORBIDDEN',
    rule.refusal ??
      `Tindakan ${rule.resource}.${rule.action} hanya untuk: ${rule.allow.map((r) => WORDS[r]).join('; ')}`,
    { resource: rule.resource, action: rule.action, allow: rule.allow },
  );
}

/** 403 while a one-time or reset password has not been replaced (POST /api/auth/change-password). */
export function passwordChangeRequired(): ApiError {
  return new ApiError(
    403,
    'PASSWORD_CHANGE_REQUIRED',
    'Ganti dulu kata sandi sekali pakai Anda (POST /api/auth/change-password) / ' +
      'change your one-time password first (POST /api/auth/change-password)',
  );
}

function guard(deps: AppDeps, rule: AccessRule) {
  const authenticate = requireAuth(deps);
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.access) return next();
    let subject: Subject | null = null;
    if (!rule.allow.includes('public')) {
      let failed: unknown;
      await authenticate(req, res, (err?: unknown) => void (failed = err));
      if (failed) throw failed;
      if (!req.user) throw ApiError.unauthorized(); // never pass on a request the authenticator did not sign in
      if (req.user.mustChangePassword && !rule.duringPasswordChange) throw passwordChangeRequired();
      // A row that only roles grant is refused before the record is read: the answer does not tell whether it exists.
      const byRoleOnly = !rule.allow.some((r) => PERSONAL.includes(r));
      if (byRoleOnly && !permits(rule, relationsOf(req.user))) throw refusal(rule);
      if (rule.record) {
        subject = await loadSubject(deps, rule.record, parseId(req.params.id));
        if (!subject) throw ApiError.notFound('Data');
      }
    }
    const relations = relationsOf(req.user, subject);
    if (!permits(rule, relations) && !(rule.record === undefined && listsPersonally(rule, relations))) {
      if (rule.record && !rule.refuseUnrelated && !mayRead(rule, relations)) throw ApiError.notFound('Data');
      throw refusal(rule);
    }
    if (rule.notOwnCase && relations.has('self'))
      throw ownCaseRefusal(rule.ownCaseWords ?? `${rule.resource}.${rule.action}`);
    req.access = { rule, relations, subject };
    next();
  };
}

/**
 * Route middleware naming the policy row its handler implements (`resource.action`): it checks the row itself when the
 * guard did not run, and fails loudly when the guard decided the request under another row (table and router disagree).
 */
export function authorize(deps: AppDeps, resource: string, action: string) {
  const rule = ruleOf(resource, action);
  const check = guard(deps, rule);
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    if (req.access && req.access.rule !== rule)
      throw new Error(
        `access policy: ${req.method} ${req.originalUrl} was decided as ${req.access.rule.resource}.${req.access.rule.action}, its handler implements ${resource}.${action}`,
      );
    return check(req, res, next);
  };
  return Object.assign(middleware, { accessRule: rule });
}

/** A list granted by a personal relation is open to every signed-in user: its query is narrowed to their rows. */
function listsPersonally(rule: AccessRule, relations: Set<Relation>): boolean {
  return relations.has('signedIn') && rule.allow.some((r) => PERSONAL.includes(r));
}

/** True when the caller may read the record (so a refusal says 403, not 404 that hides it). */
function mayRead(rule: AccessRule, relations: Set<Relation>): boolean {
  if (knowsOf(relations)) return true;
  const read = ACCESS_POLICY.find((r) => r.resource === rule.resource && r.action === 'read');
  return !!read && permits(read, relations);
}

/** Number of route parameters: literal paths are registered first, so `/verify` wins over `/:id`. */
const paramCount = (route: string) => (route.match(/:/g) ?? []).length;

/** The guard router, mounted before the feature routers. */
export function accessGuard(deps: AppDeps): Router {
  const router = Object.assign(Router(), { isAccessGuard: true });
  const routes = [...policyRoutes()].sort(([a], [b]) => paramCount(a) - paramCount(b));
  for (const [route, rule] of routes) {
    const [method, path] = route.split(' ');
    router[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](path, guard(deps, rule));
  }
  return router;
}
