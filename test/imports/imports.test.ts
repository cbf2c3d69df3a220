/**
 * CSV import of units and employees (POST /api/imports/:kind) against real PostgreSQL: the dry run reports every row
 * and writes nothing; the import writes all rows or none; parents and superiors may come later in the file; loops
 * in the unit tree and the reporting line are refused; every write and every run is in the audit log.
 */
import request from 'supertest';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** One CSV line, quoting every cell (names carry degrees with commas: "Dr. Sari, S.Kom."). */
const csvLine = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

describe('CSV imports (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createTestApp>['app'];
  const tokens: Record<string, string> = {};

  const post = (kind: string, csv: string, dryRun: boolean | string = true, who = 'admin') =>
    request(app)
      .post(`/api/imports/${kind}?dryRun=${dryRun}`)
      .set('Authorization', `Bearer ${tokens[who]}`)
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(csv);

  beforeAll(async () => {
    db = await createTestDatabase('imports');
    await seedDemo(db.prisma);
    app = createTestApp(db).app;
    for (const username of ['admin', 'auditor', 'pegawai']) {
      const res = await request(app).post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
      tokens[username] = res.body.token;
    }
  });
  afterAll(() => db.drop());

  it('only HR may import; the template names the columns', async () => {
    await post('units', 'code,name\nX1,Unit X', true, 'pegawai').expect(403);
    await post('units', 'code,name\nX1,Unit X', true, 'auditor').expect(403);
    await request(app).post('/api/imports/units').set('Content-Type', 'text/csv').send('code,name').expect(401);
    const t = await request(app)
      .get('/api/imports/employees/template.csv')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .expect(200);
    expect(t.text.trim()).toBe(
      'nip,name,employmentType,position,positionType,unitCode,grade,superiorNip,baseAllowance,email,status',
    );
    await request(app).post('/api/imports/gaji').set('Authorization', `Bearer ${tokens.admin}`).send('a').expect(404);
  });

  it('refuses an empty file, a header without a required column or with an unknown one, naming the column', async () => {
    const empty = await post('units', '').expect(400);
    expect(empty.body.error.details.fields[0].field).toBe('(file)');
    const missing = await post('units', 'code,nama\nA,Unit A').expect(400);
    expect(missing.body.error.details.fields).toEqual(
      expect.arrayContaining([
        { field: 'name', message: expect.stringContaining('wajib') },
        { field: 'nama', message: expect.stringContaining('tidak dikenal') },
      ]),
    );
    await post('units', 'code,name\nA,Unit A', 'kadang').expect(400);
  });

  it('a units dry run reports each row by its line and writes nothing but an audit event', async () => {
    const before = await db.prisma.unit.count();
    const existing = await db.prisma.unit.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const csv = [
      'code,name,parentCode',
      `IMP-1,Dinas Impor Satu,`, // line 2: new root unit
      `IMP-1A,Bidang Impor,IMP-1`, // line 3: child of a unit created by this file
      `IMP 2,Ab,`, // line 4: bad code and too short name
      `IMP-3,Sub Bagian Tiga,TIDAK-ADA`, // line 5: unknown parent
      `IMP-1,Dinas Kembar,`, // line 6: duplicate code
      `${existing.code},${existing.name} (ubah),`, // line 7: update of an existing unit
    ].join('\n');
    const res = await post('units', csv).expect(200);
    expect(res.body).toMatchObject({
      kind: 'units',
      dryRun: true,
      total: 6,
      valid: 3,
      invalid: 3,
      created: 2,
      updated: 1,
    });
    const byRow = Object.fromEntries(res.body.rows.map((r: any) => [r.row, r]));
    expect(byRow[2]).toMatchObject({ ok: true, key: 'IMP-1', action: 'create', errors: [] });
    expect(byRow[3]).toMatchObject({ ok: true, action: 'create' });
    expect(byRow[4].errors.map((e: any) => e.field).sort()).toEqual(['code', 'name']);
    expect(byRow[5].errors).toEqual([{ field: 'parentCode', message: expect.stringContaining('TIDAK-ADA') }]);
    expect(byRow[6].errors).toEqual([{ field: 'code', message: 'kode sama dengan baris 2' }]);
    expect(byRow[7]).toMatchObject({ ok: true, action: 'update' });
    expect(await db.prisma.unit.count()).toBe(before);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entity: 'import', action: 'import-dry-run' },
      orderBy: { id: 'desc' },
    });
    expect(audit.after).toMatchObject({
      kind: 'units',
      total: 6,
      invalid: 3,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('an import with an invalid row writes nothing (422 with the report)', async () => {
    const before = await db.prisma.unit.count();
    const res = await post('units', 'code,name,parentCode\nIMP-9,Unit Sembilan,\nIMP-10,X,', false).expect(422);
    expect(res.body.error.code).toBe('IMPORT_INVALID');
    expect(res.body.report.rows[1]).toMatchObject({ row: 3, ok: false });
    expect(await db.prisma.unit.count()).toBe(before);
    expect(await db.prisma.unit.findUnique({ where: { code: 'IMP-9' } })).toBeNull();
  });

  it('refuses a loop in the unit tree, including one through the database', async () => {
    const res = await post(
      'units',
      'code,name,parentCode\nLOOP-A,Unit Lingkar A,LOOP-B\nLOOP-B,Unit Lingkar B,LOOP-A\nSELF,Unit Sendiri,SELF',
    ).expect(200);
    expect(res.body.rows.map((r: any) => r.errors.map((e: any) => e.field))).toEqual([
      ['parentCode'],
      ['parentCode'],
      ['parentCode'],
    ]);
    expect(res.body.rows[0].errors[0].message).toMatch(/siklus/);
    // An existing root placed under its own descendant.
    const child = await db.prisma.unit.findFirstOrThrow({
      where: { parent: { parentId: null } },
      include: { parent: true },
    });
    const loop = await post(
      'units',
      `code,name,parentCode\n${child.parent!.code},${child.parent!.name},${child.code}`,
    ).expect(200);
    expect(loop.body.rows[0].errors[0]).toMatchObject({
      field: 'parentCode',
      message: expect.stringMatching(/siklus/),
    });
  });

  it('imports units (semicolons, parent after child), updates existing ones, one audit event per unit', async () => {
    const existing = await db.prisma.unit.findFirstOrThrow({
      where: { parentId: { not: null } },
      orderBy: { id: 'desc' },
    });
    const csv = [
      'code;name;parentCode',
      'IMP-BID;Bidang Data Impor;IMP-DIN', // the parent comes on the next line
      'IMP-DIN;Dinas Data Impor;',
      `${existing.code};Nama Baru Lewat Impor;IMP-DIN`,
    ].join('\r\n');
    const res = await post('units', `\uFEFF${csv}`, false).expect(200);
    expect(res.body).toMatchObject({ dryRun: false, total: 3, invalid: 0, created: 2, updated: 1 });
    const din = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'IMP-DIN' } });
    const bid = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'IMP-BID' } });
    expect(din.parentId).toBeNull();
    expect(bid.parentId).toBe(din.id);
    const moved = await db.prisma.unit.findUniqueOrThrow({ where: { id: existing.id } });
    expect(moved).toMatchObject({ name: 'Nama Baru Lewat Impor', parentId: din.id });
    const events = await db.prisma.auditEvent.findMany({
      where: { entity: 'unit', entityId: { in: [din.id, bid.id, existing.id].map(String) } },
    });
    expect(events.map((e) => e.action).sort()).toEqual(['import-create', 'import-create', 'import-update']);
    const upd = events.find((e) => e.action === 'import-update')!;
    expect(upd.before).toMatchObject({ name: existing.name });
    expect(upd.actor).toBe('admin');
    expect(await db.prisma.auditEvent.count({ where: { entity: 'import', action: 'import' } })).toBe(1);
  });

  it('an employees dry run checks NIP, enums, unit, superior, duplicates, rupiah and reporting loops per row', async () => {
    const unit = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'IMP-DIN' } });
    const boss = await db.prisma.employee.findFirstOrThrow({ where: { superiorId: null } });
    const nip = (seq: number) => `19850315201003200${seq}`.slice(0, 15) + String(seq).padStart(3, '0');
    const header = 'nip,name,employmentType,position,positionType,grade,unitCode,superiorNip,baseAllowance,email';
    const rows = [
      `${nip(1)},Sri Rahayu,PNS,Kepala Dinas Data,JPT,IV/c,${unit.code},${boss.nip},"12.500.000",sri@example.go.id`, // 2 ok
      `${nip(2)},Budi Santoso,PPPK,Analis Data,fungsional,,${unit.code},${nip(1)},5250000,`, // 3 ok (lower-case enum)
      `123,An,PNS,Staf,PELAKSANA,,${unit.code},,,`, // 4 bad NIP and short name
      `${nip(3)},Citra Lestari,HONORER,Staf,PELAKSANA,,TIDAK-ADA,,,bukan-email`, // 5 employment type, unit, email
      `${nip(4)},Dedi Kurnia,PNS,Staf,PELAKSANA,,${unit.code},199901012020011999,,`, // 6 unknown superior
      `${nip(1)},Sri Kembar,PNS,Staf,PELAKSANA,,${unit.code},,,`, // 7 duplicate NIP
      `${nip(5)},Eka Putri,PNS,Staf,PELAKSANA,,${unit.code},${nip(6)},1500000.50,`, // 8 loop with 9, decimal rupiah
      `${nip(6)},Fajar Nugroho,PNS,Staf,PELAKSANA,,${unit.code},${nip(5)},,`, // 9 loop with 8
    ];
    const res = await post('employees', [header, ...rows].join('\n')).expect(200);
    const byRow = Object.fromEntries(res.body.rows.map((r: any) => [r.row, r]));
    const fields = (row: number) => byRow[row].errors.map((e: any) => e.field).sort();
    expect(byRow[2]).toMatchObject({ ok: true, action: 'create' });
    expect(byRow[3]).toMatchObject({ ok: true, action: 'create' });
    expect(fields(4)).toEqual(['name', 'nip']);
    expect(byRow[4].errors.find((e: any) => e.field === 'nip').message).toBe('NIP harus 18 digit angka');
    expect(fields(5)).toEqual(['email', 'employmentType', 'unitCode']);
    expect(fields(6)).toEqual(['superiorNip']);
    expect(byRow[7].errors).toEqual([{ field: 'nip', message: 'NIP sama dengan baris 2' }]);
    expect(fields(8)).toEqual(['baseAllowance', 'superiorNip']);
    expect(byRow[9].errors).toEqual([{ field: 'superiorNip', message: 'rantai atasan berputar (siklus)' }]);
    expect(res.body).toMatchObject({ total: 8, valid: 2, invalid: 6 });
    expect(await db.prisma.employee.count({ where: { unitId: unit.id } })).toBe(0);
  });

  it('imports employees with superiors later in the file and moves an existing employee under a new superior', async () => {
    const unit = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'IMP-BID' } });
    const boss = await db.prisma.employee.findFirstOrThrow({ where: { superiorId: null } });
    const staff = await db.prisma.employee.findFirstOrThrow({
      where: { positionType: 'PELAKSANA', superiorId: { not: null } },
      include: { unit: true },
    });
    const nip = (seq: number) => `198503152010032${String(seq).padStart(3, '0')}`;
    const header = 'nip,name,employmentType,position,positionType,unitCode,superiorNip,baseAllowance';
    const csv = [
      header,
      `${nip(12)},Gita Permata,PNS,Pranata Komputer,FUNGSIONAL,${unit.code},${nip(11)},4000000`,
      `${nip(11)},Hendra Wijaya,PNS,Kepala Bidang Data,ADMINISTRATOR,${unit.code},${boss.nip},9000000`,
      csvLine([
        staff.nip,
        staff.name,
        staff.employmentType,
        staff.position,
        staff.positionType,
        staff.unit.code,
        nip(11),
        '',
      ]),
    ].join('\n');
    const dry = await post('employees', csv).expect(200);
    expect(dry.body).toMatchObject({ invalid: 0, created: 2, updated: 1 });
    const res = await post('employees', csv, false).expect(200);
    expect(res.body).toMatchObject({ dryRun: false, created: 2, updated: 1 });
    const head = await db.prisma.employee.findUniqueOrThrow({ where: { nip: nip(11) } });
    const gita = await db.prisma.employee.findUniqueOrThrow({ where: { nip: nip(12) } });
    expect(head).toMatchObject({
      superiorId: boss.id,
      unitId: unit.id,
      baseAllowance: 9_000_000,
      positionType: 'ADMINISTRATOR',
    });
    expect(gita.superiorId).toBe(head.id);
    const moved = await db.prisma.employee.findUniqueOrThrow({ where: { id: staff.id } });
    expect(moved.superiorId).toBe(head.id);
    expect(moved.baseAllowance).toBe(staff.baseAllowance); // empty column keeps the current value
    const change = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entity: 'employee', entityId: String(staff.id), action: 'import-change-superior' },
    });
    expect(change.before).toMatchObject({ superiorId: staff.superiorId });
    expect(change.after).toMatchObject({ superiorId: head.id });
    // Now the reverse link would loop through the database: the boss's chain reaches Hendra.
    const loop = await post(
      'employees',
      `${header}\n${csvLine([boss.nip, boss.name, boss.employmentType, boss.position, boss.positionType, unit.code, nip(12), ''])}`,
    ).expect(200);
    expect(loop.body.rows[0].errors).toEqual([{ field: 'superiorNip', message: 'rantai atasan berputar (siklus)' }]);
  });
});
