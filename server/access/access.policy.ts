/**
 * Access as data: per resource and action, which roles and which relations to the record may do it, and the routes
 * that perform it. `access.guard.ts` enforces this table on every /api request before the feature routers run;
 * list handlers narrow their queries with `scopeWhere` from the same rows; `test/server/access-matrix.test.ts`
 * walks every route of the app against it (a route without a row fails that test, and is refused at run time).
 * The appraisal rows are in appraisal-policy.ts, the terms (relations, the row's shape) in policy-terms.ts.
 */

export type { AccessRule, RecordKind, Relation } from './policy-terms';
import { CHAIN, READ_ALL, type AccessRule } from './policy-terms';
import { APPRAISAL_POLICY } from './appraisal-policy';

const TASK_NOT_YOURS = 'Tugas ini bukan untuk Anda / this task is assigned to someone else';

/** The policy table. Order does not matter; a route appears in exactly one row. */
export const ACCESS_POLICY: readonly AccessRule[] = [
  // ------------------------------------------------------------------ public and session
  { resource: 'health', action: 'read', allow: ['public'], routes: ['GET /api/health'] },
  { resource: 'health', action: 'ready', allow: ['public'], routes: ['GET /api/health/ready'] },
  // No user session: the handler admits a bearer METRICS_TOKEN, or loopback clients when it is unset (metrics.routes.ts).
  { resource: 'metrics', action: 'read', allow: ['public'], routes: ['GET /metrics'] },
  { resource: 'openapi', action: 'read', allow: ['public'], routes: ['GET /api/openapi.json'] },
  { resource: 'session', action: 'login', allow: ['public'], routes: ['POST /api/auth/login'] },
  // Single sign-on (server/auth/oidc.routes.ts): no session yet; the flow and one-time code cookies bind the browser.
  { resource: 'session', action: 'sign-in-methods', allow: ['public'], routes: ['GET /api/auth/config'] },
  {
    resource: 'session',
    action: 'sso',
    allow: ['public'],
    routes: ['GET /api/auth/oidc/start', 'GET /api/auth/oidc/callback', 'POST /api/auth/oidc/exchange'],
  },
  {
    resource: 'session',
    action: 'own',
    allow: ['signedIn'],
    duringPasswordChange: true,
    routes: ['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/change-password'],
  },
  { resource: 'session', action: 'download-link', allow: ['signedIn'], routes: ['POST /api/auth/download-links'] },
  // Notifications (server/notifications): every signed-in user reads and marks only their own (the handlers narrow to
  // the caller's user id), and sets their own e-mail choice.
  {
    resource: 'notification',
    action: 'read',
    allow: ['signedIn'],
    routes: ['GET /api/notifications', 'GET /api/notifications/unread-count'],
  },
  {
    resource: 'notification',
    action: 'mark-read',
    allow: ['signedIn'],
    routes: ['POST /api/notifications/read', 'POST /api/notifications/read-all'],
  },
  {
    resource: 'notification-preferences',
    action: 'read',
    allow: ['signedIn'],
    routes: ['GET /api/auth/me/notifications'],
  },
  {
    resource: 'notification-preferences',
    action: 'update',
    allow: ['signedIn'],
    routes: ['PUT /api/auth/me/notifications'],
  },

  // ------------------------------------------------------------------ accounts and roles (server/users)
  { resource: 'user', action: 'read', allow: READ_ALL, routes: ['GET /api/users', 'GET /api/users/:id'] },
  { resource: 'user', action: 'create', allow: ['hr'], routes: ['POST /api/users'] },
  {
    resource: 'user',
    action: 'manage',
    allow: ['hr'],
    record: 'user',
    notOwnCase: true,
    ownCaseWords: 'peran, status aktif atau kata sandi akunnya sendiri / own roles, active flag or password',
    routes: [
      'PUT /api/users/:id',
      'POST /api/users/:id/deactivate',
      'POST /api/users/:id/reactivate',
      'POST /api/users/:id/reset-password',
    ],
  },

  // ------------------------------------------------------------------ organisation
  {
    resource: 'unit',
    action: 'read',
    allow: ['signedIn'],
    routes: ['GET /api/units', 'GET /api/units/:id'],
  },
  {
    resource: 'unit',
    action: 'write',
    allow: ['hr'],
    routes: ['POST /api/units', 'PUT /api/units/:id', 'DELETE /api/units/:id'],
  },
  // Every signed-in user may search the directory; which fields a row carries depends on the relation
  // (employees.projection.ts): pay ceiling, e-mail and grade only for self, own chain, HR and auditors.
  { resource: 'employee', action: 'list', allow: ['signedIn'], routes: ['GET /api/employees'] },
  { resource: 'employee', action: 'read', allow: ['signedIn'], record: 'employee', routes: ['GET /api/employees/:id'] },
  { resource: 'employee', action: 'create', allow: ['hr'], routes: ['POST /api/employees'] },
  // Own record: refused field by field in the handler (pay ceiling and superior), other fields allowed.
  { resource: 'employee', action: 'update', allow: ['hr'], record: 'employee', routes: ['PUT /api/employees/:id'] },
  {
    resource: 'import',
    action: 'run',
    allow: ['hr'],
    routes: ['GET /api/imports/:kind/template.csv', 'POST /api/imports/:kind'],
  },
  {
    resource: 'period',
    action: 'read',
    allow: ['signedIn'],
    routes: ['GET /api/periods', 'GET /api/periods/:id'],
  },
  { resource: 'period', action: 'create', allow: ['hr'], routes: ['POST /api/periods/year'] },

  // ------------------------------------------------------------------ rules (routes owned by the rule-set team)
  {
    resource: 'ruleset',
    action: 'read',
    allow: ['signedIn'],
    routes: [
      'GET /api/rulesets',
      'GET /api/rulesets/in-force/:kind',
      'GET /api/rulesets/:id',
      'GET /api/rulesets/:id/diff',
      'GET /api/rulesets/:id/decision-table',
      'GET /api/rulesets/:id/review',
      'POST /api/rulesets/:id/evaluate',
      'POST /api/rulesets/:id/test',
    ],
  },
  {
    resource: 'ruleset',
    action: 'write',
    allow: ['hr'],
    routes: [
      'POST /api/rulesets',
      'PUT /api/rulesets/:id',
      'DELETE /api/rulesets/:id',
      'POST /api/rulesets/:id/submit',
      'POST /api/rulesets/:id/approve',
      'POST /api/rulesets/:id/return',
      'POST /api/rulesets/:id/retire',
      'POST /api/rulesets/:id/retire-approve',
      'POST /api/rulesets/:id/retire-withdraw',
    ],
  },
  { resource: 'ruleset', action: 'simulate', allow: READ_ALL, routes: ['POST /api/rulesets/:id/simulate'] },

  // ------------------------------------------------------------------ cycles
  {
    resource: 'cycle',
    action: 'read',
    allow: ['signedIn'],
    routes: ['GET /api/cycles', 'GET /api/cycles/:id', 'GET /api/cycles/:id/progress'],
  },
  // Counts of small units are withheld from employees (cycles.routes.ts, MIN_UNIT_COUNT_SHOWN).
  { resource: 'cycle', action: 'unit-ratings', allow: ['signedIn'], routes: ['GET /api/cycles/:id/unit-ratings'] },
  {
    resource: 'cycle',
    action: 'manage',
    allow: ['hr'],
    routes: [
      'POST /api/cycles',
      'POST /api/cycles/:id/start',
      'POST /api/cycles/:id/cancel',
      'POST /api/cycles/:id/unit-ratings',
    ],
  },
  { resource: 'payroll', action: 'export', allow: READ_ALL, routes: ['GET /api/cycles/:id/payroll.csv'] },
  // The unit ratings a cycle's DISTRIBUTION rules propose from imported unit results (server/unit-results).
  {
    resource: 'cycle',
    action: 'unit-rating-proposals',
    allow: READ_ALL,
    routes: ['GET /api/cycles/:id/unit-rating-proposals'],
  },
  // Unit results (the satisfaction index units publish, other unit results): imported by HR, read by everyone.
  { resource: 'unit-result', action: 'read', allow: ['signedIn'], routes: ['GET /api/unit-results'] },
  {
    resource: 'schedule',
    action: 'read',
    allow: READ_ALL,
    routes: ['GET /api/cycle-schedules', 'GET /api/cycle-schedules/:id'],
  },
  {
    resource: 'schedule',
    action: 'manage',
    allow: ['hr'],
    routes: [
      'POST /api/cycle-schedules',
      'POST /api/cycle-schedules/:id/pause',
      'POST /api/cycle-schedules/:id/unpause',
      'POST /api/cycle-schedules/:id/trigger',
      'DELETE /api/cycle-schedules/:id',
    ],
  },
  { resource: 'dashboard', action: 'read', allow: READ_ALL, routes: ['GET /api/dashboard'] },
  { resource: 'skeleton', action: 'read', allow: ['signedIn'], routes: ['GET /api/skeleton-runs'] },
  { resource: 'skeleton', action: 'run', allow: ['hr'], routes: ['POST /api/skeleton-runs'] },

  ...APPRAISAL_POLICY,

  // ------------------------------------------------------------------ tasks
  // Lists are narrowed to the caller's tasks (scopeWhere with tasks.service mineWhere); HR and auditors may widen
  // theirs with filter scope="all"; a client filter only narrows.
  { resource: 'task', action: 'list', allow: ['assignee', ...READ_ALL], routes: ['GET /api/tasks'] },
  {
    resource: 'task',
    action: 'read',
    allow: ['assignee', ...READ_ALL],
    record: 'task',
    refusal: TASK_NOT_YOURS,
    refuseUnrelated: true,
    routes: ['GET /api/tasks/:id'],
  },
  // Own case (an HR admin deciding their own sanctions or adjusting their own predicate) is refused in tasks.service.
  {
    resource: 'task',
    action: 'complete',
    allow: ['assignee'],
    record: 'task',
    refusal: TASK_NOT_YOURS,
    refuseUnrelated: true,
    // Working on an open evidence task includes removing a file uploaded by mistake (server/tasks/evidence-removal.ts).
    routes: ['POST /api/tasks/:id/complete', 'DELETE /api/tasks/:id/evidence/:evidenceId'],
  },

  // ------------------------------------------------------------------ pay and sanctions
  { resource: 'pay-adjustment', action: 'list', allow: ['self', ...READ_ALL], routes: ['GET /api/pay-adjustments'] },
  {
    resource: 'pay-adjustment',
    action: 'read',
    allow: ['self', ...READ_ALL],
    record: 'payAdjustment',
    routes: ['GET /api/pay-adjustments/:id'],
  },
  { resource: 'sanction', action: 'list', allow: ['self', ...READ_ALL], routes: ['GET /api/sanctions'] },
  {
    resource: 'sanction',
    action: 'read',
    allow: ['self', ...READ_ALL],
    record: 'sanction',
    routes: ['GET /api/sanctions/:id'],
  },

  // Acting superiors (Plt. / Plh.): HR records and ends them (not one involving themselves: delegations.service); the
  // official and the acting person read theirs (the handler narrows the list and the row), HR and auditors all.
  {
    resource: 'delegation',
    action: 'read',
    allow: ['self', ...READ_ALL],
    routes: ['GET /api/delegations', 'GET /api/delegations/:id'],
  },
  { resource: 'delegation', action: 'create', allow: ['hr'], routes: ['POST /api/delegations'] },
  { resource: 'delegation', action: 'end', allow: ['hr'], routes: ['POST /api/delegations/:id/end'] },

  // Daily attendance: the employee's own days, the team's for the rater and the rater's superior, all for HR/auditor.
  { resource: 'attendance', action: 'list', allow: [...CHAIN, ...READ_ALL], routes: ['GET /api/attendance'] },

  // ------------------------------------------------------------------ audit (routes owned by the audit team)
  {
    resource: 'audit',
    action: 'read',
    allow: READ_ALL,
    routes: [
      'GET /api/audit-events',
      'GET /api/audit-events/verify',
      'GET /api/audit-events/export.csv',
      'GET /api/audit-events/:id',
    ],
  },
];

/** The row of a resource and action (throws on a typo: the table is the only source). */
export function ruleOf(resource: string, action: string): AccessRule {
  const rule = ACCESS_POLICY.find((r) => r.resource === resource && r.action === action);
  if (!rule) throw new Error(`access policy has no row for ${resource}.${action}`);
  return rule;
}

/** Every `METHOD path` of the table with its row. */
export function policyRoutes(): Map<string, AccessRule> {
  const map = new Map<string, AccessRule>();
  for (const rule of ACCESS_POLICY)
    for (const route of rule.routes) {
      if (map.has(route)) throw new Error(`access policy: route ${route} appears in two rows`);
      map.set(route, rule);
    }
  return map;
}
