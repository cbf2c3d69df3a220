import request from 'supertest';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { computeAllowance, defaultRulesets, scorePredicate, setEvaluationTimeLimit } from '../../rules';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const RATINGS = ['ABOVE', 'MEETS', 'BELOW'] as const;

describe('rule-set versions: golden tests before submit, retire, diff, explanations, simulation (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createTestApp>['app'];
  const auth: Record<string, string> = {};
  let cycleId: number;
  /** Stored per appraisal id: the ratings, the predicate, the allowance facts and amount. */
  const stored = new Map<string, { ratings: { resultRating: string; behaviourRating: string }; predicate: string }>();
  const storedPay = new Map<string, { facts: Record<string, unknown>; amount: number }>();

  const api = (method: 'get' | 'post' | 'put', path: string, who = 'admin') =>
    request(app)[method](path).set('Authorization', auth[who]);

  beforeAll(async () => {
    db = await createTestDatabase('rulesets_lifecycle');
    await seedDemo(db.prisma, { year: 2025 });
    app = createTestApp(db).app;
    for (const u of ['admin', 'admin2', 'pegawai', 'auditor']) {
      const res = await request(app).post('/api/auth/login').send({ username: u, password: DEMO_PASSWORD });
      auth[u] = `Bearer ${res.body.token}`;
    }
    // A closed past cycle: every combination of ratings, scored and paid by the published version 1 as the
    // activities store them (facts next to the explanation).
    const prisma = db.prisma;
    const scoring = await prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SCORING', version: 1 } });
    const pay = await prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'PAY', version: 1 } });
    const period = await prisma.period.findFirstOrThrow({ where: { type: 'YEAR', year: 2025 } });
    const root = await prisma.unit.findFirstOrThrow({ where: { parentId: null }, orderBy: { id: 'asc' } });
    const cycle = await prisma.cycle.create({
      data: {
        name: 'Tahunan 2025',
        unitId: root.id,
        periodId: period.id,
        status: 'CLOSED',
        scoringVersionId: scoring.id,
        payVersionId: pay.id,
      },
    });
    cycleId = cycle.id;
    const employees = await prisma.employee.findMany({ orderBy: { id: 'asc' }, take: 45 });
    for (const [i, e] of employees.entries()) {
      const ratings = { resultRating: RATINGS[i % 3], behaviourRating: RATINGS[Math.floor(i / 3) % 3] };
      const scored = scorePredicate(scoring.document, ratings);
      const a = await prisma.appraisal.create({
        data: {
          cycleId,
          periodId: cycle.periodId,
          employeeId: e.id,
          unitId: e.unitId,
          stage: 'DONE',
          workflowId: `past-${e.id}`,
          predicate: scored.predicate,
          predicateExplanation: { facts: ratings, explanation: scored.explanation } as any,
          scoringVersionId: scoring.id,
          review: {
            create: {
              ...ratings,
              berorientasiPelayanan: 'MEETS',
              akuntabel: 'MEETS',
              kompeten: 'MEETS',
              harmonis: 'MEETS',
              loyal: 'MEETS',
              adaptif: 'MEETS',
              kolaboratif: 'MEETS',
            },
          },
        },
      });
      stored.set(String(a.id), { ratings, predicate: scored.predicate });
      const facts = {
        baseAmount: 3_000_000 + i * 100_003,
        predicate: scored.predicate,
        unexcusedAbsenceDays: i % 4,
        consecutiveAbsenceDays: i % 4 === 3 ? 1 : 0,
        missedAssemblies: i % 5,
        sanctionCutPercent: i % 11 === 0 ? 25 : 0,
        employmentType: 'PNS',
      };
      const p = computeAllowance(pay.document, facts);
      await prisma.payAdjustment.create({
        data: {
          appraisalId: a.id,
          employeeId: e.id,
          cycleId,
          periodId: period.id,
          month: period.startDate,
          predicate: scored.predicate,
          baseAmount: p.base,
          amount: p.amount,
          cutAmount: p.base - p.amount,
          explanation: { facts, cuts: p.cuts, explanation: p.explanation } as any,
          payVersionId: pay.id,
        },
      });
      storedPay.set(String(a.id), { facts, amount: p.amount });
    }
  });
  afterAll(() => db.drop());

  it('a draft whose golden tests fail cannot be submitted; fixed, it can; a draft cannot be approved before submit', async () => {
    const doc = structuredClone(defaultRulesets.SCORING) as any;
    // Change MEETS/ABOVE to SANGAT_BAIK without updating the golden case that expects BAIK.
    const rule = doc.rules.find(
      (r: any) => r.conditions.all[0].value === 'MEETS' && r.conditions.all[1].value === 'ABOVE',
    );
    rule.event.params.predicate = 'SANGAT_BAIK';
    const draft = await api('post', '/api/rulesets').send({ kind: 'SCORING', document: doc }).expect(201);
    const id = draft.body.id;
    await api('post', `/api/rulesets/${id}/approve`, 'admin2').send({}).expect(409);
    const refused = await api('post', `/api/rulesets/${id}/submit`).send({}).expect(400);
    expect(refused.body.error.message).toMatch(/kasus uji emas gagal/);
    const failing = refused.body.error.details.results.filter((r: any) => !r.passed);
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((r: any) => JSON.stringify(r.expected).includes('BAIK'))).toBe(true);
    const still = await api('get', `/api/rulesets/${id}`).expect(200);
    expect(still.body.status).toBe('DRAFT');

    // Fix the golden case(s) to what the new matrix says, then submit and publish with a second admin.
    for (const t of doc.tests)
      if (t.facts.resultRating === 'MEETS' && t.facts.behaviourRating === 'ABOVE')
        t.expect.events = [{ type: 'predicate', params: { predicate: 'SANGAT_BAIK' } }];
    await api('put', `/api/rulesets/${id}`).send({ document: doc }).expect(200);
    const tested = await api('post', `/api/rulesets/${id}/test`).send({}).expect(200);
    expect(tested.body.passed).toBe(true);
    await api('post', `/api/rulesets/${id}/submit`).send({}).expect(200);
    await api('post', `/api/rulesets/${id}/approve`).send({}).expect(409);
    await api('post', `/api/rulesets/${id}/approve`, 'admin2').send({}).expect(200);

    // Published: immutable, cannot be deleted; retired (asked by one admin, confirmed by another): still
    // immutable, and no longer in force.
    await api('put', `/api/rulesets/${id}`).send({ document: doc }).expect(409);
    await request(app).delete(`/api/rulesets/${id}`).set('Authorization', auth.admin).expect(409);
    const asked = await api('post', `/api/rulesets/${id}/retire`).send({}).expect(200);
    expect(asked.body.status).toBe('PUBLISHED');
    const retired = await api('post', `/api/rulesets/${id}/retire-approve`, 'admin2').send({}).expect(200);
    expect(retired.body.status).toBe('RETIRED');
    await api('put', `/api/rulesets/${id}`).send({ document: doc }).expect(409);
    await api('post', `/api/rulesets/${id}/retire`).send({}).expect(409);
    const inForce = await api('get', '/api/rulesets/in-force/SCORING').query({ on: '2026-06-01' }).expect(200);
    expect(inForce.body.version).toBe(1);
  });

  it('the diff of two versions names the changed rule with its pointer and old and new values', async () => {
    const v1 = await db.prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'PAY', version: 1 } });
    const doc = structuredClone(defaultRulesets.PAY) as any;
    doc.rules[2].event.params.factorBasisPoints = 9000;
    const draft = await api('post', '/api/rulesets').send({ kind: 'PAY', document: doc }).expect(201);
    const res = await api('get', `/api/rulesets/${draft.body.id}/diff`, 'auditor')
      .query({ against: v1.id })
      .expect(200);
    expect(res.body.from).toEqual({ id: v1.id, version: 1 });
    expect(res.body.to).toEqual({ id: draft.body.id, version: draft.body.version });
    expect(res.body.diff.identical).toBe(false);
    expect(res.body.diff.rules.changed).toEqual([
      {
        name: doc.rules[2].name,
        pointer: '/rules/2',
        oldPointer: '/rules/2',
        changes: [{ pointer: '/rules/2/event/params/factorBasisPoints', old: 8500, new: 9000 }],
      },
    ]);
  });

  it('explanations say in Bahasa Indonesia and English which rule, which facts and which version', async () => {
    const scoring = await db.prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SCORING', version: 1 } });
    const res = await api('post', `/api/rulesets/${scoring.id}/evaluate`, 'pegawai')
      .send({ facts: { resultRating: 'BELOW', behaviourRating: 'MEETS' } })
      .expect(200);
    const x = res.body.explanation;
    expect(x.ruleSet).toMatchObject({ kind: 'SCORING', version: 1 });
    expect(x.facts).toEqual({ resultRating: 'BELOW', behaviourRating: 'MEETS' });
    expect(x.fired).toHaveLength(1);
    const rule = x.fired[0];
    expect(x.text.id).toBe(
      `Predikat Butuh Perbaikan karena rating hasil kerja di bawah ekspektasi dan rating perilaku sesuai ekspektasi (aturan "${rule}", Predikat kinerja versi 1)`,
    );
    expect(x.text.en).toBe(
      `Predicate Needs improvement because work-result rating below expectations and behaviour rating meets expectations (rule "${rule}", Performance predicate version 1)`,
    );
    // Per-rule results as json-rules-engine records them: every rule, fired or not, with its conditions' results.
    expect(x.rules).toHaveLength(9);
    expect(x.rules.filter((r: any) => r.fired).map((r: any) => r.name)).toEqual([rule]);

    const pay = await db.prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'PAY', version: 1 } });
    const paid = await api('post', `/api/rulesets/${pay.id}/evaluate`, 'pegawai')
      .send({
        facts: {
          baseAmount: 10_000_000,
          predicate: 'BUTUH_PERBAIKAN',
          unexcusedAbsenceDays: 2,
          consecutiveAbsenceDays: 1,
          missedAssemblies: 0,
          sanctionCutPercent: 0,
          employmentType: 'PNS',
        },
      })
      .expect(200);
    expect(paid.body.amount).toBe(8_800_000);
    const t = paid.body.explanation.text;
    expect(t.id).toContain('TPP Rp8.800.000 dari TPP dasar Rp10.000.000 (PAY versi 1');
    expect(t.id).toContain('Bagian kinerja × 85% (predikat BUTUH_PERBAIKAN) (aturan "Predikat BUTUH_PERBAIKAN');
    expect(t.id).toContain('Potongan tidak masuk kerja tanpa keterangan 5% dari bagian disiplin');
    expect(t.en).toContain('Allowance IDR 8,800,000 of base IDR 10,000,000 (PAY version 1');
    expect(t.en).toContain('Performance part × 85% (predicate BUTUH_PERBAIKAN)');
    expect(t.en).toContain('Cut for unexcused absence 5% of the discipline part');
  });

  it('a rule set that runs past the time limit answers 422 naming the rule set and version', async () => {
    const doc = structuredClone(defaultRulesets.PAY) as any;
    doc.name = 'TPP percobaan lambat';
    const amounts = Array.from({ length: 1000 }, (_, i) => i * 7);
    for (let k = 0; k < 20; k++)
      doc.rules.push({
        name: `Lambat ${k}`,
        priority: 1,
        conditions: { all: [{ fact: 'baseAmount', operator: 'in', value: amounts }] },
        event: { type: 'totalCut', params: { ...doc.rules[0].event.params, code: `SLOW_${k}` } },
      });
    const draft = await api('post', '/api/rulesets').send({ kind: 'PAY', document: doc }).expect(201);
    const facts = { ...storedPay.values().next().value!.facts };
    const previous = setEvaluationTimeLimit(0.001);
    try {
      const res = await api('post', `/api/rulesets/${draft.body.id}/evaluate`).send({ facts }).expect(422);
      expect(res.body.error.code).toBe('RULESET_FAILED');
      expect(res.body.error.message).toContain(`PAY versi ${draft.body.version} "TPP percobaan lambat"`);
      expect(res.body.error.details).toMatchObject({
        ruleSet: { kind: 'PAY', version: draft.body.version },
        reason: 'TIMEOUT',
      });
    } finally {
      setEvaluationTimeLimit(previous);
    }
    await api('post', `/api/rulesets/${draft.body.id}/evaluate`).send({ facts }).expect(200);
  });

  it('simulation of a SCORING draft over a past cycle: per employee old vs new, totals equal the sum of the items', async () => {
    const doc = structuredClone(defaultRulesets.SCORING) as any;
    const rule = doc.rules.find(
      (r: any) => r.conditions.all[0].value === 'MEETS' && r.conditions.all[1].value === 'ABOVE',
    );
    rule.event.params.predicate = 'SANGAT_BAIK';
    const draft = await api('post', '/api/rulesets').send({ kind: 'SCORING', document: doc }).expect(201);
    await api('post', `/api/rulesets/${draft.body.id}/simulate`, 'pegawai').send({ cycleId }).expect(403);
    const res = await api('post', `/api/rulesets/${draft.body.id}/simulate`, 'auditor').send({ cycleId }).expect(200);
    const { items, totals } = res.body;
    expect(items).toHaveLength(stored.size);
    expect(totals.count).toBe(stored.size);
    for (const item of items) {
      const s = stored.get(item.key)!;
      expect(item.oldResult).toBe(s.predicate);
      const moved = s.ratings.resultRating === 'MEETS' && s.ratings.behaviourRating === 'ABOVE';
      expect(item.newResult).toBe(moved ? 'SANGAT_BAIK' : s.predicate);
      expect(item.changed).toBe(moved);
      expect(item.label).toMatch(/\(\d{18}\)$/);
    }
    const count = (key: 'oldResult' | 'newResult') =>
      items.reduce((m: Record<string, number>, i: any) => ({ ...m, [i[key]]: (m[i[key]] ?? 0) + 1 }), {});
    expect(totals.changed).toBe(items.filter((i: any) => i.changed).length);
    expect(totals.changed).toBe(5); // 45 employees, one in nine is MEETS/ABOVE
    expect(totals.distribution.old).toEqual(count('oldResult'));
    expect(totals.distribution.new).toEqual(count('newResult'));
    expect(totals.errors).toBe(0);
  });

  it('simulation of a PAY draft: total rupiah old and new equal the sums over employees', async () => {
    const doc = structuredClone(defaultRulesets.PAY) as any;
    doc.rules[2].event.params.factorBasisPoints = 9000; // BUTUH_PERBAIKAN 85% → 90%
    const draft = await api('post', '/api/rulesets').send({ kind: 'PAY', document: doc }).expect(201);
    const res = await api('post', `/api/rulesets/${draft.body.id}/simulate`).send({ cycleId }).expect(200);
    const { items, totals } = res.body;
    expect(items).toHaveLength(storedPay.size);
    let sumOld = 0;
    let sumNew = 0;
    for (const item of items) {
      const s = storedPay.get(item.key)!;
      expect(item.oldResult).toBe(s.amount);
      expect(item.newResult).toBe(computeAllowance(doc, s.facts).amount);
      expect(item.changed).toBe(item.newResult !== item.oldResult);
      sumOld += item.oldResult;
      sumNew += item.newResult;
    }
    expect(totals.totalOld).toBe(sumOld);
    expect(totals.totalNew).toBe(sumNew);
    expect(totals.totalNew).toBeGreaterThan(totals.totalOld);
    const butuh = [...storedPay.values()].filter((p) => p.facts.predicate === 'BUTUH_PERBAIKAN').length;
    expect(butuh).toBeGreaterThan(0);
    expect(totals.increased).toBe(items.filter((i: any) => i.newResult > i.oldResult).length);
    expect(totals.changed).toBe(items.filter((i: any) => i.changed).length);
    expect(totals.decreased).toBe(0);
  });
});
