/**
 * Access as data, proven for every route (issue 10, item 1): every route of the express app — read from the app's
 * own router stack — has exactly one row in the access policy, and is tried by every demo persona against an own,
 * a subordinate's, an indirect subordinate's and an unrelated record (where the route names a record). The answer
 * expected follows from the row and from the relation as this test knows it (not from the server's own resolver).
 */
import type { Express } from 'express';
import request from 'supertest';
import { seedDemo } from '../../prisma/seed/seed-database';
import { ACCESS_POLICY, policyRoutes, type AccessRule, type Relation } from '../../server/access/access.policy';
import { createTestApp, loginDemoAccounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import {
  draftCycle,
  draftRuleSetVersion,
  peopleOf,
  personas,
  recordAbout,
  seedAccessRecords,
  type Case,
  type Persona,
} from './access-fixtures';

const PERSONAS = ['admin', 'admin2', 'auditor', 'pegawai', 'penilai', 'atasan'];
const PERSONAL: Relation[] = ['self', 'rater', 'raterSuperior', 'assignee'];

/**
 * Every route the app serves under /api (and /metrics), read from its router stack (the access guard excluded), with the policy row
 * that its handler chain names through `authorize()` (router-level or route-level), if any.
 */
export function appRoutes(app: Express): Map<string, AccessRule | undefined> {
  const out = new Map<string, AccessRule | undefined>();
  const walk = (stack: any[], base: string, inherited: AccessRule | undefined) => {
    let named = inherited;
    for (const layer of stack) {
      if (layer.route && typeof layer.route.path === 'string') {
        const own = layer.route.stack.find((l: any) => l.handle?.accessRule)?.handle.accessRule as
          AccessRule | undefined;
        for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all'))
          out.set(`${method.toUpperCase()} ${(base + layer.route.path).replace(/\/$/, '') || '/'}`, own ?? named);
      } else if (layer.handle?.stack && !layer.handle.isAccessGuard) {
        const path = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, base + path, named);
      } else if (layer.handle?.accessRule) named = layer.handle.accessRule;
    }
  };
  walk((app as any).router.stack, '', undefined);
  // The API, and the Prometheus scrape endpoint beside it (the console's pages are not routes of the policy).
  const served = (path: string) => path.startsWith('/api') || path === '/metrics';
  return new Map([...out].filter(([route]) => served(route.split(' ')[1])));
}

/** Routers of other teams (sign-in, audit log, rule sets): the guard alone enforces their rows. */
const GUARD_ONLY = ['/api/auth/', '/api/audit-events', '/api/rulesets'];

/** The relations a case stands for, as this test defines them (tasks: the own one is assigned to the persona). */
function caseRelations(rule: AccessRule, c: Case | 'none'): Relation[] {
  if (c === 'none' || c === 'unrelated') return [];
  if (rule.record === 'task') return c === 'own' ? ['assignee'] : [];
  return { own: ['self'], subordinate: ['rater'], indirect: ['raterSuperior'] }[c] as Relation[];
}

type Expected = 'allow' | 'deny' | 'own-case' | 'hidden';

/**
 * Rows read without a `record` whose handler narrows to the caller's own rows: the row of another person is a 404 to a
 * persona without a role that reads all (the test's delegation involves none of the personas).
 */
const NARROWED_READS = ['GET /api/delegations/:id'];

function expected(rule: AccessRule, persona: Persona, c: Case | 'none', route = ''): Expected {
  const have = new Set<Relation>(['public', 'signedIn', ...caseRelations(rule, c)]);
  if (persona.roles.includes('HR_ADMIN')) have.add('hr');
  if (persona.roles.includes('AUDITOR')) have.add('auditor');
  if (NARROWED_READS.includes(route) && !have.has('hr') && !have.has('auditor')) return 'hidden';
  const scopedList = !rule.record && rule.allow.some((r) => PERSONAL.includes(r));
  const allowed = scopedList || rule.allow.some((r) => have.has(r));
  if (!allowed) return 'deny';
  return rule.notOwnCase && c === 'own' ? 'own-case' : 'allow';
}

describe('access matrix: every route × persona × relation (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: Express;
  let tokens: Record<string, string>;
  let cycle: { id: number; unitId: number; periodId: number };
  let delegationId: number;

  beforeAll(async () => {
    db = await createTestDatabase('access_matrix');
    await seedDemo(db.prisma);
    cycle = await seedAccessRecords(db.prisma);
    app = createTestApp(db).app;
    tokens = await loginDemoAccounts(app);
    // A Plt between two employees who are none of the personas (GET /api/delegations/:id and its end).
    const personaIds = (await db.prisma.user.findMany({ where: { username: { in: PERSONAS } } })).map(
      (u) => u.employeeId,
    );
    const [principal, acting] = await db.prisma.employee.findMany({
      where: { status: 'ACTIVE', id: { notIn: personaIds.filter((id): id is number => id !== null) } },
      orderBy: { id: 'desc' },
      take: 2,
    });
    delegationId = (
      await db.prisma.delegation.create({
        data: {
          kind: 'PLT',
          principalId: principal.id,
          actingId: acting.id,
          startsOn: new Date('2027-01-01'),
          endsOn: new Date('2027-01-31'),
          workflowId: 'delegation-uji-akses',
        },
      })
    ).id;
  });
  afterAll(() => db.drop());

  it('every route of the app has exactly one policy row, and every row names a route of the app', () => {
    const served = [...appRoutes(app).keys()].sort();
    const table = [...policyRoutes().keys()].sort();
    expect(served.filter((r) => !table.includes(r))).toEqual([]); // routes without a row
    expect(table.filter((r) => !served.includes(r))).toEqual([]); // rows of routes that do not exist
    expect(served.length).toBeGreaterThan(60);
  });

  it('every handler names through authorize() the same row the table gives its route', () => {
    const table = policyRoutes();
    const named = [...appRoutes(app)].filter(([route]) => !GUARD_ONLY.some((p) => route.split(' ')[1].startsWith(p)));
    const disagree = named
      .filter(([route, rule]) => rule !== table.get(route))
      .map(([route, rule]) => `${route}: handler ${rule ? `${rule.resource}.${rule.action}` : 'names no row'}`);
    expect(disagree).toEqual([]);
    expect(named.length).toBeGreaterThan(50);
  });

  it('the OpenAPI document states the access of each documented route from the same table', async () => {
    const doc = (await request(app).get('/api/openapi.json').expect(200)).body;
    let documented = 0;
    for (const [route, rule] of policyRoutes()) {
      const [method, path] = route.split(' ');
      const op = doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      if (!op) continue;
      documented++;
      if (rule.allow.includes('public')) expect(op.security).toEqual([]);
      else expect(op.description).toBe(`Akses / access: ${rule.allow.join(', ')}`);
    }
    expect(documented).toBeGreaterThan(50);
  });

  /** The path with its parameters filled for a route that names no personal record. */
  async function plainPath(method: string, path: string): Promise<string> {
    const p = db.prisma;
    const changes = method !== 'GET';
    let id: string | number = 1;
    if (path.startsWith('/api/rulesets/'))
      id = changes
        ? await draftRuleSetVersion(p)
        : (await p.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SCORING', status: 'PUBLISHED' } })).id;
    else if (path.startsWith('/api/cycles/')) id = changes ? await draftCycle(p, cycle) : cycle.id;
    else if (path.startsWith('/api/units/'))
      id = (await p.unit.findFirstOrThrow({ where: { parentId: null }, orderBy: { id: 'asc' } })).id;
    else if (path.startsWith('/api/periods/')) id = cycle.periodId;
    else if (path.startsWith('/api/delegations/')) id = delegationId;
    else if (path.startsWith('/api/cycle-schedules/')) id = 'cycle-schedule-uji-akses';
    else if (path.startsWith('/api/users/'))
      id = (await p.user.findFirstOrThrow({ where: { username: 'auditor' } })).id; // bodies of {} are refused: no change
    else if (path.startsWith('/api/audit-events/'))
      id = String((await p.auditEvent.findFirstOrThrow({ orderBy: { id: 'asc' } })).id);
    return path.replace(':id', String(id)).replace('in-force/:kind', 'in-force/SCORING').replace(':kind', 'employees');
  }

  function send(method: string, path: string, token?: string) {
    const r = (request(app) as any)[method.toLowerCase()](path) as request.Test;
    if (token) r.set('Authorization', `Bearer ${token}`);
    return method === 'GET' ? r : r.send({});
  }

  it('each persona gets what its row allows, on own / subordinate / indirect / unrelated records', async () => {
    const people = await personas(db.prisma, PERSONAS);
    const cases = new Map(
      await Promise.all(people.map(async (p) => [p.username, await peopleOf(db.prisma, p)] as const)),
    );
    const wrong: string[] = [];
    let tried = 0;
    // Reads first, then changes; signing out (which ends the personas' sessions) last.
    const order = (route: string) => (route === 'POST /api/auth/logout' ? 2 : route.startsWith('GET ') ? 0 : 1);
    const routes = [...policyRoutes()].sort(([a], [b]) => order(a) - order(b));
    for (const [route, rule] of routes) {
      const [method, pattern] = route.split(' ');
      if (!rule.allow.includes('public')) {
        const anonymous = await send(method, await plainPath(method, pattern));
        if (anonymous.status !== 401) wrong.push(`${route} without a session: ${anonymous.status}, expected 401`);
      }
      for (const persona of people) {
        const targets: [Case | 'none', string][] = [];
        if (rule.record) {
          for (const [c, employeeId] of Object.entries(cases.get(persona.username)!) as [Case, number][])
            if (employeeId !== undefined)
              targets.push([
                c,
                pattern.replace(':id', String(await recordAbout(db.prisma, rule.record, employeeId, cycle.id))),
              ]);
        } else targets.push(['none', await plainPath(method, pattern)]);
        for (const [c, path] of targets) {
          tried++;
          const res = await send(method, path, tokens[persona.username]);
          const want = expected(rule, persona, c, route);
          const got = `${res.status} ${res.body?.error?.code ?? ''}`.trim();
          const ok =
            want === 'hidden'
              ? res.status === 404
              : want === 'allow'
                ? ![401, 403, 404].includes(res.status) && (res.status < 500 || res.status === 503)
                : want === 'own-case'
                  ? res.status === 403 && res.body?.error?.code === 'OWN_CASE'
                  : rule.record
                    ? [403, 404].includes(res.status)
                    : res.status === 403;
          if (!ok) wrong.push(`${route} as ${persona.username} on ${c} record (${path}): got ${got}, expected ${want}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The figures quoted in the issue's closing note.
    console.log(
      `access matrix: ${routes.length} routes, ${ACCESS_POLICY.length} policy rows, ${PERSONAS.length} personas, ${tried} persona × route × relation requests`,
    );
  });

  it('notifications are only ever the caller’s own: listed, counted and marked read (HR and auditors included)', async () => {
    const pegawai = await db.prisma.user.findUniqueOrThrow({ where: { username: 'pegawai' } });
    const note = await db.prisma.notification.create({
      data: {
        key: 'uji-akses:pegawai',
        userId: pegawai.id,
        kind: 'TASK_OPENED',
        title: 'Tugas baru: uji akses',
        titleEn: 'New task: access test',
        body: 'Penilaian uji akses.',
        bodyEn: 'Access test appraisal.',
        mailStatus: 'OFF',
      },
    });
    const fresh = await loginDemoAccounts(app); // the matrix above ended every session with its logout
    const as = (username: string) => `Bearer ${fresh[username]}`;
    for (const other of PERSONAS.filter((p) => p !== 'pegawai')) {
      const list = await request(app).get('/api/notifications').set('Authorization', as(other)).expect(200);
      expect(list.body.map((n: { id: number }) => n.id)).not.toContain(note.id);
      const mark = await request(app)
        .post('/api/notifications/read')
        .set('Authorization', as(other))
        .send({ ids: [note.id] });
      expect(mark.body.marked).toBe(0);
    }
    const own = await request(app).get('/api/notifications').set('Authorization', as('pegawai')).expect(200);
    expect(own.body.map((n: { id: number }) => n.id)).toContain(note.id);
    expect((await db.prisma.notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).toBeNull();
  });
});
