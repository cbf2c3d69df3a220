/**
 * CSV import of unit results (issue 15, item 4): `kodeUnit,periode,jenis,nilai,sumber`, one figure per unit, period and
 * kind. `jenis` is `IKM` (or `SKM`: the citizen-satisfaction index the unit publishes, 0–100 with at most two
 * decimals) or the name of another result (a fact name: a letter, then letters or digits, e.g. `capaianIKU`).
 * `periode` is `2026` (the year), `2026-S1`, `2026-Q1` (or `2026-TW1`) or `2026-03` (a month). `nilai` takes a
 * decimal point or comma. `sumber` names where the figure comes from: the explanations quote it. A figure already
 * stored is replaced (audited with the value before); the same figure is left as it is.
 */
import { recordAudit } from '../../prisma/audit';
import type { Db, PeriodType, UnitResultKind } from '../../prisma/client';
import { SATISFACTION_NAME } from '../../prisma/unit-results';
import { DISTRIBUTION_FACTS } from '../../rules/ruleset.kinds';
import type { AuthUser } from '../auth/auth.middleware';
import type { CsvRow } from './csv';
import { summarize, type ImportReport, type RowReport } from './report';

const ALIASES: Record<string, string> = {
  kodeunit: 'kodeUnit',
  unit: 'kodeUnit',
  unitcode: 'kodeUnit',
  periode: 'periode',
  period: 'periode',
  jenis: 'jenis',
  kind: 'jenis',
  nilai: 'nilai',
  value: 'nilai',
  indeks: 'nilai',
  sumber: 'sumber',
  source: 'sumber',
};

export const UNIT_RESULT_COLUMNS = {
  required: ['kodeUnit', 'periode', 'jenis', 'nilai', 'sumber'],
  optional: [],
  alias: (header: string) => ALIASES[header.toLowerCase().replace(/[^a-z]/g, '')],
};

const NAME = /^[a-z][A-Za-z0-9]{1,39}$/;
/** Names a result may not take: the facts the DISTRIBUTION rules already get, and the satisfaction words. */
const RESERVED = new Set([...DISTRIBUTION_FACTS, 'ikm', 'skm'].map((n) => n.toLowerCase()));

/** `2026`, `2026-S1`, `2026-Q1`/`2026-TW1`, `2026-03` → the period's type, year and number; null otherwise. */
export function periodKey(text: string): { type: PeriodType; year: number; number: number } | null {
  const t = text.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(t);
  if (m) return { type: 'YEAR', year: +m[1], number: 1 };
  m = /^(\d{4})-S([12])$/.exec(t);
  if (m) return { type: 'SEMESTER', year: +m[1], number: +m[2] };
  m = /^(\d{4})-(?:Q|TW)([1-4])$/.exec(t);
  if (m) return { type: 'QUARTER', year: +m[1], number: +m[2] };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(t);
  if (m) return { type: 'MONTH', year: +m[1], number: +m[2] };
  return null;
}

interface Plan {
  report: RowReport;
  unitId: number;
  periodId: number;
  kind: UnitResultKind;
  name: string;
  value: string;
  source: string;
  existing: { id: number; value: string; source: string } | null;
}

/** Validates every row against the file and the database; nothing is written. */
async function validate(db: Db, rows: CsvRow[]): Promise<Plan[]> {
  const codes = [...new Set(rows.map((r) => r.values.kodeUnit).filter(Boolean))];
  const [units, periods] = await Promise.all([
    db.unit.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } }),
    db.period.findMany({ select: { id: true, type: true, year: true, number: true } }),
  ]);
  const unitByCode = new Map(units.map((u) => [u.code, u.id]));
  const periodOf = new Map(periods.map((p) => [`${p.type} ${p.year} ${p.number}`, p.id]));
  const firstLine = new Map<string, number>();
  const plans = rows.map((r): Plan => {
    const v = r.values;
    const report: RowReport = { row: r.line, ok: true, key: v.kodeUnit || undefined, errors: [] };
    const err = (field: string, message: string) => report.errors.push({ field, message });
    if (r.shapeError) err('(baris)', r.shapeError);

    const unitId = v.kodeUnit ? unitByCode.get(v.kodeUnit) : undefined;
    if (!v.kodeUnit) err('kodeUnit', 'Wajib diisi');
    else if (unitId === undefined) err('kodeUnit', `kode unit ${v.kodeUnit} tidak dikenal / unknown unit code`);

    const key = v.periode ? periodKey(v.periode) : null;
    const periodId = key ? periodOf.get(`${key.type} ${key.year} ${key.number}`) : undefined;
    if (!v.periode) err('periode', 'Wajib diisi');
    else if (!key)
      err('periode', `periode ${v.periode} tidak dikenal: tulis 2026, 2026-S1, 2026-Q1 atau 2026-03 / unknown period`);
    else if (periodId === undefined) err('periode', `periode ${v.periode} belum dibuat / period not created yet`);

    const jenis = (v.jenis ?? '').trim();
    const satisfaction = ['IKM', 'SKM'].includes(jenis.toUpperCase());
    const name = satisfaction ? SATISFACTION_NAME : jenis;
    if (!jenis) err('jenis', 'Wajib diisi');
    else if (!satisfaction && (!NAME.test(jenis) || RESERVED.has(jenis.toLowerCase())))
      err(
        'jenis',
        `jenis ${jenis}: tulis IKM (indeks kepuasan masyarakat) atau nama hasil lain berupa huruf dan angka diawali ` +
          `huruf kecil, mis. capaianIKU / write IKM or a result name such as capaianIKU`,
      );

    const text = (v.nilai ?? '').trim().replace(',', '.');
    const value = Number(text);
    if (!v.nilai) err('nilai', 'Wajib diisi');
    else if (!/^-?\d+(\.\d{1,2})?$/.test(text))
      err('nilai', `nilai ${v.nilai} bukan angka dengan paling banyak dua desimal / not a number with ≤ 2 decimals`);
    else if (satisfaction && (value < 0 || value > 100))
      err('nilai', `indeks kepuasan ${v.nilai} di luar 0–100 / satisfaction index outside 0–100`);
    else if (Math.abs(value) >= 1e15) err('nilai', 'terlalu besar / too large');

    const source = (v.sumber ?? '').trim();
    if (!source) err('sumber', 'Wajib diisi: sebutkan sumber angka ini / name the source of the figure');
    else if (source.length > 300) err('sumber', 'maksimal 300 karakter / at most 300 characters');

    if (unitId !== undefined && periodId !== undefined && jenis) {
      const k = `${unitId} ${periodId} ${name}`;
      const seen = firstLine.get(k);
      if (seen !== undefined)
        err('jenis', `unit, periode dan jenis yang sama sudah ada di baris ${seen} / same figure twice in the file`);
      else firstLine.set(k, r.line);
    }
    return {
      report,
      unitId: unitId ?? 0,
      periodId: periodId ?? 0,
      kind: satisfaction ? 'SATISFACTION_INDEX' : 'OTHER',
      name,
      value: text,
      source,
      existing: null,
    };
  });

  const valid = plans.filter((p) => !p.report.errors.length);
  const stored = valid.length
    ? await db.unitResult.findMany({
        where: { unitId: { in: [...new Set(valid.map((p) => p.unitId))] } },
        select: { id: true, unitId: true, periodId: true, kind: true, name: true, value: true, source: true },
      })
    : [];
  const byKey = new Map(stored.map((s) => [`${s.unitId} ${s.periodId} ${s.kind} ${s.name}`, s]));
  for (const p of plans) {
    p.report.ok = p.report.errors.length === 0;
    if (!p.report.ok) continue;
    const s = byKey.get(`${p.unitId} ${p.periodId} ${p.kind} ${p.name}`);
    p.existing = s ? { id: s.id, value: s.value.toFixed(2), source: s.source } : null;
    p.report.action = !s
      ? 'create'
      : s.value.toFixed(2) === Number(p.value).toFixed(2) && s.source === p.source
        ? 'unchanged'
        : 'update';
  }
  return plans;
}

/** Validates and, unless it is a dry run and when every row is valid, writes every figure (each audited). */
export async function importUnitResults(
  db: Db,
  user: AuthUser,
  rows: CsvRow[],
  dryRun: boolean,
): Promise<ImportReport> {
  const plans = await validate(db, rows);
  const report = summarize(
    'unit-results',
    dryRun,
    plans.map((p) => p.report),
  );
  if (dryRun || report.invalid > 0) return report;
  for (const p of plans.filter((x) => x.report.action === 'create' || x.report.action === 'update')) {
    const after = {
      unitCode: p.report.key,
      periodId: p.periodId,
      kind: p.kind,
      name: p.name,
      value: p.value,
      source: p.source,
    };
    if (p.existing) {
      await db.unitResult.update({
        where: { id: p.existing.id },
        data: { value: p.value, source: p.source, importedById: user.id },
      });
    } else
      await db.unitResult.create({
        data: {
          unitId: p.unitId,
          periodId: p.periodId,
          kind: p.kind,
          name: p.name,
          value: p.value,
          source: p.source,
          importedById: user.id,
        },
      });
    await recordAudit(db, {
      actorUserId: user.id,
      actor: user.username,
      action: p.existing ? 'import-update' : 'import-create',
      entity: 'unit-result',
      entityId: p.unitId,
      before: p.existing ? { value: p.existing.value, source: p.existing.source } : undefined,
      after,
    });
  }
  return report;
}
