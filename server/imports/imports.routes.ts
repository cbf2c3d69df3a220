/**
 * `/api/imports`: CSV import of units, employees, daily attendance and unit results (the satisfaction index) for HR. `?dryRun=true` (the default) validates
 * every row and writes nothing; `?dryRun=false` writes all rows in one transaction, or none when any row is invalid
 * (422 with the report). Both are audited: one event per imported record (attendance: per employee, and per replaced
 * day) and one for the import itself, with the file's SHA-256. Employees with `?createAccounts=true` also get their
 * accounts in the same transaction; the one-time passwords are in this answer only (never stored, logged or audited).
 */
import { createHash } from 'node:crypto';
import express, { Router } from 'express';
import { recordAudit } from '../../prisma/audit';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { describeRoutes } from '../openapi/registry';
import { ATTENDANCE_COLUMNS, importAttendance } from './attendance.import';
import { readCsv } from './csv';
import { EMPLOYEE_COLUMNS, importEmployees } from './employees.import';
import type { ImportReport } from './report';
import { UNIT_RESULT_COLUMNS, importUnitResults } from './unit-results.import';
import { UNIT_COLUMNS, importUnits } from './units.import';

const KINDS = {
  units: { columns: UNIT_COLUMNS, run: importUnits },
  employees: { columns: EMPLOYEE_COLUMNS, run: importEmployees },
  attendance: { columns: ATTENDANCE_COLUMNS, run: importAttendance },
  'unit-results': { columns: UNIT_RESULT_COLUMNS, run: importUnitResults },
} as const;
type Kind = keyof typeof KINDS;

describeRoutes(
  {
    method: 'post',
    path: '/api/imports/units',
    summary:
      'Impor unit dari CSV (kolom code,name,parentCode); ?dryRun=true (bawaan) hanya memeriksa, ?dryRun=false menyimpan semua atau tidak sama sekali',
    tag: 'imports',
    access: ['HR_ADMIN'],
    responses: {
      '200': 'Laporan per baris',
      '422': 'Ada baris tidak valid: tidak ada yang disimpan (laporan di `report`)',
    },
  },
  {
    method: 'post',
    path: '/api/imports/employees',
    summary:
      'Impor pegawai dari CSV (kolom nip,name,employmentType,position,positionType,grade,unitCode,superiorNip,baseAllowance,email,status; ' +
      'status ACTIVE/AKTIF, TRANSFERRED/MUTASI, LEFT/BERHENTI: yang berhenti atau mutasi keluar, akunnya dinonaktifkan). ' +
      '?createAccounts=true: setiap pegawai aktif di berkas yang belum punya akun dibuatkan akun EMPLOYEE (nama pengguna = NIP) ' +
      'dalam transaksi yang sama; kata sandi sekali pakainya (accounts.oneTimePasswords) hanya ada di jawaban ini / ' +
      'creates the accounts too, one-time passwords in this answer only',
    tag: 'imports',
    access: ['HR_ADMIN'],
    responses: {
      '200':
        'Laporan per baris (dengan createAccounts: accounts.created, accounts.existing, accounts.oneTimePasswords)',
      '422': 'Ada baris tidak valid: tidak ada yang disimpan (laporan di `report`)',
    },
  },
  {
    method: 'post',
    path: '/api/imports/attendance',
    summary:
      'Impor kehadiran harian dari CSV (kolom nip,tanggal,status,tidakApel; status HADIR/ALPA/IZIN/SAKIT/CUTI/DINAS, tidakApel ya/tidak); hari yang sudah tersimpan diganti (diaudit)',
    tag: 'imports',
    access: ['HR_ADMIN'],
    responses: {
      '200': 'Laporan per baris',
      '422': 'Ada baris tidak valid: tidak ada yang disimpan (laporan di `report`)',
    },
  },
  {
    method: 'post',
    path: '/api/imports/unit-results',
    summary:
      'Impor hasil unit per periode dari CSV (kolom kodeUnit,periode,jenis,nilai,sumber; jenis IKM = indeks kepuasan ' +
      'masyarakat 0–100 dua desimal, atau nama hasil lain; periode 2026, 2026-S1, 2026-Q1, 2026-03); menjadi fakta ' +
      'aturan DISTRIBUTION (satisfactionIndex, satisfactionSource); angka yang sudah tersimpan diganti (diaudit)',
    tag: 'imports',
    access: ['HR_ADMIN'],
    responses: {
      '200': 'Laporan per baris',
      '422': 'Ada baris tidak valid: tidak ada yang disimpan (laporan di `report`)',
    },
  },
  {
    method: 'get',
    path: '/api/imports/:kind/template.csv',
    summary: 'Templat CSV (baris judul) untuk units, employees, attendance atau unit-results',
    tag: 'imports',
    access: ['HR_ADMIN'],
  },
);

function kindOf(value: string | undefined): Kind {
  if (value === 'units' || value === 'employees' || value === 'attendance' || value === 'unit-results') return value;
  throw ApiError.notFound(`Jenis impor ${value}`);
}

/** Routes of /api/imports. */
export function importsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use(authorize(deps, 'import', 'run'));
  router.use(
    express.text({ type: ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'], limit: '20mb' }),
  );

  router.get('/:kind/template.csv', (req, res) => {
    const { columns } = KINDS[kindOf(req.params.kind)];
    res
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="${req.params.kind}-template.csv"`);
    res.send(`${[...columns.required, ...columns.optional].join(',')}\n`);
  });

  router.post('/:kind', async (req, res) => {
    const kind = kindOf(req.params.kind);
    const user = currentUser(req);
    if (typeof req.body !== 'string') {
      throw ApiError.badRequest('Kirim isi berkas CSV dengan Content-Type text/csv / send the CSV as text/csv', {
        fields: [{ field: '(file)', message: 'bukan CSV' }],
      });
    }
    const dryRunParam = String(req.query.dryRun ?? 'true');
    if (!['true', 'false'].includes(dryRunParam)) {
      throw ApiError.badRequest('dryRun harus true atau false', {
        fields: [{ field: 'dryRun', message: 'harus true atau false' }],
      });
    }
    const dryRun = dryRunParam !== 'false';
    const accountsParam = String(req.query.createAccounts ?? 'false');
    if (!['true', 'false'].includes(accountsParam) || (accountsParam === 'true' && kind !== 'employees')) {
      throw ApiError.badRequest('createAccounts: hanya true/false, dan hanya untuk impor pegawai / employees only', {
        fields: [{ field: 'createAccounts', message: 'hanya true atau false, untuk impor pegawai' }],
      });
    }
    const createAccounts = accountsParam === 'true';
    const text: string = req.body;
    const rows = readCsv(text, KINDS[kind].columns);
    const sha256 = createHash('sha256').update(text).digest('hex');
    const report: ImportReport = await deps.prisma.$transaction(
      async (tx) => {
        const r =
          kind === 'employees'
            ? await importEmployees(tx, user, rows, dryRun, { createAccounts })
            : await KINDS[kind].run(tx, user, rows, dryRun);
        await recordAudit(tx, {
          actorUserId: user.id,
          actor: user.username,
          action: dryRun ? 'import-dry-run' : r.invalid ? 'import-refused' : 'import',
          entity: 'import',
          entityId: `${kind}:${sha256.slice(0, 16)}`,
          after: {
            kind,
            dryRun,
            sha256,
            total: r.total,
            valid: r.valid,
            invalid: r.invalid,
            created: r.created,
            updated: r.updated,
            ...(r.accounts ? { accountsCreated: r.accounts.created } : {}),
          },
        });
        return r;
      },
      { timeout: 300_000, maxWait: 20_000 },
    );
    if (!dryRun && report.invalid > 0) {
      res.status(422).json({
        error: {
          code: 'IMPORT_INVALID',
          message: `${report.invalid} dari ${report.total} baris tidak valid; tidak ada yang disimpan / nothing was imported`,
          details: { invalid: report.invalid, total: report.total },
        },
        report,
      });
      return;
    }
    res.json(report);
  });

  return router;
}
