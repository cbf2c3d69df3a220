/**
 * `npx tsx scripts/bench-simulate.ts [--employees 10000] [--runs 3]`: times `POST /api/rulesets/:id/simulate` on a
 * past cycle of N employees with stored facts and results (predicates and allowances as the activities store them),
 * for a changed SCORING draft and a changed PAY draft. Uses DATABASE_URL's server when set, else starts the embedded
 * PostgreSQL; creates and drops its own database. A script that prints figures, not a timed test.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import pino from 'pino';
import request from 'supertest';
import { createPrisma, type PrismaClient } from '../prisma/client';
import { migrate } from '../prisma/migrate';
import { DEMO_PASSWORD, seedDemo } from '../prisma/seed/seed-database';
import { computeAllowance, defaultRulesets, scorePredicate, type Predicate } from '../rules';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { TemporalUnavailable } from '../server/temporal-client';
import { createDatabase, startEmbeddedPostgres } from '../tools/embedded-postgres';
import { freePort } from '../tools/free-port';

// A throwaway database: its audit entries get a throwaway key unless AUDIT_KEY is set (prisma/audit.ts).
process.env.AUDIT_KEY ??= randomBytes(32).toString('hex');

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EMPLOYEES = arg('employees', 10_000);
const RUNS = arg('runs', 3);
const RATINGS = ['ABOVE', 'MEETS', 'BELOW'] as const;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A closed cycle over every employee, with reviews, predicates and allowances stored as the activities store them. */
async function buildPastCycle(prisma: PrismaClient, year: number) {
  const scoring = await prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SCORING', status: 'PUBLISHED' } });
  const pay = await prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'PAY', status: 'PUBLISHED' } });
  const period = await prisma.period.findFirstOrThrow({ where: { type: 'YEAR', year } });
  const root = await prisma.unit.findFirstOrThrow({ where: { parentId: null }, orderBy: { id: 'asc' } });
  const cycle = await prisma.cycle.create({
    data: {
      name: `Penilaian tahunan ${year} (simulasi)`,
      unitId: root.id,
      periodId: period.id,
      status: 'CLOSED',
      scoringVersionId: scoring.id,
      payVersionId: pay.id,
      distributionVersionId: null,
      startedAt: new Date(Date.UTC(year, 0, 2)),
      closedAt: new Date(Date.UTC(year, 11, 31)),
    },
  });
  const employees = await prisma.employee.findMany({
    select: { id: true, unitId: true, superiorId: true, baseAllowance: true, employmentType: true },
    orderBy: { id: 'asc' },
  });
  const r = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const stamp = (v: { id: number; kind: string; version: number; name: string }) => ({
    kind: v.kind,
    versionId: v.id,
    version: v.version,
    name: v.name,
  });
  for (let i = 0; i < employees.length; i += 2000) {
    const chunk = employees.slice(i, i + 2000);
    const scored = chunk.map((e) => {
      // Ratings leaning to MEETS, as in practice.
      const rating = () => (r() < 0.6 ? 'MEETS' : pick(RATINGS));
      const facts = { resultRating: rating(), behaviourRating: rating() };
      const s = scorePredicate(scoring.document, facts);
      return { e, facts, predicate: s.predicate, explanation: s.explanation };
    });
    const appraisals = await prisma.appraisal.createManyAndReturn({
      data: scored.map(({ e, facts, predicate, explanation }) => ({
        cycleId: cycle.id,
        employeeId: e.id,
        periodId: cycle.periodId,
        unitId: e.unitId,
        raterId: e.superiorId,
        stage: 'DONE' as const,
        workflowId: `bench-simulate-${cycle.id}-${e.id}`,
        predicate,
        predicateExplanation: {
          ruleSet: stamp(scoring),
          facts,
          source: 'RATER',
          explanation,
        } as any,
        scoringVersionId: scoring.id,
        finishedAt: new Date(Date.UTC(year, 11, 31)),
      })),
      select: { id: true, employeeId: true },
    });
    const appraisalOf = new Map(appraisals.map((a) => [a.employeeId, a.id]));
    await prisma.review.createMany({
      data: scored.map(({ e, facts }) => ({
        appraisalId: appraisalOf.get(e.id)!,
        resultRating: facts.resultRating,
        behaviourRating: facts.behaviourRating,
        berorientasiPelayanan: facts.behaviourRating,
        akuntabel: facts.behaviourRating,
        kompeten: facts.behaviourRating,
        harmonis: facts.behaviourRating,
        loyal: facts.behaviourRating,
        adaptif: facts.behaviourRating,
        kolaboratif: facts.behaviourRating,
      })),
    });
    await prisma.payAdjustment.createMany({
      data: scored.map(({ e, predicate }) => {
        const absent = r() < 0.8 ? 0 : Math.floor(r() * 8);
        const facts = {
          baseAmount: e.baseAllowance,
          predicate: predicate as Predicate,
          unexcusedAbsenceDays: absent,
          consecutiveAbsenceDays: Math.min(absent, Math.floor(r() * (absent + 1))),
          missedAssemblies: r() < 0.8 ? 0 : Math.floor(r() * 6),
          sanctionCutPercent: r() < 0.97 ? 0 : 25,
          employmentType: e.employmentType,
        };
        const p = computeAllowance(pay.document, facts);
        return {
          appraisalId: appraisalOf.get(e.id)!,
          employeeId: e.id,
          cycleId: cycle.id,
          periodId: period.id,
          // A year's evaluation: its simulated pay is one month's (the year's last), enough to compare versions.
          month: new Date(Date.UTC(period.endDate.getUTCFullYear(), period.endDate.getUTCMonth(), 1)),
          predicate: predicate as Predicate,
          baseAmount: p.base,
          amount: p.amount,
          cutAmount: p.base - p.amount,
          explanation: {
            ruleSet: stamp(pay),
            facts,
            cuts: p.cuts,
            events: p.events,
            sanctions: [],
            attendance: { unexcused: absent },
            explanation: p.explanation,
          } as any,
          payVersionId: pay.id,
        };
      }),
    });
  }
  return { cycle, employees: employees.length, scoring, pay };
}

async function main() {
  const started = performance.now();
  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    // The same kind of persistent cluster as `npm test` (.data/, readable by the postgres user when run as root).
    const root = join(__dirname, '..', '.data');
    mkdirSync(root, { recursive: true });
    const pg = await startEmbeddedPostgres({
      dataDir: join(root, 'bench-postgres'),
      port: await freePort(),
      onProgress: console.log,
    });
    adminUrl = pg.connectionString;
    stopEmbedded = () => pg.stop();
  }
  const name = `bench_simulate_${process.pid}`;
  await createDatabase(adminUrl, name);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const prisma = createPrisma(url, { max: 5 });
  try {
    await migrate(url);
    const year = 2025;
    console.log(
      `bench:simulate — ${EMPLOYEES} employees, node ${process.version}, load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    const t0 = performance.now();
    await seedDemo(prisma, { employees: EMPLOYEES, year });
    const past = await buildPastCycle(prisma, year);
    console.log(
      `  prepared: ${past.employees} employees, cycle ${past.cycle.id} with stored predicates and allowances in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
      LOG_LEVEL: 'silent',
    });
    const app = createApp({
      prisma,
      config,
      logger: pino({ level: 'silent' }),
      temporal: () => Promise.reject(new TemporalUnavailable('not used by the benchmark')),
    });
    const login = await request(app).post('/api/auth/login').send({ username: 'admin', password: DEMO_PASSWORD });
    const auth = `Bearer ${login.body.token}`;

    // Drafts that change results: SCORING MEETS/ABOVE → SANGAT_BAIK; PAY factor for BUTUH_PERBAIKAN 85% → 90%.
    const scoringDoc = structuredClone(defaultRulesets.SCORING) as any;
    const rule = scoringDoc.rules.find(
      (x: any) =>
        JSON.stringify(x.conditions).includes('"MEETS"') &&
        JSON.stringify(x.conditions).includes('"ABOVE"') &&
        x.conditions.all[0].value === 'MEETS',
    );
    rule.event.params.predicate = 'SANGAT_BAIK';
    scoringDoc.tests = [];
    const payDoc = structuredClone(defaultRulesets.PAY) as any;
    payDoc.rules.find((x: any) => x.event.params?.factorBasisPoints === 8500).event.params.factorBasisPoints = 9000;
    payDoc.tests = [];
    const drafts: Record<string, number> = {};
    for (const [kind, document] of [
      ['SCORING', scoringDoc],
      ['PAY', payDoc],
    ] as const) {
      const res = await request(app).post('/api/rulesets').set('Authorization', auth).send({ kind, document });
      if (res.status !== 201) throw new Error(`draft ${kind}: ${res.status} ${JSON.stringify(res.body)}`);
      drafts[kind] = res.body.id;
    }

    let failed = false;
    for (const kind of ['SCORING', 'PAY'] as const) {
      const times: number[] = [];
      let body: any;
      for (let k = 0; k < RUNS; k++) {
        const t = performance.now();
        const res = await request(app)
          .post(`/api/rulesets/${drafts[kind]}/simulate`)
          .set('Authorization', auth)
          .send({ cycleId: past.cycle.id });
        times.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`simulate ${kind}: ${res.status} ${JSON.stringify(res.body)}`);
        body = res.body;
      }
      const t = body.totals;
      const sumNew = kind === 'PAY' ? body.items.reduce((s: number, i: any) => s + (i.newResult ?? 0), 0) : null;
      const ok = body.items.length === past.employees && t.errors === 0 && (kind !== 'PAY' || sumNew === t.totalNew);
      if (!ok || Math.min(...times) > 10_000) failed = true;
      console.log(
        `  ${kind} draft: POST /api/rulesets/${drafts[kind]}/simulate over ${body.items.length} employees — ` +
          `${times.map((x) => `${(x / 1000).toFixed(2)} s`).join(', ')} (best ${(Math.min(...times) / 1000).toFixed(2)} s; ` +
          `evaluation alone ${body.elapsedMs} ms; load ${body.loadMs ?? '?'} ms); changed ${t.changed}, errors ${t.errors}` +
          (kind === 'PAY'
            ? `, total Rp${t.totalOld} → Rp${t.totalNew} (sum of items ${sumNew === t.totalNew ? 'equals' : 'DIFFERS'})`
            : `, distribution ${JSON.stringify(t.distribution.new)}`),
      );
    }
    console.log(`  total script time ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (failed) {
      console.log('  FAILED: over 10 s, or wrong item count, errors or totals');
      process.exitCode = 1;
    }
  } finally {
    await prisma.$disconnect();
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
    if (stopEmbedded) await stopEmbedded();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
