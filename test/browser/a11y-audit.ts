/**
 * Accessibility on every page the browser tests visit: axe-core (npm) runs in the page after each settled route
 * change of every page of a session (`newSession` watches its context) and on what the page turns into while it stays
 * on that route (data arrived, a dialog opened), once per page kind in a test file, and
 * `describeInBrowser` fails the test in which a serious or critical violation was found, naming the page and the
 * elements. `checkA11y` stays for a test that wants one state checked at a precise moment (e.g. a dialog open).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

/** One accessibility violation as axe-core reports it: the rule, its impact, what it asks and where it failed. */
export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

let axeSource: string | undefined;
/** One axe run at a time per page: axe refuses a second run while one is going. */
const running = new WeakMap<Page, Promise<unknown>>();

function exclusive<T>(page: Page, fn: () => Promise<T>): Promise<T> {
  const before = running.get(page) ?? Promise.resolve();
  const next = before.catch(() => undefined).then(fn);
  running.set(page, next);
  return next;
}

/**
 * The serious and critical accessibility violations axe-core (every WCAG 2.x A/AA rule and its best practices) finds
 * on the page as it is now. The script is evaluated through the DevTools protocol, which the console's
 * Content-Security-Policy does not block; the page is not changed otherwise.
 */
export function a11yViolations(page: Page): Promise<A11yViolation[]> {
  return exclusive(page, async () => {
    const first = await axeRun(page);
    if (!first.length) return first;
    // A finding must hold on a second look: a page caught between two states (a dialog closing, a backdrop fading,
    // a transition started while axe ran) showed text at 1.16:1 once on a loaded machine. A real violation stays.
    await page.waitForTimeout(700);
    const again = new Set((await axeRun(page)).flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target}`)));
    return first
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => again.has(`${v.id} ${n.target}`)) }))
      .filter((v) => v.nodes.length);
  });
}

/** One axe-core run on the page as it is now: serious and critical violations only. */
async function axeRun(page: Page): Promise<A11yViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => typeof (globalThis as any).axe !== 'undefined'))) await page.evaluate(axeSource);
  const violations: A11yViolation[] = await page.evaluate(async () => {
    const g = globalThis as any;
    // A dialog or a notice fading in reads as faint text: let the transitions under way end first (not the
    // endless ones, such as a spinner's), at most 1.5 s.
    const ending = g.document
      .getAnimations()
      .filter((a: any) => a.effect?.getComputedTiming().endTime !== Infinity)
      .map((a: any) => a.finished.catch(() => undefined));
    await Promise.race([Promise.all(ending), new Promise((r) => setTimeout(r, 1_500))]);
    const result = await g.axe.run(g.document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The violations in words, one rule a line and up to five elements under it. */
export function describeViolations(violations: A11yViolation[]): string[] {
  return violations.flatMap((v) => [
    `  ${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.slice(0, 5).map((n) => `    ${n.target} — ${n.summary.replace(/\s+/g, ' ').slice(0, 220)}`),
  ]);
}

/**
 * Fails when axe-core finds a serious or critical violation on the page as it is now, naming each rule and the
 * elements that break it; `where` names the page in the message.
 */
export async function checkA11y(page: Page, where: string): Promise<void> {
  const violations = await a11yViolations(page);
  if (!violations.length) return;
  throw new Error(`Aksesibilitas / accessibility (axe-core) — ${where}:\n${describeViolations(violations).join('\n')}`);
}

/** The console's route without its query and with record ids as `:id`: `#/tasks/12/show?x` → `/tasks/:id/show`. */
export function routeOf(url: string): string {
  const { hash, pathname } = new URL(url);
  const route = hash.replace(/^#/, '').split('?')[0] || pathname;
  return route
    .split('/')
    .map((s) => (/^\d+$/.test(s) || /^[0-9a-f-]{20,}$/i.test(s) ? ':id' : s))
    .join('/');
}

/** Page kinds already checked in this test file (jest loads this module once per file). */
const checked = new Set<string>();
/** Violations found and not yet reported by `takeA11yFindings`. */
let findings: { where: string; violations: A11yViolation[] }[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A page kind: the route, and what tells two pages of one route apart (a plan form and a rating form are both
 * `/tasks/:id/show`): the names of its fields and its test ids, digits left out.
 */
async function pageKind(page: Page, route: string): Promise<string> {
  const marks: string[] = await page.evaluate(() => {
    const d = (globalThis as any).document;
    const names = [...d.querySelectorAll('input[name],textarea[name],select[name],[data-testid]')].map(
      (e: any) => (e.getAttribute('name') ?? `#${e.getAttribute('data-testid')}`).replace(/\d+/g, 'n') as string,
    );
    return [...new Set(names)].sort();
  });
  return `${route} ${marks.join(',')}`;
}

/** Whether react-admin still shows that it loads: its page spinner or the app bar's. */
function loading(page: Page): Promise<boolean> {
  return page
    .evaluate(() => !!(globalThis as any).document.querySelector('.RaLoading-root, .RaLoadingIndicator-loader'))
    .catch(() => false);
}

/** The pages of one session and whether it is closing (then each page ends its watch after its first check). */
interface Session {
  pending: Set<Promise<void>>;
  closing: boolean;
}
const sessions = new Set<Session>();
const watched = new WeakSet<Page>();

/**
 * Watches one page. After each route change, once its requests have been quiet a moment and no spinner shows, the page
 * is checked; then, while the route stays (at most 20 s), every new kind of page it turns into (its data arrived, a
 * dialog opened) is checked too.
 */
function watchPage(page: Page, session: Session): void {
  if (watched.has(page)) return;
  watched.add(page);
  let inflight = 0;
  let lastNetwork = Date.now();
  let generation = 0;
  // The API calls and the console's own chunks, loaded when a page is first opened.
  const counted = (r: { resourceType(): string }) => ['fetch', 'xhr', 'script', 'document'].includes(r.resourceType());
  page.on('request', (r) => {
    if (counted(r)) inflight += 1;
  });
  const done = (r: { resourceType(): string }) => {
    if (!counted(r)) return;
    inflight = Math.max(0, inflight - 1);
    lastNetwork = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  const quiet = () => inflight === 0 && Date.now() - lastNetwork >= 300;

  /** Checks the page as it is now unless its kind was checked already; false when it could not be read. */
  const checkNow = async (mine: number, route: string, url: string, start: number): Promise<boolean> => {
    let kind: string | undefined;
    try {
      kind = await pageKind(page, route);
      if (checked.has(kind) || mine !== generation) return true;
      checked.add(kind);
      const t0 = Date.now();
      const violations = await a11yViolations(page);
      if (process.env.A11Y_TRACE)
        process.stderr.write(`[axe] ${kind}: ${violations.length} in ${Date.now() - t0} ms after ${t0 - start} ms\n`);
      // A page left while axe ran is checked again on the next visit (what was read may be half of each); what was
      // found stands, said to be found as the page changed.
      if (mine !== generation) checked.delete(kind);
      const moved = mine !== generation ? ' — halaman berganti saat diperiksa / the page changed during the check' : '';
      if (violations.length) findings.push({ where: `${route} (${url})${moved}`, violations });
      return true;
    } catch {
      // The page navigated or closed meanwhile: its next visit is checked.
      if (kind) checked.delete(kind);
      return false;
    }
  };

  const visit = async (mine: number, route: string, url: string) => {
    const start = Date.now();
    const here = () => mine === generation && !page.isClosed();
    // Settled: 400 ms after the change, no request for 300 ms, no spinner (at most 8 s: a busy page is checked as is).
    while (Date.now() - start < 8_000) {
      await sleep(100);
      if (!here()) return;
      if (Date.now() - start >= 400 && quiet() && !(await loading(page))) break;
    }
    if (!(await checkNow(mine, route, url, start))) return;
    while (here() && !session.closing && Date.now() - start < 20_000) {
      await sleep(500);
      if (here() && quiet() && !(await loading(page))) await checkNow(mine, route, url, start);
    }
  };

  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    generation += 1;
    const url = frame.url();
    // The console only (served at the root): not a PDF in Chromium's viewer, nor a sign-in provider's page.
    if (!url.startsWith('http') || !['/', '/index.html'].includes(new URL(url).pathname)) return;
    const p = visit(generation, routeOf(url), url);
    session.pending.add(p);
    void p.finally(() => session.pending.delete(p));
  });
}

/** Checks every page of the context (its first and any opened later) after each route change. */
export function auditContext(context: BrowserContext): void {
  const session: Session = { pending: new Set(), closing: false };
  sessions.add(session);
  context.pages().forEach((p) => watchPage(p, session));
  context.on('page', (p) => watchPage(p, session));
  const close = context.close.bind(context);
  // Closing the session waits for the first check of its last pages.
  context.close = async (options?: Parameters<BrowserContext['close']>[0]) => {
    await settle(session);
    sessions.delete(session);
    return close(options);
  };
}

async function settle(session: Session): Promise<void> {
  session.closing = true;
  while (session.pending.size) await Promise.all([...session.pending]);
  session.closing = false;
}

/** Waits for the checks under way in every session (each page's first check of its route, not its later watch). */
export async function settleAudits(): Promise<void> {
  await Promise.all([...sessions].map(settle));
}

/** The violations found since the last call, in words, or null when there were none. */
export async function takeA11yFindings(): Promise<string | null> {
  await settleAudits();
  const taken = findings;
  findings = [];
  if (!taken.length) return null;
  return [
    'Aksesibilitas / accessibility (axe-core, serious/critical):',
    ...taken.flatMap((f) => [f.where, ...describeViolations(f.violations)]),
  ].join('\n');
}
