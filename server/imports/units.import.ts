/** CSV import of units: `code,name,parentCode`; creates new codes, updates existing ones; parents may come later in the file. */
import { z } from 'zod';
import { recordAudit } from '../../prisma/audit';
import type { Db } from '../../prisma/client';
import type { AuthUser } from '../auth/auth.middleware';
import { calibratorsInOwnScope, clearCalibratorsWhoLeftScope } from '../users/account-lifecycle';
import type { CsvRow } from './csv';
import { keysOnLoops, parentsFirst, summarize, type ImportReport, type RowReport } from './report';

export const UNIT_COLUMNS = { required: ['code', 'name'], optional: ['parentCode'] };

const unitRowSchema = z.strictObject({
  code: z
    .string()
    .min(1, 'Wajib diisi')
    .max(40, 'Paling banyak 40 karakter')
    .regex(/^[A-Z0-9.\-_]+$/i, 'Hanya huruf, angka, titik, strip, garis bawah'),
  name: z.string().min(3, 'Minimal 3 karakter').max(200, 'Paling banyak 200 karakter'),
  parentCode: z.string().max(40).nullable(),
});

interface UnitPlan {
  report: RowReport;
  code: string;
  name: string;
  parentCode: string | null;
  existingId: number | null;
}

/** Validates every row against the file and the database; nothing is written. */
export async function validateUnits(db: Db, rows: CsvRow[]): Promise<UnitPlan[]> {
  const existing = await db.unit.findMany({ select: { id: true, code: true, parentId: true } });
  const codeById = new Map(existing.map((u) => [u.id, u.code]));
  const dbByCode = new Map(existing.map((u) => [u.code, u]));
  const firstLine = new Map<string, number>();
  const plans: UnitPlan[] = rows.map((r) => {
    const report: RowReport = { row: r.line, ok: true, key: r.values.code || undefined, errors: [] };
    if (r.shapeError) report.errors.push({ field: '(baris)', message: r.shapeError });
    const parsed = unitRowSchema.safeParse({
      code: r.values.code ?? '',
      name: r.values.name ?? '',
      parentCode: r.values.parentCode ? r.values.parentCode : null,
    });
    if (!parsed.success)
      for (const i of parsed.error.issues) report.errors.push({ field: String(i.path[0]), message: i.message });
    const code = r.values.code ?? '';
    const parentCode = r.values.parentCode || null;
    if (code) {
      const seen = firstLine.get(code);
      if (seen !== undefined) report.errors.push({ field: 'code', message: `kode sama dengan baris ${seen}` });
      else firstLine.set(code, r.line);
    }
    const existingUnit = dbByCode.get(code);
    report.action = existingUnit ? 'update' : 'create';
    return { report, code, name: r.values.name ?? '', parentCode, existingId: existingUnit?.id ?? null };
  });

  // The tree after the import: the database's parents, overridden by the file.
  const parentOf = new Map<string, string | null>(
    existing.map((u) => [u.code, u.parentId === null ? null : (codeById.get(u.parentId) ?? null)]),
  );
  for (const p of plans) if (p.code && firstLine.get(p.code) === p.report.row) parentOf.set(p.code, p.parentCode);
  const inFile = new Set(plans.map((p) => p.code));
  for (const p of plans) {
    if (!p.parentCode) continue;
    if (p.parentCode === p.code)
      p.report.errors.push({ field: 'parentCode', message: 'unit tidak boleh menjadi induknya sendiri' });
    else if (!dbByCode.has(p.parentCode) && !inFile.has(p.parentCode))
      p.report.errors.push({
        field: 'parentCode',
        message: `unit induk ${p.parentCode} tidak ada (di basis data maupun di berkas)`,
      });
  }
  const loops = keysOnLoops(parentOf, inFile);
  for (const p of plans) {
    if (loops.has(p.code) && p.parentCode !== p.code)
      p.report.errors.push({ field: 'parentCode', message: 'membentuk siklus pada pohon unit' });
  }
  for (const p of plans) p.report.ok = p.report.errors.length === 0;
  return plans;
}

/** Validates and, unless it is a dry run and when every row is valid, writes all rows in the given transaction. */
export async function importUnits(db: Db, user: AuthUser, rows: CsvRow[], dryRun: boolean): Promise<ImportReport> {
  const plans = await validateUnits(db, rows);
  const report = summarize(
    'units',
    dryRun,
    plans.map((p) => p.report),
  );
  if (dryRun || report.invalid > 0) return report;
  const idByCode = new Map((await db.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]));
  const calibrators = await calibratorsInOwnScope(db); // a unit moved elsewhere may take a calibrator out of scope
  for (const p of parentsFirst(
    plans,
    (x) => x.code,
    (x) => x.parentCode,
  )) {
    const data = { code: p.code, name: p.name, parentId: p.parentCode ? idByCode.get(p.parentCode)! : null };
    if (p.existingId === null) {
      const created = await db.unit.create({ data });
      idByCode.set(created.code, created.id);
      await recordAudit(db, {
        actorUserId: user.id,
        actor: user.username,
        action: 'import-create',
        entity: 'unit',
        entityId: created.id,
        after: created,
      });
    } else {
      const before = await db.unit.findUniqueOrThrow({ where: { id: p.existingId } });
      const after = await db.unit.update({ where: { id: p.existingId }, data });
      await recordAudit(db, {
        actorUserId: user.id,
        actor: user.username,
        action: 'import-update',
        entity: 'unit',
        entityId: after.id,
        before,
        after,
      });
    }
  }
  await clearCalibratorsWhoLeftScope(db, user, calibrators, 'impor unit / unit import');
  return report;
}
