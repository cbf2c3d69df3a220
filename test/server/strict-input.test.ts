/**
 * Strict input (issue 10 item 4): a key the server does not know is a 400 naming it, ids beyond what a database
 * column holds and unknown references are a 400/404 naming the field, never a 500 — the five 500s the OpenAPI
 * fuzzer found among them — and nothing stored changes on a refused request.
 */
import type { Express } from 'express';
import request from 'supertest';
import { seedDemo } from '../../prisma/seed/seed-database';
import { TASK_PAYLOADS } from '../../workflows/task-payloads';
import { createTestApp, loginDemoAccounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const HUGE = 9007199254740990;

describe('strict input (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: Express;
  let tokens: Record<string, string>;
  const hr = () => ({ Authorization: `Bearer ${tokens.admin}` });
  const fields = (res: request.Response) =>
    (res.body.error?.details?.fields ?? []).map((f: { field: string }) => f.field);

  beforeAll(async () => {
    db = await createTestDatabase('strict_input');
    await seedDemo(db.prisma);
    app = createTestApp(db).app;
    tokens = await loginDemoAccounts(app);
  });
  afterAll(() => db.drop());

  it('GET /api/rulesets/in-force/0 (an unknown kind) is a 404 naming the kinds, not a 500', async () => {
    const res = await request(app).get('/api/rulesets/in-force/0').set(hr());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/SCORING, DISTRIBUTION, PAY, SANCTION/);
  });

  it('POST /api/cycles with an unknown sanctionVersionId is a 400 naming it; no cycle is stored', async () => {
    const before = await db.prisma.cycle.count();
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { parentId: null } });
    const period = await db.prisma.period.findFirstOrThrow();
    const res = await request(app)
      .post('/api/cycles')
      .set(hr())
      .send({ name: 'Siklus uji', unitId: unit.id, periodId: period.id, sanctionVersionId: 999999 });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['sanctionVersionId']);
    const wrongKind = await db.prisma.ruleSetVersion.findFirstOrThrow({ where: { ruleSet: { kind: 'PAY' } } });
    const kind = await request(app)
      .post('/api/cycles')
      .set(hr())
      .send({ name: 'Siklus uji', unitId: unit.id, periodId: period.id, sanctionVersionId: wrongKind.id });
    expect(kind.status).toBe(400);
    expect(kind.body.error.message).toMatch(/SANCTION/);
    expect(await db.prisma.cycle.count()).toBe(before);
  });

  it('an id beyond a database integer is a 400 naming the field (POST /api/cycle-schedules unitId)', async () => {
    const res = await request(app)
      .post('/api/cycle-schedules')
      .set(hr())
      .send({ name: 'Bulanan', unitId: HUGE, periodType: 'MONTH' });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['unitId']);
    const path = await request(app).get(`/api/cycles/${HUGE}`).set(hr());
    expect(path.status).toBe(400);
  });

  it('POST /api/cycles/:id/unit-ratings with a unit outside the cycle is a 400 naming it', async () => {
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { parentId: null } });
    const period = await db.prisma.period.findFirstOrThrow();
    const cycle = await request(app)
      .post('/api/cycles')
      .set(hr())
      .send({ name: 'Siklus peringkat', unitId: unit.id, periodId: period.id })
      .expect(201);
    const res = await request(app)
      .post(`/api/cycles/${cycle.body.id}/unit-ratings`)
      .set(hr())
      .send({ ratings: [{ unitId: 999999, rating: 'BAIK' }] });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['ratings.0.unitId']);
    expect(await db.prisma.unitCycleRating.count({ where: { cycleId: cycle.body.id } })).toBe(0);
  });

  it('POST /api/rulesets/:id/simulate on an unknown cycle is a 400 naming cycleId', async () => {
    const version = await db.prisma.ruleSetVersion.findFirstOrThrow();
    const res = await request(app).post(`/api/rulesets/${version.id}/simulate`).set(hr()).send({ cycleId: 999999 });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['cycleId']);
  });

  it('a list filter naming a record must be an integer: a 400 naming the filter, not a 500, on every list', async () => {
    const lists = [
      'appraisals',
      'tasks',
      'cycles',
      'employees',
      'pay-adjustments',
      'sanctions',
      'audit-events',
      'units',
    ];
    const filters = { appraisals: 'cycleId', tasks: 'cycleId', cycles: 'unitId', employees: 'unitId' } as Record<
      string,
      string
    >;
    for (const list of lists) {
      const key =
        filters[list] ?? (list === 'audit-events' ? 'actorUserId' : list === 'units' ? 'parentId' : 'employeeId');
      for (const bad of ['abc', 1.5, -1, [1, 2], 9_999_999_999]) {
        const res = await request(app)
          .get(`/api/${list}`)
          .query({ filter: JSON.stringify({ [key]: bad }) })
          .set(hr());
        expect([list, bad, res.status]).toEqual([list, bad, 400]);
        expect(res.body.error.details.fields[0].field).toBe(`filter.${key}`);
      }
      const ok = await request(app)
        .get(`/api/${list}`)
        .query({ filter: JSON.stringify({ [key]: '1' }) })
        .set(hr());
      expect([list, ok.status]).toEqual([list, 200]);
    }
  });

  it('an unknown key in a body is a 400 naming it, and nothing is stored', async () => {
    const before = await db.prisma.unit.count();
    const res = await request(app)
      .post('/api/units')
      .set(hr())
      .send({ code: 'UJI-1', name: 'Unit Uji', isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields).toEqual([
      { field: 'isAdmin', message: 'kolom tidak dikenal / unknown field', code: 'UNKNOWN_FIELD', params: {} },
    ]);
    expect(await db.prisma.unit.count()).toBe(before);
    const login = await request(app).post('/api/auth/login').send({ username: 'pegawai', password: 'x', roles: [] });
    expect(login.status).toBe(400);
    expect(fields(login)).toEqual(['roles']);
  });

  it('a NUL character (which PostgreSQL text cannot hold) and a date outside 2000–2099 are a 400 naming the field', async () => {
    const nul = await request(app).post('/api/units').set(hr()).send({ code: 'UJI-2', name: 'Unit\u0000Uji' });
    expect(nul.status).toBe(400);
    expect(fields(nul)).toEqual(['name']);
    const [a, b] = await db.prisma.employee.findMany({ take: 2, orderBy: { id: 'desc' } });
    const old = await request(app)
      .post('/api/delegations')
      .set(hr())
      .send({ kind: 'PLH', principalId: a.id, actingId: b.id, startsOn: '0000-01-01', endsOn: '0000-01-02' });
    expect(old.status).toBe(400);
    expect(fields(old)).toEqual(['startsOn', 'endsOn']);
    // What the fuzzer sent: an empty date (the date check ran after the failed pattern and threw: a 500).
    const empty = await request(app)
      .post('/api/delegations')
      .set(hr())
      .send({ kind: 'PLH', principalId: 1, actingId: 1, startsOn: '0000-01-01', endsOn: '', letterNumber: '' });
    expect(empty.status).toBe(400);
    expect(fields(empty)).toEqual(expect.arrayContaining(['startsOn', 'endsOn']));
  });

  it('task payloads refuse unknown keys at every depth, naming them (e.g. a column smuggled into berakhlak)', () => {
    const berakhlak = Object.fromEntries(
      ['berorientasiPelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'].map((k) => [
        k,
        'MEETS',
      ]),
    );
    const review = { resultRating: 'MEETS', behaviourRating: 'MEETS', berakhlak };
    expect(TASK_PAYLOADS['review.submit'].safeParse(review).success).toBe(true);
    const smuggled = TASK_PAYLOADS['review.submit'].safeParse({ ...review, berakhlak: { ...berakhlak, source: 'HR' } });
    expect(smuggled.success).toBe(false);
    expect(smuggled.error!.issues).toEqual([expect.objectContaining({ path: ['berakhlak'], keys: ['source'] })]);
    const plan = TASK_PAYLOADS['plan.submit'].safeParse({
      items: [
        {
          kind: 'MAIN',
          title: 'Layanan perizinan',
          indicators: [{ aspect: 'QUANTITY', description: 'Izin terbit', target: '100', planId: 7 }],
        },
      ],
    });
    expect(plan.success).toBe(false);
    expect(plan.error!.issues[0].path).toEqual(['items', 0, 'indicators', 0]);
  });
});
