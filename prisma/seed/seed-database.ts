/** Writes a generated organisation, the demo accounts, periods and the default rule sets into the database. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { recordAudit } from '../audit';
import type { PrismaClient, Role } from '../client';
import { MONTH_NAMES_ID } from '../month-names';
import { generateOrganisation, type GeneratedEmployee, type GeneratedUnit } from './organisation-generator';

/** The published demo password: `NODE_ENV=production` refuses to start while any account still uses it. */
export const DEMO_PASSWORD = 'capaian-demo';

export interface DemoAccount {
  username: string;
  roles: Role[];
  /** Which generated employee the account belongs to (by role in the tree), if any. */
  employee?: 'staff' | 'rater' | 'raterSuperior' | 'hr' | 'hr2';
  description: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'admin',
    roles: ['HR_ADMIN', 'EMPLOYEE'],
    employee: 'hr',
    description: 'Admin SDM (BKPSDM): aturan, siklus, pegawai',
  },
  {
    username: 'admin2',
    roles: ['HR_ADMIN', 'EMPLOYEE'],
    employee: 'hr2',
    description: 'Admin SDM kedua: menyetujui aturan buatan admin',
  },
  { username: 'auditor', roles: ['AUDITOR'], description: 'Auditor (Inspektorat): baca saja, log audit' },
  {
    username: 'pegawai',
    roles: ['EMPLOYEE'],
    employee: 'staff',
    description: 'Pegawai: menyusun SKP, bukti, keberatan',
  },
  {
    username: 'penilai',
    roles: ['EMPLOYEE'],
    employee: 'rater',
    description: 'Pejabat penilai kinerja (atasan langsung pegawai)',
  },
  {
    username: 'atasan',
    roles: ['EMPLOYEE'],
    employee: 'raterSuperior',
    description: 'Atasan pejabat penilai: memutus keberatan',
  },
];

/** Inserts units and employees level by level (parents first); returns maps from generator keys to ids. */
export async function insertOrganisation(
  prisma: PrismaClient,
  org: { units: GeneratedUnit[]; employees: GeneratedEmployee[] },
) {
  const unitIds = new Map<string, number>();
  let pendingUnits = org.units;
  while (pendingUnits.length) {
    const ready = pendingUnits.filter((u) => u.parentKey === null || unitIds.has(u.parentKey));
    const created = await prisma.unit.createManyAndReturn({
      data: ready.map((u) => ({
        code: u.code,
        name: u.name,
        parentId: u.parentKey ? unitIds.get(u.parentKey)! : null,
      })),
      select: { id: true, code: true },
    });
    const byCode = new Map(created.map((c) => [c.code, c.id]));
    for (const u of ready) unitIds.set(u.key, byCode.get(u.code)!);
    pendingUnits = pendingUnits.filter((u) => !unitIds.has(u.key));
  }
  const employeeIds = new Map<string, number>();
  let pending = org.employees;
  while (pending.length) {
    const ready = pending.filter((e) => e.superiorKey === null || employeeIds.has(e.superiorKey));
    for (let i = 0; i < ready.length; i += 5000) {
      const chunk = ready.slice(i, i + 5000);
      const created = await prisma.employee.createManyAndReturn({
        data: chunk.map((e) => ({
          nip: e.nip,
          name: e.name,
          employmentType: e.employmentType,
          position: e.position,
          positionType: e.positionType,
          grade: e.grade,
          unitId: unitIds.get(e.unitKey)!,
          superiorId: e.superiorKey ? employeeIds.get(e.superiorKey)! : null,
          baseAllowance: e.baseAllowance,
          // A reserved domain (RFC 2606): the demo's notification e-mails land in Mailpit, never in a real mailbox.
          email: `${e.nip}@demo.capaian.example`,
        })),
        select: { id: true, nip: true },
      });
      const byNip = new Map(created.map((c) => [c.nip, c.id]));
      for (const e of chunk) employeeIds.set(e.key, byNip.get(e.nip)!);
    }
    pending = pending.filter((e) => !employeeIds.has(e.key));
  }
  return { unitIds, employeeIds };
}

/** Creates the periods of a year: 12 months, 4 quarters, 2 semesters and the year. */
export async function ensurePeriods(prisma: PrismaClient, year: number) {
  const months = MONTH_NAMES_ID;
  const rows: {
    type: 'MONTH' | 'QUARTER' | 'SEMESTER' | 'YEAR';
    number: number;
    label: string;
    from: number;
    to: number;
  }[] = [
    ...months.map((m, i) => ({ type: 'MONTH' as const, number: i + 1, label: `${m} ${year}`, from: i, to: i })),
    ...['I', 'II', 'III', 'IV-Akhir'].map((q, i) => ({
      type: 'QUARTER' as const,
      number: i + 1,
      label: `Triwulan ${q} ${year}`,
      from: i * 3,
      to: i * 3 + 2,
    })),
    ...['I', 'II'].map((s, i) => ({
      type: 'SEMESTER' as const,
      number: i + 1,
      label: `Semester ${s} ${year}`,
      from: i * 6,
      to: i * 6 + 5,
    })),
    { type: 'YEAR', number: 1, label: `Tahunan ${year}`, from: 0, to: 11 },
  ];
  await prisma.period.createMany({
    skipDuplicates: true,
    data: rows.map((r) => ({
      type: r.type,
      year,
      number: r.number,
      label: r.label,
      startDate: new Date(Date.UTC(year, r.from, 1)),
      endDate: new Date(Date.UTC(year, r.to + 1, 0)),
    })),
  });
}

/** Canonical JSON (sorted keys) so that equal documents have equal hashes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as any)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as any)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const KINDS = [
  { kind: 'SCORING', file: 'scoring.json', name: 'Predikat kinerja' },
  { kind: 'DISTRIBUTION', file: 'distribution.json', name: 'Kurva distribusi' },
  { kind: 'PAY', file: 'pay.json', name: 'Tambahan penghasilan pegawai (TPP)' },
  { kind: 'SANCTION', file: 'sanction.json', name: 'Sanksi dan tindak lanjut' },
] as const;

/** Publishes version 1 of each default rule set (from rules/defaults) when the kind has none. */
export async function ensureDefaultRulesets(prisma: PrismaClient) {
  const dir = join(__dirname, '..', '..', 'rules', 'defaults');
  for (const k of KINDS) {
    const path = join(dir, k.file);
    if (!existsSync(path)) continue;
    const document = JSON.parse(readFileSync(path, 'utf8'));
    const ruleSet = await prisma.ruleSet.upsert({
      where: { kind: k.kind },
      update: {},
      create: { kind: k.kind, name: k.name },
    });
    const existing = await prisma.ruleSetVersion.count({ where: { ruleSetId: ruleSet.id } });
    if (existing) continue;
    const version = await prisma.ruleSetVersion.create({
      data: {
        ruleSetId: ruleSet.id,
        kind: k.kind,
        version: document.version ?? 1,
        name: document.name ?? k.name,
        description: document.description ?? null,
        effectiveFrom: new Date(document.effectiveFrom ?? '2026-01-01'),
        document,
        contentHash: createHash('sha256').update(canonicalJson(document)).digest('hex'),
        status: 'PUBLISHED',
        publishedAt: new Date(),
      },
    });
    await recordAudit(prisma, {
      actor: 'system:seed',
      action: 'publish',
      entity: 'rule-set-version',
      entityId: version.id,
      after: { kind: k.kind, version: version.version },
    });
  }
}

/** Seeds the demo city (about 60 employees), its accounts, periods, rule sets and some attendance. Idempotent. */
export async function seedDemo(prisma: PrismaClient, options: { employees?: number; year?: number } = {}) {
  const year = options.year ?? new Date().getUTCFullYear();
  await ensurePeriods(prisma, year);
  await ensureDefaultRulesets(prisma);
  if ((await prisma.employee.count()) > 0) return { created: false };

  const org = generateOrganisation({ employees: options.employees ?? 60, seed: 2026 });

  // Pick the demo people: a staff member, the rater (their section head) and the rater's superior (field head).
  // The demo employee works in the Education Office; the HR admins in the Civil Service Agency (BKPSDM).
  const staff =
    org.employees.find(
      (e) => e.positionType === 'PELAKSANA' && e.unitKey.startsWith('U-O1-') && e.unitKey.includes('-S'),
    ) ?? org.employees.find((e) => e.positionType === 'PELAKSANA' && e.unitKey.includes('-S'));
  const rater = staff && org.employees.find((e) => e.key === staff.superiorKey);
  const raterSuperior = rater && org.employees.find((e) => e.key === rater.superiorKey);
  if (!staff || !rater || !raterSuperior)
    throw new Error(
      `Organisasi ${org.employees.length} pegawai terlalu kecil untuk akun demo (pegawai, penilai, atasan penilai): ` +
        `minimal 13 / an organisation of ${org.employees.length} has no staff member with a rater and a rater's ` +
        'superior for the demo accounts: use 13 employees or more',
    );
  const { employeeIds } = await insertOrganisation(prisma, org);
  const taken = new Set([staff.key, rater.key, raterSuperior.key]);
  const hrPeople = org.employees.filter(
    (e) => e.unitKey.startsWith('U-O0') && e.positionType !== 'JPT' && !taken.has(e.key),
  );
  const people: Record<NonNullable<DemoAccount['employee']>, GeneratedEmployee> = {
    staff,
    rater,
    raterSuperior,
    hr: hrPeople[0] ?? rater,
    hr2: hrPeople[1] ?? raterSuperior,
  };

  const hash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const named = new Set<number>();
  for (const a of DEMO_ACCOUNTS) {
    const employeeId = a.employee ? employeeIds.get(people[a.employee].key)! : null;
    if (employeeId) named.add(employeeId);
    await prisma.user.create({
      data: { username: a.username, passwordHash: hash, demoPassword: true, roles: a.roles, employeeId },
    });
  }
  // Every other employee can sign in with their NIP.
  await prisma.user.createMany({
    data: org.employees
      .filter((e) => !named.has(employeeIds.get(e.key)!))
      .map((e) => ({
        username: e.nip,
        passwordHash: hash,
        demoPassword: true,
        roles: ['EMPLOYEE' as Role],
        employeeId: employeeIds.get(e.key)!,
      })),
  });

  // Attendance of the current month: a few unexcused absences so that pay cuts and sanctions have something to show.
  const month = new Date().getUTCMonth();
  const absentees = org.employees.filter((_, i) => i % 9 === 4).slice(0, 6);
  const records = absentees.flatMap((e, i) =>
    Array.from({ length: 1 + (i % 4) * 2 }, (_, d) => ({
      employeeId: employeeIds.get(e.key)!,
      date: new Date(Date.UTC(year, month, 2 + d)),
      status: 'ALPA' as const,
    })),
  );
  await prisma.attendanceRecord.createMany({ data: records, skipDuplicates: true });
  await recordAudit(prisma, {
    actor: 'system:seed',
    action: 'seed',
    entity: 'organisation',
    entityId: 'demo',
    after: { units: org.units.length, employees: org.employees.length, accounts: DEMO_ACCOUNTS.map((a) => a.username) },
  });
  return { created: true, units: org.units.length, employees: org.employees.length };
}
