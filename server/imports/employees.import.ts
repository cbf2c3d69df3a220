/**
 * CSV import of employees:
 * `nip,name,employmentType,position,positionType,grade,unitCode,superiorNip,baseAllowance,email,status`.
 * The NIP is the key (new NIPs are created, known ones updated); the unit must exist (import units first); the
 * direct superior may be in the database or anywhere in the file; a reporting line that loops is refused.
 * `status` (optional: ACTIVE/AKTIF, TRANSFERRED/MUTASI, LEFT/BERHENTI) ends the account of one who left or moved out;
 * `createAccounts` gives every active employee of the file without an account one (employee-accounts.ts).
 */
import { recordAudit } from '../../prisma/audit';
import type { Db } from '../../prisma/client';
import { ownCaseChanges } from '../access/own-case';
import type { AuthUser } from '../auth/auth.middleware';
import { employeeColumns, employeeSchema } from '../employees/employee.schema';
import { calibratorsInOwnScope, clearCalibratorsWhoLeftScope, deactivateIfDeparted } from '../users/account-lifecycle';
import type { CsvRow } from './csv';
import { checkAccounts, createAccounts } from './employee-accounts';
import { keysOnLoops, parentsFirst, summarize, type ImportReport, type RowReport } from './report';

export const EMPLOYEE_COLUMNS = {
  required: ['nip', 'name', 'employmentType', 'position', 'positionType', 'unitCode'],
  optional: ['grade', 'superiorNip', 'baseAllowance', 'email', 'status'],
};

/** The status column in either language. */
const STATUS_OF: Record<string, 'ACTIVE' | 'TRANSFERRED' | 'LEFT'> = {
  ACTIVE: 'ACTIVE',
  AKTIF: 'ACTIVE',
  TRANSFERRED: 'TRANSFERRED',
  MUTASI: 'TRANSFERRED',
  LEFT: 'LEFT',
  BERHENTI: 'LEFT',
};

/** Schema fields named differently in the CSV. */
const COLUMN_OF: Record<string, string> = { unitId: 'unitCode', superiorId: 'superiorNip' };

export interface EmployeePlan {
  report: RowReport;
  nip: string;
  superiorNip: string | null;
  existingId: number | null;
  /** The status after the import (the file's, else the stored one, else ACTIVE). */
  status: 'ACTIVE' | 'TRANSFERRED' | 'LEFT';
  data: {
    nip: string;
    name: string;
    employmentType: 'PNS' | 'PPPK';
    position: string;
    positionType: 'JPT' | 'ADMINISTRATOR' | 'PENGAWAS' | 'PELAKSANA' | 'FUNGSIONAL';
    grade: string | null;
    unitId: number;
    baseAllowance?: number;
    email: string | null;
    status?: 'ACTIVE' | 'TRANSFERRED' | 'LEFT';
  };
}

/** Validates every row against the file and the database; nothing is written. */
export async function validateEmployees(db: Db, rows: CsvRow[]): Promise<EmployeePlan[]> {
  const [units, employees] = await Promise.all([
    db.unit.findMany({ select: { id: true, code: true } }),
    db.employee.findMany({ select: { id: true, nip: true, superiorId: true, status: true } }),
  ]);
  const unitIdByCode = new Map(units.map((u) => [u.code, u.id]));
  const nipById = new Map(employees.map((e) => [e.id, e.nip]));
  const dbByNip = new Map(employees.map((e) => [e.nip, e]));
  const firstLine = new Map<string, number>();

  const plans: EmployeePlan[] = rows.map((r) => {
    const v = r.values;
    const report: RowReport = { row: r.line, ok: true, key: v.nip || undefined, errors: [] };
    const err = (field: string, message: string) => report.errors.push({ field, message });
    if (r.shapeError) err('(baris)', r.shapeError);

    let baseAllowance: number | undefined;
    if (v.baseAllowance) {
      // Plain digits, or dots between groups of three as Indonesians write rupiah ("5.250.000"); no decimals.
      const raw = v.baseAllowance.replace(/^Rp\s?/i, '');
      if (/^\d+$/.test(raw) || /^\d{1,3}(\.\d{3})+$/.test(raw)) baseAllowance = Number(raw.replace(/\./g, ''));
      else err('baseAllowance', 'harus bilangan bulat rupiah, tanpa desimal (contoh 5250000)');
    }
    const status = v.status ? STATUS_OF[v.status.trim().toUpperCase()] : undefined;
    if (v.status && !status)
      err('status', 'harus ACTIVE/AKTIF, TRANSFERRED/MUTASI atau LEFT/BERHENTI / unknown status');
    const unitId = v.unitCode ? unitIdByCode.get(v.unitCode) : undefined;
    if (!v.unitCode) err('unitCode', 'Wajib diisi');
    else if (unitId === undefined) err('unitCode', `unit ${v.unitCode} tidak ada; impor unit terlebih dahulu`);

    const candidate = {
      nip: v.nip ?? '',
      name: v.name ?? '',
      employmentType: v.employmentType?.toUpperCase() ?? '',
      position: v.position ?? '',
      positionType: v.positionType?.toUpperCase() ?? '',
      grade: v.grade ? v.grade : null,
      unitId: unitId ?? 1,
      superiorId: null,
      baseAllowance: baseAllowance ?? 0,
      email: v.email ? v.email : null,
    };
    const parsed = employeeSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? '(baris)');
        err(COLUMN_OF[field] ?? field, i.message);
      }
    }
    const nip = (v.nip ?? '').trim();
    if (nip) {
      const seen = firstLine.get(nip);
      if (seen !== undefined) err('nip', `NIP sama dengan baris ${seen}`);
      else firstLine.set(nip, r.line);
    }
    const existing = dbByNip.get(nip);
    report.action = existing ? 'update' : 'create';
    return {
      report,
      nip,
      superiorNip: v.superiorNip ? v.superiorNip : null,
      existingId: existing?.id ?? null,
      status: status ?? existing?.status ?? 'ACTIVE',
      data: {
        nip,
        name: candidate.name.trim(),
        employmentType: candidate.employmentType as EmployeePlan['data']['employmentType'],
        position: candidate.position.trim(),
        positionType: candidate.positionType as EmployeePlan['data']['positionType'],
        grade: candidate.grade,
        unitId: unitId ?? 0,
        baseAllowance,
        email: candidate.email,
        status,
      },
    };
  });

  // The reporting line after the import: the database's superiors, overridden by the file.
  const superiorOf = new Map<string, string | null>(
    employees.map((e) => [e.nip, e.superiorId === null ? null : (nipById.get(e.superiorId) ?? null)]),
  );
  for (const p of plans) if (p.nip && firstLine.get(p.nip) === p.report.row) superiorOf.set(p.nip, p.superiorNip);
  const inFile = new Set(plans.map((p) => p.nip).filter(Boolean));
  for (const p of plans) {
    if (!p.superiorNip) continue;
    const err = (message: string) => p.report.errors.push({ field: 'superiorNip', message });
    const inDb = dbByNip.get(p.superiorNip);
    if (p.superiorNip === p.nip) err('pegawai tidak boleh menjadi atasannya sendiri');
    else if (!inDb && !inFile.has(p.superiorNip))
      err(`atasan dengan NIP ${p.superiorNip} tidak ada (di basis data maupun di berkas)`);
    else if (inDb && inDb.status !== 'ACTIVE' && !inFile.has(p.superiorNip)) err('atasan tidak aktif');
  }
  const loops = keysOnLoops(superiorOf, inFile);
  for (const p of plans)
    if (loops.has(p.nip) && p.superiorNip !== p.nip)
      p.report.errors.push({ field: 'superiorNip', message: 'rantai atasan berputar (siklus)' });
  for (const p of plans) p.report.ok = p.report.errors.length === 0;
  return plans;
}

/** Separation of duties: the importing HR admin's own row may not change their pay ceiling, grade or superior. */
async function refuseOwnCase(db: Db, user: AuthUser, plans: EmployeePlan[]) {
  if (user.employeeId === null) return;
  const mine = plans.filter((p) => p.existingId === user.employeeId);
  if (!mine.length) return;
  const before = await db.employee.findUniqueOrThrow({ where: { id: user.employeeId } });
  const nipById = new Map<number, string>();
  if (before.superiorId !== null) {
    const superior = await db.employee.findUnique({ where: { id: before.superiorId }, select: { nip: true } });
    if (superior) nipById.set(before.superiorId, superior.nip);
  }
  for (const p of mine) {
    const changed = ownCaseChanges(user.employeeId, before, {
      baseAllowance: p.data.baseAllowance,
      grade: p.data.grade,
    });
    const superiorNip = before.superiorId === null ? null : (nipById.get(before.superiorId) ?? null);
    if (p.superiorNip !== superiorNip) changed.push('superiorNip');
    for (const field of changed)
      p.report.errors.push({
        field,
        message: 'Admin SDM tidak dapat mengubah datanya sendiri; mintalah admin SDM lain / not on your own record',
      });
    p.report.ok = p.report.errors.length === 0;
  }
}

/**
 * Validates and, unless it is a dry run and when every row is valid, writes all rows in the given transaction; with
 * `createAccounts`, also the accounts (their one-time passwords only in the answer).
 */
export async function importEmployees(
  db: Db,
  user: AuthUser,
  rows: CsvRow[],
  dryRun: boolean,
  options: { createAccounts?: boolean } = {},
): Promise<ImportReport> {
  const plans = await validateEmployees(db, rows);
  await refuseOwnCase(db, user, plans);
  const accounts = options.createAccounts ? await checkAccounts(db, plans) : undefined;
  const report = summarize(
    'employees',
    dryRun,
    plans.map((p) => p.report),
  );
  if (accounts) report.accounts = accounts;
  if (dryRun || report.invalid > 0) return report;
  const calibrators = await calibratorsInOwnScope(db);
  const idByNip = new Map((await db.employee.findMany({ select: { id: true, nip: true } })).map((e) => [e.nip, e.id]));
  for (const p of parentsFirst(
    plans,
    (x) => x.nip,
    (x) => x.superiorNip,
  )) {
    const superiorId = p.superiorNip ? idByNip.get(p.superiorNip)! : null;
    const data = employeeColumns({ ...p.data, superiorId });
    if (data.baseAllowance === undefined) delete data.baseAllowance;
    if (p.existingId === null) {
      const created = await db.employee.create({ data });
      idByNip.set(created.nip, created.id);
      await recordAudit(db, {
        actorUserId: user.id,
        actor: user.username,
        action: 'import-create',
        entity: 'employee',
        entityId: created.id,
        after: created,
      });
    } else {
      const before = await db.employee.findUniqueOrThrow({ where: { id: p.existingId } });
      const after = await db.employee.update({ where: { id: p.existingId }, data });
      await recordAudit(db, {
        actorUserId: user.id,
        actor: user.username,
        action: before.superiorId !== after.superiorId ? 'import-change-superior' : 'import-update',
        entity: 'employee',
        entityId: after.id,
        before,
        after,
      });
      await deactivateIfDeparted(db, user, after, 'impor pegawai / employee import');
    }
  }
  await clearCalibratorsWhoLeftScope(db, user, calibrators, 'impor pegawai / employee import');
  if (report.accounts) report.accounts = await createAccounts(db, user, plans, idByNip);
  return report;
}
