/**
 * The region `bench:api` reads: a province's regional government of ~100,000 employees in a unit tree (province →
 * 80 agencies → 10 fields each → 10 sections each), every employee with an account and one appraisal of the running
 * quarter's cycle, and the tasks the workflows would have opened so far (~475,000: plan, plan review, evidence,
 * rating, result; mostly done, one or two open per person; overdue ones escalated; HR's calibration and sanction
 * decisions). Written with set-based SQL (INSERT … SELECT generate_series) in well under a minute: the point is the
 * shape and the volume the list queries meet, not workflow histories (no Temporal behind these rows).
 */
import { Client } from 'pg';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, OPD, SECTIONS, STAFF_POSITIONS } from '../prisma/seed/names';

export interface RegionShape {
  agencies: number;
  fields: number;
  sections: number;
  employees: number;
}

export const REGION: RegionShape = { agencies: 80, fields: 10, sections: 10, employees: 100_000 };

/** Stage buckets by appraisal (percent): evidence open, rating open, result open (appeal window), done. */
const STAGES = `CASE WHEN b < 5 THEN 'EVIDENCE' WHEN b < 20 THEN 'REVIEW' WHEN b < 30 THEN 'APPEAL' ELSE 'DONE' END`;

/** Builds the region into the database at `url` (owner connection); returns row counts. */
export async function buildRegion(url: string, shape: RegionShape = REGION, say: (m: string) => void = () => {}) {
  const db = new Client({ connectionString: url });
  await db.connect();
  const q = async (label: string, sql: string, params: unknown[] = []) => {
    const t0 = Date.now();
    const r = await db.query(sql, params);
    say(`${label}: ${r.rowCount ?? 0} baris, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return r;
  };
  try {
    await db.query('BEGIN');
    const { agencies, fields, sections } = shape;
    const opd = OPD.map((o) => o.name);
    await q(
      'units',
      `WITH root AS (
         INSERT INTO units (code, name, updated_at) VALUES ('PROV', 'Pemerintah Provinsi Nusantara Raya', now()) RETURNING id),
       a AS (
         INSERT INTO units (code, name, parent_id, updated_at)
         SELECT 'PROV-O' || o, ($1::text[])[1 + (o - 1) % cardinality($1::text[])] || ' Wilayah ' || (1 + (o - 1) / cardinality($1::text[])),
                root.id, now()
         FROM generate_series(1, $2::int) o, root RETURNING id, code),
       f AS (
         INSERT INTO units (code, name, parent_id, updated_at)
         SELECT a.code || '-B' || b, 'Bidang ' || ($3::text[])[1 + (b - 1) % cardinality($3::text[])] || ' ' || b, a.id, now()
         FROM a, generate_series(1, $4::int) b RETURNING id, code)
       INSERT INTO units (code, name, parent_id, updated_at)
       SELECT f.code || '-S' || s, 'Seksi ' || ($3::text[])[1 + (s - 1) % cardinality($3::text[])] || ' ' || s, f.id, now()
       FROM f, generate_series(1, $5::int) s`,
      [opd, agencies, SECTIONS, fields, sections],
    );
    // Heads first (one per unit, each reporting to the head of the unit above), then staff spread over the sections.
    await db.query(
      `CREATE TEMP TABLE region_head (unit_id int PRIMARY KEY, employee_id int, depth int) ON COMMIT DROP`,
    );
    const person = (g: string) => `
      ($1::text[])[1 + (${g})::int % cardinality($1::text[])] || ' '
      || ($2::text[])[1 + (${g})::int / 7 % cardinality($2::text[])]`;
    const nip = (g: string) => `
      to_char(date '1968-01-01' + ((${g})::int / 500 * 53) % 10950, 'YYYYMMDD')
      || to_char(date '1968-01-01' + ((${g})::int / 500 * 53) % 10950 + 8400 + ((${g})::int / 500) % 300, 'YYYYMM')
      || (1 + (${g})::int % 2) || lpad((500 + (${g})::int % 500)::text, 3, '0')`;
    const names = [[...MALE_NAMES, ...FEMALE_NAMES], FAMILY_NAMES];
    for (const [depth, type, position] of [
      [0, 'JPT', 'Sekretaris Daerah'],
      [1, 'JPT', 'Kepala'],
      [2, 'ADMINISTRATOR', 'Kepala Bidang'],
      [3, 'PENGAWAS', 'Kepala Seksi'],
    ] as const)
      await q(
        `kepala tingkat ${depth}`,
        `WITH units_at AS (
           SELECT u.id, u.name, u.parent_id, row_number() OVER (ORDER BY u.id) + $3::int AS g
           FROM units u WHERE u.code LIKE 'PROV%' AND array_length(string_to_array(u.code, '-'), 1) = $4::int + 1),
         ins AS (
           INSERT INTO employees (nip, name, employment_type, position, position_type, grade, unit_id, superior_id,
                                  base_allowance, email, updated_at)
           SELECT ${nip('g')}, ${person('g')}, 'PNS', $5::text || ' ' || units_at.name, $6::"PositionType",
                  CASE $6 WHEN 'JPT' THEN 'IV/c' WHEN 'ADMINISTRATOR' THEN 'IV/a' ELSE 'III/d' END,
                  units_at.id, h.employee_id, 9000000 - $4::int * 1500000, ${nip('g')} || '@demo.capaian.example', now()
           FROM units_at LEFT JOIN region_head h ON h.unit_id = units_at.parent_id
           RETURNING id, unit_id)
         INSERT INTO region_head SELECT unit_id, id, $4::int FROM ins`,
        [...names, depth * 10_000, depth, position, type],
      );
    const heads = Number((await db.query('SELECT count(*) AS n FROM region_head')).rows[0].n);
    await q(
      'staf',
      `WITH s AS (SELECT unit_id, employee_id, row_number() OVER (ORDER BY unit_id) - 1 AS k
                  FROM region_head WHERE depth = 3)
       INSERT INTO employees (nip, name, employment_type, position, position_type, grade, unit_id, superior_id,
                              base_allowance, email, updated_at)
       SELECT ${nip('(g + 40000)')}, ${person('(g + 40000)')},
              CASE WHEN g % 9 = 0 THEN 'PPPK' ELSE 'PNS' END::"EmploymentType",
              ($3::text[])[1 + g % cardinality($3::text[])], ($4::text[])[1 + g % cardinality($4::text[])]::"PositionType",
              CASE WHEN g % 9 = 0 THEN 'IX' ELSE 'III/b' END, s.unit_id, s.employee_id, 3500000,
              ${nip('(g + 40000)')} || '@demo.capaian.example', now()
       FROM generate_series(0, $5::int - 1) g
       JOIN s ON s.k = g % (SELECT count(*) FROM region_head WHERE depth = 3)`,
      [...names, STAFF_POSITIONS.map((p) => p.position), STAFF_POSITIONS.map((p) => p.type), shape.employees - heads],
    );
    await q(
      'akun',
      `INSERT INTO users (username, password_hash, demo_password, roles, employee_id, updated_at)
       SELECT e.nip, (SELECT password_hash FROM users WHERE username = 'pegawai'), true, '{EMPLOYEE}', e.id, now()
       FROM employees e JOIN units u ON u.id = e.unit_id WHERE u.code LIKE 'PROV%'`,
    );
    const cycle = await q(
      'siklus',
      `INSERT INTO cycles (name, unit_id, period_id, status, scoring_version_id, distribution_version_id, pay_version_id,
                           sanction_version_id, workflow_id, started_at, updated_at)
       SELECT 'Penilaian Kinerja ' || p.label || ' Provinsi', (SELECT id FROM units WHERE code = 'PROV'), p.id, 'RUNNING',
              (SELECT max(id) FROM rule_set_versions WHERE kind = 'SCORING' AND status = 'PUBLISHED'),
              (SELECT max(id) FROM rule_set_versions WHERE kind = 'DISTRIBUTION' AND status = 'PUBLISHED'),
              (SELECT max(id) FROM rule_set_versions WHERE kind = 'PAY' AND status = 'PUBLISHED'),
              (SELECT max(id) FROM rule_set_versions WHERE kind = 'SANCTION' AND status = 'PUBLISHED'),
              'cycle-region-bench', now() - interval '80 days', now()
       FROM periods p WHERE p.type = 'QUARTER' AND p.year = extract(year FROM now())::int
       ORDER BY p.end_date < current_date DESC, p.end_date DESC LIMIT 1 RETURNING id, period_id`,
    );
    const { id: cycleId, period_id: periodId } = cycle.rows[0];
    await q(
      'penilaian',
      `INSERT INTO appraisals (cycle_id, employee_id, period_id, unit_id, rater_id, rater_superior_id, stage, workflow_id,
                               predicate, result_shared_at, finished_at, updated_at)
       SELECT $1::int, e.id, $2::int, e.unit_id, e.superior_id, s.superior_id, stage::"AppraisalStage",
              'appraisal-' || $1::int || '-' || e.id,
              CASE WHEN stage IN ('APPEAL', 'DONE') THEN (CASE WHEN p < 10 THEN 'SANGAT_BAIK' WHEN p < 80 THEN 'BAIK'
                   WHEN p < 95 THEN 'BUTUH_PERBAIKAN' WHEN p < 99 THEN 'KURANG' ELSE 'SANGAT_KURANG' END)::"Predicate" END,
              CASE WHEN stage IN ('APPEAL', 'DONE') THEN now() - interval '5 days' END,
              CASE WHEN stage = 'DONE' THEN now() - interval '1 day' END, now()
       FROM (SELECT e.*, (e.id * 37) % 100 AS b, (e.id * 53) % 100 AS p FROM employees e) e
       JOIN units u ON u.id = e.unit_id AND u.code LIKE 'PROV%'
       LEFT JOIN employees s ON s.id = e.superior_id
       CROSS JOIN LATERAL (SELECT ${STAGES} AS stage) st`,
      [cycleId, periodId],
    );
    // The five steps of each appraisal so far: step n exists when the appraisal reached it; the step of its stage is
    // open (a third of the open evidence overdue and escalated to the rater), the earlier ones done.
    await q(
      'tugas',
      `INSERT INTO tasks (key, type, title, status, appraisal_id, cycle_id, assignee_id, assignee_role, workflow_id,
                          update_name, due_at, escalation_level, escalated_to_id, context, result, completed_at,
                          created_at, updated_at)
       SELECT 'appraisal-' || a.id || ':' || s.type || s.suffix, s.type, s.title, st::"TaskStatus", a.id, a.cycle_id,
              CASE WHEN s.rater THEN a.rater_id ELSE a.employee_id END,
              CASE WHEN s.rater AND a.rater_id IS NULL THEN 'HR_ADMIN'::"Role" END, a.workflow_id, s.update_name,
              now() + (s.n * 7 - 30 - (a.id % 10)) * interval '1 day',
              CASE WHEN esc THEN 1 ELSE 0 END, CASE WHEN esc THEN a.rater_id END,
              s.context::jsonb, CASE WHEN st = 'DONE' THEN s.result::jsonb END,
              CASE WHEN st = 'DONE' THEN now() - (40 - s.n * 7) * interval '1 day' END,
              now() - (45 - s.n * 7) * interval '1 day', now()
       FROM appraisals a
       JOIN (VALUES
         (1, 'plan.submit', ':0', 'Susun dan ajukan SKP', false, 'submitPlan', '{"revision":0}', '{"items":3}'),
         (2, 'plan.review', ':0', 'Setujui atau kembalikan SKP bawahan', true, 'reviewPlan', '{"revision":0}', '{"decision":"APPROVE"}'),
         (3, 'evidence.submit', '', 'Isi realisasi dan unggah bukti dukung', false, 'submitEvidence', '{}', '{"realizations":3}'),
         (4, 'review.submit', '', 'Nilai hasil kerja dan perilaku kerja (BerAKHLAK)', true, 'submitReview', '{}', '{"resultRating":"MEETS","behaviourRating":"MEETS"}'),
         (5, 'result.respond', '', 'Terima hasil penilaian atau ajukan keberatan', false, 'respondToResult', '{}', '{"decision":"ACCEPT"}')
       ) AS s(n, type, suffix, title, rater, update_name, context, result)
         ON s.n <= CASE a.stage WHEN 'EVIDENCE' THEN 3 WHEN 'REVIEW' THEN 4 ELSE 5 END
       CROSS JOIN LATERAL (SELECT CASE WHEN s.n = CASE a.stage WHEN 'EVIDENCE' THEN 3 WHEN 'REVIEW' THEN 4
                                                               WHEN 'APPEAL' THEN 5 END THEN 'OPEN' ELSE 'DONE' END AS st) x
       CROSS JOIN LATERAL (SELECT x.st = 'OPEN' AND s.n = 3 AND a.id % 3 = 0 AND a.rater_id IS NOT NULL AS esc) y
       WHERE a.cycle_id = $1::int`,
      [cycleId],
    );
    await q(
      'tugas SDM',
      `INSERT INTO tasks (key, type, title, status, appraisal_id, cycle_id, assignee_id, assignee_role, workflow_id,
                          update_name, due_at, context, created_at, updated_at)
       SELECT 'appraisal-' || a.id || ':sanction.decide', 'sanction.decide',
              'Konfirmasi atau tolak rekomendasi sanksi/tindak lanjut', 'OPEN'::"TaskStatus", a.id, a.cycle_id,
              NULL::int, 'HR_ADMIN'::"Role", a.workflow_id, 'decideSanctions', now() + interval '10 days', '{}'::jsonb,
              now(), now()
       FROM appraisals a WHERE a.cycle_id = $1::int AND a.predicate IN ('KURANG', 'SANGAT_KURANG') AND a.stage = 'DONE'
       UNION ALL
       SELECT 'cycle-' || $1::int || ':calibration:' || u.id, 'calibration.unit',
              'Kalibrasi unit ' || u.name || ': sebaran predikat melanggar kurva', 'OPEN', NULL, $1::int, NULL, 'HR_ADMIN',
              'cycle-region-bench', 'calibrateUnit', now() + interval '7 days',
              jsonb_build_object('unitId', u.id, 'unitName', u.name, 'rating', 'BAIK', 'violations', '[]'::jsonb),
              now(), now()
       FROM units u WHERE u.code LIKE 'PROV-O%-B%' AND u.code NOT LIKE '%-S%' AND u.id % 5 = 0
       UNION ALL
       SELECT 'appraisal-' || a.id || ':appeal.decide', 'appeal.decide', 'Putuskan keberatan atas hasil penilaian',
              'OPEN', a.id, a.cycle_id, a.rater_superior_id, CASE WHEN a.rater_superior_id IS NULL THEN 'HR_ADMIN'::"Role" END,
              a.workflow_id, 'decideAppeal', now() + interval '14 days', '{}', now(), now()
       FROM appraisals a WHERE a.cycle_id = $1::int AND a.stage = 'APPEAL' AND a.id % 10 = 0`,
      [cycleId],
    );
    await db.query('COMMIT');
    await q('ANALYZE', 'ANALYZE');
    const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
    return {
      cycleId: Number(cycleId),
      units: await count(`SELECT count(*) AS n FROM units WHERE code LIKE 'PROV%'`),
      employees: await count(`SELECT count(*) AS n FROM employees`),
      appraisals: await count(`SELECT count(*) AS n FROM appraisals`),
      tasks: await count(`SELECT count(*) AS n FROM tasks`),
      openTasks: await count(`SELECT count(*) AS n FROM tasks WHERE status = 'OPEN'`),
    };
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await db.end();
  }
}

/** The bench's personas in the region: a staff member with an open task and a section head with a team. */
export async function regionPersonas(url: string): Promise<{ employee: string; rater: string }> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const employee = await db.query(
      `SELECT u.username FROM tasks t JOIN users u ON u.employee_id = t.assignee_id
       JOIN employees e ON e.id = t.assignee_id
       WHERE t.status = 'OPEN' AND t.type = 'evidence.submit' AND e.position_type IN ('PELAKSANA', 'FUNGSIONAL')
       ORDER BY t.id LIMIT 1`,
    );
    const rater = await db.query(
      `SELECT u.username FROM tasks t JOIN users u ON u.employee_id = t.assignee_id
       JOIN employees e ON e.id = t.assignee_id
       WHERE t.status = 'OPEN' AND e.position_type = 'PENGAWAS'
       GROUP BY u.username ORDER BY count(*) DESC, u.username LIMIT 1`,
    );
    return { employee: employee.rows[0].username, rater: rater.rows[0].username };
  } finally {
    await db.end();
  }
}
