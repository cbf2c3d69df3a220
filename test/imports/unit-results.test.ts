/**
 * The public served (issue 15, item 4) against real PostgreSQL and the rules as published: HR imports a unit's
 * citizen-satisfaction index (IKM) for a period — bad rows named with their line and field, nothing stored — and a
 * DISTRIBUTION version published through the four-eyes lifecycle proposes the unit's rating from it, with words that
 * name the figure and its source; a new figure changes the proposal and its explanation; every figure is audited.
 */
import type { Express } from 'express';
import request from 'supertest';
import { seedDemo } from '../../prisma/seed/seed-database';
import { validateRuleset } from '../../rules/ruleset.validator';
import { createTestApp, loginDemoAccounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { scoringWithSatisfaction, withSatisfaction } from '../helpers/satisfaction-rules';
import { scoringActivities } from '../../activities/scoring.activities';

describe('unit results: import and the unit rating they propose (real PostgreSQL, published rules)', () => {
  let db: TestDatabase;
  let app: Express;
  let tokens: Record<string, string>;
  let unit: { id: number; code: string; name: string };
  let year: number;
  let cycleId: number;
  const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
  const post = (csv: string, dryRun: boolean, who = 'admin') =>
    request(app)
      .post(`/api/imports/unit-results?dryRun=${dryRun}`)
      .set(as(who))
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(csv);
  const proposals = async () =>
    (await request(app).get(`/api/cycles/${cycleId}/unit-rating-proposals`).set(as('admin')).expect(200)).body;

  beforeAll(async () => {
    db = await createTestDatabase('unit_results');
    await seedDemo(db.prisma);
    app = createTestApp(db).app;
    tokens = await loginDemoAccounts(app);
    const pegawai = await db.prisma.employee.findFirstOrThrow({ where: { user: { username: 'pegawai' } } });
    unit = await db.prisma.unit.findUniqueOrThrow({ where: { id: pegawai.unitId } });
    year = (await db.prisma.period.findFirstOrThrow({ where: { type: 'YEAR' }, orderBy: { year: 'desc' } })).year;
  });
  afterAll(() => db.drop());

  it('only HR imports; bad rows are named with their line and field, and nothing is stored', async () => {
    const header = 'kodeUnit,periode,jenis,nilai,sumber';
    await post(`${header}\n`, true, 'pegawai').expect(403);
    const template = await request(app).get('/api/imports/unit-results/template.csv').set(as('admin')).expect(200);
    expect(template.text.trim()).toBe(header);
    const csv = [
      header,
      `${unit.code},${year},IKM,88.50,Survei SKM ${year}`, // 2: fine
      `X-TIDAK-ADA,${year},IKM,80,Survei`, // 3: unknown unit
      `${unit.code},${year}-Q5,IKM,80,Survei`, // 4: no such period
      `${unit.code},${year}-Q1,IKM,120,Survei`, // 5: outside 0–100
      `${unit.code},${year}-Q3,IKM,80.123,Survei`, // 6: three decimals
      `${unit.code},${year}-Q2,IKM,80,`, // 7: no source
      `${unit.code},${year},SKM,81,Survei lain`, // 8: line 2's figure again
      `${unit.code},${year},total,5,Sistem`, // 9: a name the rules already use
    ].join('\n');
    const dry = await post(csv, true).expect(200);
    expect(dry.body).toMatchObject({ kind: 'unit-results', dryRun: true, total: 8, valid: 1, invalid: 7 });
    const errorsOf = (row: number) => dry.body.rows.find((r: any) => r.row === row).errors;
    expect(errorsOf(2)).toEqual([]);
    expect(errorsOf(3)).toEqual([{ field: 'kodeUnit', message: expect.stringContaining('X-TIDAK-ADA tidak dikenal') }]);
    expect(errorsOf(4)).toEqual([{ field: 'periode', message: expect.stringContaining('tidak dikenal') }]);
    expect(errorsOf(5)).toEqual([{ field: 'nilai', message: expect.stringContaining('di luar 0–100') }]);
    expect(errorsOf(6)).toEqual([{ field: 'nilai', message: expect.stringContaining('dua desimal') }]);
    expect(errorsOf(7)).toEqual([{ field: 'sumber', message: expect.stringContaining('Wajib diisi') }]);
    expect(errorsOf(8)).toEqual([{ field: 'jenis', message: expect.stringContaining('baris 2') }]);
    expect(errorsOf(9)).toEqual([{ field: 'jenis', message: expect.stringContaining('capaianIKU') }]);
    const refused = await post(csv, false).expect(422);
    expect(refused.body.error.code).toBe('IMPORT_INVALID');
    expect(await db.prisma.unitResult.count()).toBe(0);
  });

  it('a published DISTRIBUTION rule proposes the unit’s rating from the imported index, naming figure and source', async () => {
    // A new DISTRIBUTION version with the proposal rules, published through the lifecycle (author ≠ approver).
    const v1 = await db.prisma.ruleSetVersion.findFirstOrThrow({
      where: { kind: 'DISTRIBUTION', status: 'PUBLISHED' },
    });
    const draft = await request(app)
      .post('/api/rulesets')
      .set(as('admin'))
      .send({ kind: 'DISTRIBUTION', document: withSatisfaction(v1.document) })
      .expect(201);
    await request(app).post(`/api/rulesets/${draft.body.id}/submit`).set(as('admin')).send({}).expect(200);
    await request(app).post(`/api/rulesets/${draft.body.id}/approve`).set(as('admin2')).send({}).expect(200);
    const v2 = await db.prisma.ruleSetVersion.findUniqueOrThrow({ where: { id: draft.body.id } });
    expect(v2.status).toBe('PUBLISHED');
    const span = await db.prisma.period.findFirstOrThrow({ where: { type: 'YEAR', year } });
    cycleId = (
      await db.prisma.cycle.create({
        data: {
          name: `Penilaian Kinerja ${year} (IKM)`,
          unitId: unit.id,
          periodId: span.id,
          status: 'RUNNING',
          distributionVersionId: v2.id,
          workflowId: `cycle-ikm-${year}`,
        },
      })
    ).id;

    // No figure yet: nothing proposed.
    expect((await proposals()).proposals).toEqual([]);

    const source = 'Survei SKM Triwulan I, BPS Kota';
    await post(`kodeUnit;periode;jenis;nilai;sumber\n${unit.code};${year};IKM;88,50;${source}`, false).expect(200);
    const first = await proposals();
    expect(first.ruleSet).toMatchObject({ versionId: v2.id, version: v2.version });
    expect(first.proposals).toEqual([
      expect.objectContaining({
        unitId: unit.id,
        unitName: unit.name,
        rating: null,
        proposedRating: 'ISTIMEWA',
        figures: [expect.objectContaining({ kind: 'SATISFACTION_INDEX', value: 88.5, source })],
      }),
    ]);
    const text = first.proposals[0].text;
    expect(text.id).toContain(
      `Indeks Kepuasan Masyarakat 88,5 (${source}) ≥ 88,31 → usulan predikat unit Istimewa (mutu pelayanan A, Sangat Baik)`,
    );
    expect(text.id).toContain(`Kurva distribusi versi ${v2.version}`);
    expect(text.en).toContain(
      `Community Satisfaction Index 88.5 (${source}) ≥ 88.31 → proposed unit rating Exceptional`,
    );

    // A corrected figure: replaced, audited with the value before; the proposal and its words change.
    const corrected = await post(
      `kodeUnit,periode,jenis,nilai,sumber\n${unit.code},${year},IKM,80.25,Survei SKM ${year} (revisi)`,
      false,
    ).expect(200);
    expect(corrected.body).toMatchObject({ created: 0, updated: 1 });
    const second = (await proposals()).proposals[0];
    expect(second.proposedRating).toBe('BAIK');
    expect(second.text.id).toContain(
      `Indeks Kepuasan Masyarakat 80,25 (Survei SKM ${year} (revisi)) ≥ 76,61 dan < 88,31 → usulan predikat unit Baik`,
    );
    const audit = await db.prisma.auditEvent.findMany({ where: { entity: 'unit-result' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['import-create', 'import-update']);
    expect(audit[1].before).toEqual({ value: '88.50', source });
    expect(audit[1].after).toMatchObject({ value: '80.25', kind: 'SATISFACTION_INDEX', unitCode: unit.code });
  });

  it('everyone signed in reads the figures with their source; the proposals are for HR and auditors', async () => {
    const list = await request(app)
      .get(`/api/unit-results?filter=${encodeURIComponent(JSON.stringify({ unitId: unit.id }))}`)
      .set(as('pegawai'))
      .expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({ name: 'IKM', value: 80.25, unit: expect.objectContaining({ code: unit.code }) }),
    ]);
    await request(app).get(`/api/cycles/${cycleId}/unit-rating-proposals`).set(as('pegawai')).expect(403);
    await request(app).get(`/api/cycles/${cycleId}/unit-rating-proposals`).set(as('auditor')).expect(200);
  });

  it('a published SCORING rule reads the unit’s index: the predicate changes and its explanation holds figure and source', async () => {
    const v1 = await db.prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SCORING', status: 'PUBLISHED' } });
    const draft = await request(app)
      .post('/api/rulesets')
      .set(as('admin'))
      .send({ kind: 'SCORING', document: scoringWithSatisfaction(v1.document) })
      .expect(201);
    await request(app).post(`/api/rulesets/${draft.body.id}/submit`).set(as('admin')).send({}).expect(200);
    await request(app).post(`/api/rulesets/${draft.body.id}/approve`).set(as('admin2')).send({}).expect(200);
    const span = await db.prisma.period.findFirstOrThrow({ where: { type: 'YEAR', year } });
    // One appraisal in the unit with the imported index (80,25, band B) and one in a unit without a figure.
    const appraisalIn = async (employee: { id: number; unitId: number }) =>
      (
        await db.prisma.appraisal.create({
          data: {
            cycleId,
            employeeId: employee.id,
            periodId: span.id,
            unitId: employee.unitId,
            workflowId: `appraisal-ikm-${employee.id}`,
            stage: 'SCORING',
          },
        })
      ).id;
    const inUnit = await db.prisma.employee.findFirstOrThrow({ where: { user: { username: 'pegawai' } } });
    const elsewhere = await db.prisma.employee.findFirstOrThrow({ where: { unitId: { not: unit.id } } });
    const [withIndex, withoutIndex] = [await appraisalIn(inUnit), await appraisalIn(elsewhere)];
    const score = (appraisalId: number) =>
      scoringActivities(db.prisma).scoreAppraisal({
        appraisalId,
        scoringVersionId: draft.body.id,
        resultRating: 'MEETS',
        behaviourRating: 'ABOVE',
        source: 'RATER',
        actor: 'test',
      });
    expect(await score(withIndex)).toEqual({ predicate: 'SANGAT_BAIK' });
    expect(await score(withoutIndex)).toEqual({ predicate: 'BAIK' });
    const stored = await db.prisma.appraisal.findUniqueOrThrow({ where: { id: withIndex } });
    const explanation = stored.predicateExplanation as any;
    expect(explanation.facts).toEqual({
      resultRating: 'MEETS',
      behaviourRating: 'ABOVE',
      hasSatisfactionIndex: true,
      satisfactionIndex: 80.25,
      satisfactionSource: `Survei SKM ${year} (revisi)`,
    });
    expect(explanation.explanation.text.id).toContain('Indeks Kepuasan Masyarakat');
    const other = (await db.prisma.appraisal.findUniqueOrThrow({ where: { id: withoutIndex } }))
      .predicateExplanation as any;
    expect(other.facts).toMatchObject({ hasSatisfactionIndex: false, satisfactionIndex: 0 });
  });

  it('a DISTRIBUTION document reading an imported result it may lack must give it a default', () => {
    const doc = withSatisfaction({
      kind: 'DISTRIBUTION',
      version: 1,
      name: 'x',
      effectiveFrom: '2026-01-01',
      facts: [],
      rules: [],
    });
    doc.facts.push({ name: 'capaianIKU', type: 'number', description: 'Capaian IKU unit.' });
    const r = validateRuleset(doc);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.message).join('\n')).toContain('capaianIKU');
  });
});
