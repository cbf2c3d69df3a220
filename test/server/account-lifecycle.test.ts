/**
 * Accounts follow the employee record (issue 11 item 1) against real PostgreSQL: the employee import creates the
 * accounts of new employees (`?createAccounts=true`) in its own all-or-nothing transaction with one-time passwords in
 * the answer only; an employee who leaves or moves out (employee update, import) loses the use of the account, whose
 * tokens end; a calibrator who moves out of the subtree they calibrate, or whose unit is deleted, loses that role.
 */
import type { Express } from 'express';
import request from 'supertest';
import { seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp, loginDemoAccounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const HEADER = 'nip,name,employmentType,position,positionType,grade,unitCode,superiorNip,baseAllowance,email,status';

describe('accounts follow the employee record (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: Express;
  let tokens: Record<string, string>;
  let unit: { id: number; code: string };
  let superiorNip: string;
  const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
  const importEmployees = (csv: string, query: string) =>
    request(app)
      .post(`/api/imports/employees?${query}`)
      .set(as('admin'))
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(csv);
  const row = (nip: string, name: string, status = '') =>
    `${nip},${name},PNS,Analis Kebijakan,FUNGSIONAL,III/a,${unit.code},${superiorNip},,,${status}`;
  const login = (username: string, password: string) =>
    request(app).post('/api/auth/login').send({ username, password });

  beforeAll(async () => {
    db = await createTestDatabase('account_lifecycle');
    await seedDemo(db.prisma);
    app = createTestApp(db).app;
    tokens = await loginDemoAccounts(app);
    unit = await db.prisma.unit.findFirstOrThrow({ where: { parentId: { not: null } }, orderBy: { id: 'asc' } });
    superiorNip = (await db.prisma.employee.findFirstOrThrow({ where: { unitId: unit.id }, orderBy: { id: 'asc' } }))
      .nip;
  });
  afterAll(() => db.drop());

  it('the import creates the accounts of new employees once, with one-time passwords in its answer only', async () => {
    const csv = `${HEADER}\n${row('199101012016031001', 'Bagus Prasetyo')}\n${row('199202022017032002', 'Citra Lestari')}\n`;
    const dry = await importEmployees(csv, 'dryRun=true&createAccounts=true').expect(200);
    expect(dry.body.accounts).toEqual({ created: 2, existing: 0 });
    expect(dry.body.rows.map((r: any) => r.account)).toEqual(['create', 'create']);
    expect(await db.prisma.user.count({ where: { username: '199101012016031001' } })).toBe(0);

    const done = await importEmployees(csv, 'dryRun=false&createAccounts=true').expect(200);
    expect(done.body.created).toBe(2);
    const passwords = done.body.accounts.oneTimePasswords;
    expect(passwords).toEqual([
      {
        nip: '199101012016031001',
        name: 'Bagus Prasetyo',
        username: '199101012016031001',
        oneTimePassword: expect.any(String),
      },
      {
        nip: '199202022017032002',
        name: 'Citra Lestari',
        username: '199202022017032002',
        oneTimePassword: expect.any(String),
      },
    ]);
    for (const p of passwords) expect(p.oneTimePassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const account = await db.prisma.user.findUniqueOrThrow({ where: { username: '199101012016031001' } });
    expect(account).toMatchObject({ roles: ['EMPLOYEE'], active: true, mustChangePassword: true });
    const signedIn = await login(passwords[0].username, passwords[0].oneTimePassword).expect(200);
    expect(signedIn.body.user.mustChangePassword).toBe(true);

    // Audited per account and for the import, never with a password.
    const created = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'user.create', entityId: String(account.id) },
    });
    expect(created.after).toMatchObject({ username: account.username, roles: ['EMPLOYEE'], via: 'import' });
    const run = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'import' }, orderBy: { id: 'desc' } });
    expect(run.after).toMatchObject({ kind: 'employees', accountsCreated: 2 });
    const everything = JSON.stringify(await db.prisma.auditEvent.findMany({ select: { before: true, after: true } }));
    for (const p of passwords) expect(everything).not.toContain(p.oneTimePassword);

    // Again: the accounts exist, nothing new is made and no password is answered.
    const again = await importEmployees(csv, 'dryRun=false&createAccounts=true').expect(200);
    expect(again.body.accounts).toEqual({ created: 0, existing: 2, oneTimePasswords: [] });
    expect(again.body.rows.map((r: any) => r.account)).toEqual(['existing', 'existing']);
  });

  it('a NIP taken as another account’s username refuses the whole file; createAccounts is for employees only', async () => {
    const nip = '199303032018031003';
    await db.prisma.user.create({ data: { username: nip, passwordHash: 'x', roles: ['AUDITOR'] } });
    const csv = `${HEADER}\n${row('199404042019032004', 'Dewi Anggraini')}\n${row(nip, 'Eko Saputra')}\n`;
    const refused = await importEmployees(csv, 'dryRun=false&createAccounts=true').expect(422);
    expect(refused.body.report.rows[1].errors).toEqual([
      { field: 'nip', message: expect.stringContaining('sudah dipakai akun lain') },
    ]);
    expect(refused.body.report.accounts.oneTimePasswords).toBeUndefined();
    expect(await db.prisma.employee.count({ where: { nip: '199404042019032004' } })).toBe(0);
    expect(await db.prisma.user.count({ where: { username: '199404042019032004' } })).toBe(0);
    // Without the option the same file imports the employees and no account.
    await importEmployees(csv, 'dryRun=false').expect(200);
    expect(await db.prisma.user.count({ where: { username: '199404042019032004' } })).toBe(0);
    const units = await request(app)
      .post('/api/imports/units?dryRun=true&createAccounts=true')
      .set(as('admin'))
      .set('Content-Type', 'text/csv')
      .send('code,name\nX,Unit X')
      .expect(400);
    expect(units.body.error.details.fields[0].field).toBe('createAccounts');
    await importEmployees(csv, 'dryRun=true&createAccounts=ya').expect(400);
  });

  it('leaving (employee update) or moving out (import) deactivates the account and ends its tokens, audited', async () => {
    const employee = await db.prisma.employee.findUniqueOrThrow({ where: { nip: '199202022017032002' } });
    const account = await db.prisma.user.findUniqueOrThrow({ where: { employeeId: employee.id } });
    const pegawai = await db.prisma.user.findUniqueOrThrow({ where: { username: 'pegawai' } });
    await request(app).get('/api/auth/me').set(as('pegawai')).expect(200);

    await request(app)
      .put(`/api/employees/${pegawai.employeeId}`)
      .set(as('admin'))
      .send({ status: 'LEFT' })
      .expect(200);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: pegawai.id } })).toMatchObject({ active: false });
    await request(app).get('/api/auth/me').set(as('pegawai')).expect(401);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'user.deactivate', entityId: String(pegawai.id) },
    });
    expect(audit.actor).toBe('admin');
    expect(audit.after).toMatchObject({ active: false, employeeStatus: 'LEFT' });
    expect(JSON.stringify(audit.after)).toMatch(/berhenti/);

    // The import's status column, in Indonesian: MUTASI (transferred out).
    await importEmployees(`${HEADER}\n${row(employee.nip, 'Citra Lestari', 'MUTASI')}\n`, 'dryRun=false').expect(200);
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: employee.id } })).toMatchObject({
      status: 'TRANSFERRED',
    });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ active: false });
    const bad = await importEmployees(`${HEADER}\n${row(employee.nip, 'Citra Lestari', 'PENSIUN')}\n`, 'dryRun=true');
    expect(bad.body.rows[0].errors).toEqual([{ field: 'status', message: expect.stringContaining('BERHENTI') }]);
  });

  it('a calibrator who moves out of the calibrated subtree, or whose unit is deleted, loses the role', async () => {
    // `penilai` calibrates the office their own unit belongs to; `atasan` calibrates an office they do not work in.
    const penilai = await db.prisma.user.findUniqueOrThrow({
      where: { username: 'penilai' },
      include: { employee: true },
    });
    const atasan = await db.prisma.user.findUniqueOrThrow({
      where: { username: 'atasan' },
      include: { employee: true },
    });
    const office = async (unitId: number) => {
      let u = await db.prisma.unit.findUniqueOrThrow({ where: { id: unitId } });
      while (u.parentId !== null) {
        const parent = await db.prisma.unit.findUniqueOrThrow({ where: { id: u.parentId } });
        if (parent.parentId === null) break;
        u = parent;
      }
      return u;
    };
    const own = await office(penilai.employee!.unitId);
    const elsewhere = await db.prisma.unit.findFirstOrThrow({
      where: { parent: { parentId: null }, id: { not: own.id } },
      orderBy: { id: 'asc' },
    });
    for (const [u, scope] of [
      [penilai, own],
      [atasan, elsewhere],
    ] as const)
      await request(app)
        .put(`/api/users/${u.id}`)
        .set(as('admin'))
        .send({ roles: ['EMPLOYEE', 'CALIBRATOR'], calibrationUnitId: scope.id })
        .expect(200);
    const atasanBefore = atasan.employee!.unitId;

    // Both move to another office: penilai leaves the subtree they calibrate; atasan was never in theirs.
    const target = await db.prisma.unit.findFirstOrThrow({
      where: { parent: { parentId: null }, id: { notIn: [own.id, elsewhere.id] } },
      orderBy: { id: 'asc' },
    });
    for (const u of [penilai, atasan])
      await request(app).put(`/api/employees/${u.employeeId}`).set(as('admin')).send({ unitId: target.id }).expect(200);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: penilai.id } })).toMatchObject({
      roles: ['EMPLOYEE'],
      calibrationUnitId: null,
      active: true,
    });
    const cleared = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'user.roles', entityId: String(penilai.id) },
      orderBy: { id: 'desc' },
    });
    expect(cleared.before).toMatchObject({ roles: ['EMPLOYEE', 'CALIBRATOR'], calibrationUnitId: own.id });
    expect(JSON.stringify(cleared.after)).toMatch(/Pindah keluar dari unit kalibrasinya/);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: atasan.id } })).toMatchObject({
      roles: ['EMPLOYEE', 'CALIBRATOR'],
      calibrationUnitId: elsewhere.id,
    });
    await request(app).put(`/api/employees/${atasan.employeeId}`).set(as('admin')).send({ unitId: atasanBefore });

    // A calibrator (without an employee) of a unit that is deleted: the role goes, and an account left with none is off.
    const empty = await db.prisma.unit.create({ data: { code: 'TIM-AD-HOC', name: 'Tim Ad Hoc', parentId: own.id } });
    const solo = await db.prisma.user.create({
      data: { username: 'kalibrator.tim', passwordHash: 'x', roles: ['CALIBRATOR'], calibrationUnitId: empty.id },
    });
    await request(app).delete(`/api/units/${empty.id}`).set(as('admin')).expect(200);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: solo.id } })).toMatchObject({
      roles: [],
      calibrationUnitId: null,
      active: false,
    });
    const gone = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'user.roles', entityId: String(solo.id) },
    });
    expect(JSON.stringify(gone.after)).toMatch(/Unit TIM-AD-HOC dihapus/);
  });
});
