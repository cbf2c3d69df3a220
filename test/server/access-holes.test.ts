/**
 * The access holes of issue 10 (items 1 and 3), each as a user would find it: a colleague's TPP and sanctions through
 * the list filter, pay ceilings and e-mails in the directory, the result of an appraisal before it is shared, counts
 * of small units, the Temporal Web UI link. Each of these tests failed on the code before server/access/.
 */
import type { Express } from 'express';
import request from 'supertest';
import { seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp, loginDemoAccounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { binaryBody, pdfText } from '../helpers/pdf-text';
import { personas, seedAccessRecords, type Persona } from './access-fixtures';

const filter = (f: object) => `filter=${encodeURIComponent(JSON.stringify(f))}`;

describe('access holes of issue 10 (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: Express;
  let tokens: Record<string, string>;
  let cycleId: number;
  let who: Record<string, Persona>;
  const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
  const appraisalOf = (employeeId: number | null) =>
    db.prisma.appraisal.findFirstOrThrow({ where: { cycleId, employeeId: employeeId! } });

  beforeAll(async () => {
    db = await createTestDatabase('access_holes');
    await seedDemo(db.prisma);
    cycleId = (await seedAccessRecords(db.prisma)).id;
    app = createTestApp(db).app;
    tokens = await loginDemoAccounts(app);
    const list = await personas(db.prisma, ['admin', 'admin2', 'auditor', 'pegawai', 'penilai', 'atasan']);
    who = Object.fromEntries(list.map((p) => [p.username, p]));
  });
  afterAll(() => db.drop());

  it.each(['pay-adjustments', 'sanctions'])(
    '/api/%s: a filter on a colleague narrows the employee’s own scope to nothing; HR still finds the row',
    async (resource) => {
      const rater = who.penilai.employeeId;
      const theirs = await request(app)
        .get(`/api/${resource}?${filter({ employeeId: rater })}`)
        .set(as('pegawai'));
      expect(theirs.status).toBe(200);
      expect(theirs.body).toEqual([]);
      expect(theirs.headers['content-range']).toMatch(/\/0$/);
      const mine = await request(app).get(`/api/${resource}`).set(as('pegawai')).expect(200);
      expect(mine.body.map((r: any) => r.employeeId)).toEqual([who.pegawai.employeeId]);
      const hr = await request(app)
        .get(`/api/${resource}?${filter({ employeeId: rater })}`)
        .set(as('admin'));
      expect(hr.body.map((r: any) => r.employeeId)).toEqual([rater]);
      await request(app).get(`/api/${resource}/${hr.body[0].id}`).set(as('pegawai')).expect(404);
      await request(app).get(`/api/${resource}/${hr.body[0].id}`).set(as('auditor')).expect(200);
    },
  );

  it('the directory gives pay ceiling, e-mail and grade only to self, the own chain, HR and auditors', async () => {
    const staff = who.pegawai.employeeId!;
    const hrEmployee = who.admin.employeeId!;
    await db.prisma.employee.updateMany({ data: { email: 'pegawai@example.go.id', grade: 'III/a' } });
    const rows = async (username: string) => {
      const res = await request(app)
        .get(`/api/employees?${filter({ id: [staff, hrEmployee] })}`)
        .set(as(username))
        .expect(200);
      return Object.fromEntries(res.body.map((r: any) => [r.id, r]));
    };
    const byPegawai = await rows('pegawai');
    expect(byPegawai[staff]).toMatchObject({ baseAllowance: expect.any(Number), email: expect.any(String) });
    expect(Object.keys(byPegawai[hrEmployee]).sort()).toEqual(
      ['id', 'name', 'nip', 'position', 'positionType', 'unit', 'unitId'].sort(),
    );
    for (const chain of ['penilai', 'atasan', 'admin2', 'auditor'])
      expect((await rows(chain))[staff]).toMatchObject({ baseAllowance: expect.any(Number), grade: 'III/a' });
    expect((await rows('penilai'))[hrEmployee].baseAllowance).toBeUndefined();
    const one = await request(app).get(`/api/employees/${hrEmployee}`).set(as('pegawai')).expect(200);
    expect(one.body.email).toBeUndefined();
    expect(one.body.baseAllowance).toBeUndefined();
  });

  it('the appraised employee sees no predicate, ratings, explanation, history, PDF rating, TPP or sanctions until shared', async () => {
    const shared = await appraisalOf(who.pegawai.employeeId);
    const a = await db.prisma.appraisal.update({ where: { id: shared.id }, data: { resultSharedAt: null } });
    expect(a.predicate).not.toBeNull();
    const get = (path: string, username: string) => request(app).get(path).set(as(username)).expect(200);

    const record = await get(`/api/appraisals/${a.id}`, 'pegawai');
    expect(record.body).toMatchObject({
      predicate: null,
      predicateExplanation: null,
      review: null,
      resultWithheld: true,
    });
    const result = await get(`/api/appraisals/${a.id}/result`, 'pegawai');
    expect(result.body).toMatchObject({ predicate: null, ratings: null, explanation: null, pay: null });
    const list = await get(`/api/appraisals?${filter({ cycleId })}`, 'pegawai');
    expect(list.body.map((r: any) => [r.id, r.predicate])).toEqual([[a.id, null]]);
    const history = await get(`/api/appraisals/${a.id}/history`, 'pegawai');
    expect(history.body.entries.filter((e: any) => e.data !== undefined)).toEqual([]);
    const pdf = (username: string) =>
      request(app)
        .get(`/api/documents/appraisals/${a.id}/evaluation.pdf`)
        .set(as(username))
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
    expect(pdfText((await pdf('pegawai')).body)).toContain('PREDIKAT KINERJA PEGAWAI BELUM ADA');
    // TPP and sanction recommendations follow from the predicate: withheld too.
    for (const resource of ['pay-adjustments', 'sanctions'])
      expect((await get(`/api/${resource}?${filter({ cycleId })}`, 'pegawai')).body).toEqual([]);

    // The rater sees the result before it is shared; the employee once it is.
    expect((await get(`/api/appraisals/${a.id}/result`, 'penilai')).body.predicate).toBe(a.predicate);
    expect(pdfText((await pdf('penilai')).body)).toContain('Rating hasil kerja');
    await db.prisma.appraisal.update({ where: { id: a.id }, data: { resultSharedAt: new Date() } });
    expect((await get(`/api/appraisals/${a.id}`, 'pegawai')).body.predicate).toBe(a.predicate);
    expect((await get(`/api/appraisals/${a.id}/result`, 'pegawai')).body.ratings).not.toBeNull();
    expect(pdfText((await pdf('pegawai')).body)).toContain('Rating hasil kerja');
    for (const resource of ['pay-adjustments', 'sanctions'])
      expect((await get(`/api/${resource}?${filter({ cycleId })}`, 'pegawai')).body).toHaveLength(1);
  });

  it('unit-ratings withhold the counts of units under the threshold from employees, not from HR', async () => {
    const sizes = await db.prisma.appraisal.groupBy({ by: ['unitId'], where: { cycleId }, _count: { _all: true } });
    const small = sizes.find((s) => s._count._all < 5)!;
    const large = sizes.find((s) => s._count._all >= 5)!;
    const violation = [{ code: 'MAX', message: { id: '2 dari 3 pegawai Sangat Baik', en: '2 of 3' } }];
    for (const s of [small, large])
      await db.prisma.unitCycleRating.create({
        data: { cycleId, unitId: s.unitId, rating: 'BAIK', status: 'VIOLATES_CURVE', violations: violation },
      });
    const rows = async (username: string) => {
      const res = await request(app).get(`/api/cycles/${cycleId}/unit-ratings`).set(as(username)).expect(200);
      return Object.fromEntries(res.body.map((r: any) => [r.unitId, r]));
    };
    const byEmployee = await rows('pegawai');
    expect(byEmployee[small.unitId]).toMatchObject({ violations: [], explanation: null, countsWithheld: true });
    expect(byEmployee[large.unitId].violations).toEqual(violation);
    for (const reader of ['admin', 'auditor']) expect((await rows(reader))[small.unitId].violations).toEqual(violation);
  });

  it('the Temporal Web UI link goes to HR and auditors only', async () => {
    const a = await appraisalOf(who.pegawai.employeeId);
    for (const [username, link] of [
      ['admin', true],
      ['auditor', true],
      ['pegawai', false],
      ['penilai', false],
      ['atasan', false],
    ] as const) {
      const record = await request(app).get(`/api/appraisals/${a.id}`).set(as(username)).expect(200);
      const history = await request(app).get(`/api/appraisals/${a.id}/history`).set(as(username)).expect(200);
      for (const url of [record.body.temporalUiUrl, history.body.temporalUiUrl])
        if (link) expect(url).toMatch(/\/workflows\//);
        else expect(url).toBeNull();
    }
  });
});
