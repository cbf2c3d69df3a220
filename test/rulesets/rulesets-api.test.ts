import request from 'supertest';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('rule-set versions API (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createTestApp>['app'];
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase('rulesets');
    await seedDemo(db.prisma);
    app = createTestApp(db).app;
    for (const u of ['admin', 'admin2', 'pegawai', 'auditor']) {
      const res = await request(app).post('/api/auth/login').send({ username: u, password: DEMO_PASSWORD });
      auth[u] = `Bearer ${res.body.token}`;
    }
  });
  afterAll(() => db.drop());

  it('the seed publishes version 1 of each default kind', async () => {
    const res = await request(app)
      .get('/api/rulesets')
      .query({ filter: JSON.stringify({ status: 'PUBLISHED' }) })
      .set('Authorization', auth.auditor)
      .expect(200);
    expect(res.body.map((r: any) => r.kind).sort()).toEqual(['DISTRIBUTION', 'PAY', 'SANCTION', 'SCORING']);
    expect(res.headers['content-range']).toBe('rulesets 0-3/4');
  });

  it('draft → invalid save refused with a JSON pointer (nothing changed) → submit → author cannot approve (409 four eyes) → second admin publishes → immutable', async () => {
    const draft = await request(app)
      .post('/api/rulesets')
      .set('Authorization', auth.admin)
      .send({ kind: 'SCORING' })
      .expect(201);
    expect(draft.body).toMatchObject({ status: 'DRAFT', version: 2 });
    const id = draft.body.id;
    const full = await request(app).get(`/api/rulesets/${id}`).set('Authorization', auth.admin).expect(200);
    const doc = full.body.document;

    const broken = structuredClone(doc);
    broken.rules[0].conditions.all[0].fact = 'gajiPokok';
    const refused = await request(app)
      .put(`/api/rulesets/${id}`)
      .set('Authorization', auth.admin)
      .send({ document: broken })
      .expect(400);
    expect(refused.body.error.details.fields.map((f: any) => f.pointer)).toContain('/rules/0/conditions/all/0/fact');
    const unchanged = await request(app).get(`/api/rulesets/${id}`).set('Authorization', auth.admin).expect(200);
    expect(unchanged.body.contentHash).toBe(full.body.contentHash);

    const edited = structuredClone(doc);
    edited.description = 'Revisi 2027: deskripsi diperbarui';
    await request(app)
      .put(`/api/rulesets/${id}`)
      .set('Authorization', auth.admin)
      .send({ document: edited })
      .expect(200);
    await request(app)
      .put(`/api/rulesets/${id}`)
      .set('Authorization', auth.pegawai)
      .send({ document: edited })
      .expect(403);

    await request(app).post(`/api/rulesets/${id}/submit`).set('Authorization', auth.admin).send({}).expect(200);
    const own = await request(app)
      .post(`/api/rulesets/${id}/approve`)
      .set('Authorization', auth.admin)
      .send({})
      .expect(409);
    expect(own.body.error.code).toBe('FOUR_EYES');
    expect(own.body.error.message).toMatch(/empat mata/);
    const published = await request(app)
      .post(`/api/rulesets/${id}/approve`)
      .set('Authorization', auth.admin2)
      .send({})
      .expect(200);
    expect(published.body.status).toBe('PUBLISHED');
    await request(app).put(`/api/rulesets/${id}`).set('Authorization', auth.admin).send({ document: doc }).expect(409);

    const audit = await db.prisma.auditEvent.findMany({
      where: { entity: 'rule-set-version', entityId: String(id) },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['create-draft', 'save-draft', 'submit', 'approve']);
    expect(audit.at(-1)!.actor).toBe('admin2');
  });

  it('a dry run evaluates facts with no side effects and explains the predicate', async () => {
    const v1 = await db.prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SCORING', version: 1 } });
    const before = await db.prisma.auditEvent.count();
    const res = await request(app)
      .post(`/api/rulesets/${v1.id}/evaluate`)
      .set('Authorization', auth.pegawai)
      .send({ facts: { resultRating: 'ABOVE', behaviourRating: 'ABOVE' } })
      .expect(200);
    expect(res.body.events).toEqual([
      expect.objectContaining({ type: 'predicate', params: expect.objectContaining({ predicate: 'SANGAT_BAIK' }) }),
    ]);
    expect(res.body.explanation).toBeDefined();
    expect(await db.prisma.auditEvent.count()).toBe(before);
    const bad = await request(app)
      .post(`/api/rulesets/${v1.id}/evaluate`)
      .set('Authorization', auth.pegawai)
      .send({ facts: { resultRating: 'LUAR_BIASA', behaviourRating: 'ABOVE' } })
      .expect(400);
    expect(JSON.stringify(bad.body.error)).toMatch(/resultRating/);
  });

  it('the pay rules give integer rupiah, and the decision table of scoring is the 3×3 matrix', async () => {
    const pay = await db.prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'PAY', version: 1 } });
    const res = await request(app)
      .post(`/api/rulesets/${pay.id}/evaluate`)
      .set('Authorization', auth.admin)
      .send({
        facts: {
          predicate: 'BUTUH_PERBAIKAN',
          baseAmount: 7_800_000,
          unexcusedAbsenceDays: 2,
          consecutiveAbsenceDays: 0,
          missedAssemblies: 0,
          sanctionCutPercent: 0,
          employmentType: 'PNS',
        },
      })
      .expect(200);
    expect(Number.isInteger(res.body.amount)).toBe(true);
    expect(res.body.amount).toBeGreaterThan(0);
    expect(res.body.amount).toBeLessThan(7_800_000);
    const scoring = await db.prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SCORING', version: 1 } });
    const table = await request(app)
      .get(`/api/rulesets/${scoring.id}/decision-table`)
      .set('Authorization', auth.admin)
      .expect(200);
    expect(table.body.table.cells).toHaveLength(9);
  });
});
