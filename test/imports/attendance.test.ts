/**
 * Attendance (issue 11, item 3) against real PostgreSQL: the CSV import's dry run names row and field of every bad row
 * (unknown NIP, date outside any period, unknown status, a day twice in the file) and a refused import stores nothing;
 * a day already stored is replaced with an audit event holding the value before; GET /api/attendance shows an
 * employee their own days, a rater the team's, HR everyone's, and a filter only narrows. The facts the PAY and
 * SANCTION rules get from the days are checked on their own (weekends keep a run, any other day ends it).
 */
import request from 'supertest';
import { summarizeAttendance, type AttendanceDay } from '../../activities/attendance-facts';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('attendance import and list (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createTestApp>['app'];
  const tokens: Record<string, string> = {};
  let me: { id: number; nip: string };
  let colleague: { id: number; nip: string };
  let year: number;

  const post = (csv: string, dryRun = true, who = 'admin') =>
    request(app)
      .post(`/api/imports/attendance?dryRun=${dryRun}`)
      .set('Authorization', `Bearer ${tokens[who]}`)
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(csv);
  const list = (who: string, filter: object = {}, extra = '') =>
    request(app)
      .get(`/api/attendance?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,99]${extra}`)
      .set('Authorization', `Bearer ${tokens[who]}`);

  beforeAll(async () => {
    db = await createTestDatabase('attendance');
    await seedDemo(db.prisma);
    app = createTestApp(db).app;
    for (const username of ['admin', 'auditor', 'pegawai', 'penilai']) {
      const res = await request(app).post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
      tokens[username] = res.body.token;
    }
    const pegawai = await db.prisma.user.findUniqueOrThrow({
      where: { username: 'pegawai' },
      include: { employee: true },
    });
    me = pegawai.employee!;
    // Someone outside the rater's team (neither a subordinate of the rater nor of the rater's subordinates).
    const rater = pegawai.employee!.superiorId!;
    colleague = await db.prisma.employee.findFirstOrThrow({
      where: {
        id: { notIn: [me.id, rater] },
        superiorId: { not: rater },
        OR: [{ superior: null }, { superior: { superiorId: { not: rater } } }],
      },
    });
    year = (await db.prisma.period.findFirstOrThrow({ orderBy: { year: 'asc' } })).year;
  });
  afterAll(() => db.drop());

  it('only HR imports; the template names the columns', async () => {
    await post('nip,tanggal,status\n', true, 'pegawai').expect(403);
    const t = await request(app)
      .get('/api/imports/attendance/template.csv')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .expect(200);
    expect(t.text.trim()).toBe('nip,tanggal,status,tidakApel');
  });

  it('names row and field of every bad row, and a refused import stores nothing', async () => {
    const before = await db.prisma.attendanceRecord.count();
    const csv = [
      'nip,tanggal,status,tidakApel',
      `${me.nip},${year}-01-05,HADIR,ya`, // 2: fine
      `199001012015011999,${year}-01-05,ALPA,`, // 3: unknown NIP
      `${me.nip},${year - 5}-06-02,ALPA,`, // 4: outside any period
      `${me.nip},${year}-01-06,MANGKIR,`, // 5: unknown status
      `${me.nip},05/01/${year},ALPA,`, // 6: the day of line 2 again (DD/MM/YYYY)
      `${me.nip},${year}-02-30,HADIR,`, // 7: no such date
      `${me.nip},${year}-01-07,ALPA,ya`, // 8: missed assembly on an ALPA day
      `${me.nip},${year}-01-08,HADIR,mungkin`, // 9: neither yes nor no
    ].join('\n');
    const dry = await post(csv).expect(200);
    expect(dry.body).toMatchObject({ kind: 'attendance', dryRun: true, total: 8, valid: 1, invalid: 7 });
    const errorsOf = (row: number) => dry.body.rows.find((r: any) => r.row === row).errors;
    expect(errorsOf(2)).toEqual([]);
    expect(errorsOf(3)).toEqual([{ field: 'nip', message: expect.stringContaining('tidak dikenal') }]);
    expect(errorsOf(4)).toEqual([{ field: 'tanggal', message: expect.stringContaining('di luar periode') }]);
    expect(errorsOf(5)).toEqual([{ field: 'status', message: expect.stringContaining('MANGKIR tidak dikenal') }]);
    expect(errorsOf(6)).toEqual([{ field: 'tanggal', message: expect.stringContaining('baris 2') }]);
    expect(errorsOf(7)).toEqual([{ field: 'tanggal', message: expect.stringContaining('tidak valid') }]);
    expect(errorsOf(8)).toEqual([{ field: 'tidakApel', message: expect.stringContaining('hanya untuk hari HADIR') }]);
    expect(errorsOf(9)).toEqual([{ field: 'tidakApel', message: expect.stringContaining('ya atau tidak') }]);

    const refused = await post(csv, false).expect(422);
    expect(refused.body.error.code).toBe('IMPORT_INVALID');
    expect(refused.body.report.invalid).toBe(7);
    expect(await db.prisma.attendanceRecord.count()).toBe(before);
    expect(await db.prisma.auditEvent.count({ where: { entity: 'import', action: 'import-refused' } })).toBe(1);
  });

  it('imports all rows, reads other headers and dates, and replaces a stored day with an audit event', async () => {
    const csv = [
      'NIP;Tanggal;Status;Tidak Apel',
      `${me.nip};05/01/${year};HADIR;ya`,
      `${me.nip};06/01/${year};ALPA;`,
      `${me.nip};07/01/${year};sakit;tidak`,
      `${colleague.nip};06/01/${year};DINAS;`,
    ].join('\n');
    const done = await post(csv, false).expect(200);
    expect(done.body).toMatchObject({ dryRun: false, total: 4, valid: 4, created: 4, updated: 0 });
    const mine = await db.prisma.attendanceRecord.findMany({ where: { employeeId: me.id }, orderBy: { date: 'asc' } });
    expect(mine.map((r) => [r.date.toISOString().slice(0, 10), r.status, r.missedAssembly])).toEqual([
      [`${year}-01-05`, 'HADIR', true],
      [`${year}-01-06`, 'ALPA', false],
      [`${year}-01-07`, 'SAKIT', false],
    ]);
    expect(
      await db.prisma.auditEvent.count({ where: { entity: 'attendance', action: 'import-create' } }),
    ).toBeGreaterThanOrEqual(2);

    // The attendance system corrects the 6th (a permit came late): replaced, audited with the value before.
    const fix = [
      'nip,tanggal,status',
      `${me.nip},${year}-01-06,IZIN`,
      `${me.nip},${year}-01-07,SAKIT`,
      `${me.nip},${year}-01-08,ALPA`,
    ].join('\n');
    const dry = await post(fix).expect(200);
    expect(dry.body.rows.map((r: any) => r.action)).toEqual(['update', 'unchanged', 'create']);
    expect(dry.body).toMatchObject({ created: 1, updated: 1 });
    await post(fix, false).expect(200);
    const sixth = await db.prisma.attendanceRecord.findUniqueOrThrow({
      where: { employeeId_date: { employeeId: me.id, date: new Date(`${year}-01-06T00:00:00Z`) } },
    });
    expect(sixth.status).toBe('IZIN');
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entity: 'attendance', action: 'import-update', entityId: String(me.id) },
    });
    expect(audit).toMatchObject({
      actor: 'admin',
      before: { date: `${year}-01-06`, status: 'ALPA' },
      after: { date: `${year}-01-06`, status: 'IZIN' },
    });
  });

  it('lists own days for an employee, the team for the rater, all for HR; a filter only narrows', async () => {
    const own = await list('pegawai').expect(200);
    expect(own.body.length).toBeGreaterThan(0);
    expect(own.body.every((r: any) => r.employeeId === me.id)).toBe(true);
    expect(own.body[0]).toMatchObject({
      employee: { nip: me.nip },
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    // Asking for someone else's days gives nothing, not their days.
    expect((await list('pegawai', { employeeId: colleague.id }).expect(200)).body).toEqual([]);

    const rater = await db.prisma.employee.findUniqueOrThrow({ where: { id: me.id }, select: { superiorId: true } });
    const penilai = await db.prisma.user.findUniqueOrThrow({ where: { username: 'penilai' } });
    expect(penilai.employeeId).toBe(rater.superiorId);
    const team = await list('penilai', { month: `${year}-01` }).expect(200);
    expect(team.body.map((r: any) => r.employeeId)).toContain(me.id);
    expect(team.body.map((r: any) => r.employeeId)).not.toContain(colleague.id);

    const all = await list('admin', { month: `${year}-01` }, '&sort=["date","ASC"]').expect(200);
    expect(new Set(all.body.map((r: any) => r.employeeId))).toEqual(new Set([me.id, colleague.id]));
    expect(all.headers['content-range']).toMatch(/^attendance 0-\d+\/5$/);
    const alpa = await list('auditor', { status: 'ALPA', employeeId: me.id }).expect(200);
    expect(alpa.body.map((r: any) => r.date)).toEqual([`${year}-01-08`]);

    // Strict input: an unknown filter key, a bad month or an unknown query parameter is refused, naming it.
    const unknown = await list('admin', { nip: me.nip }).expect(400);
    expect(unknown.body.error.details.fields[0].field).toBe('filter.nip');
    const month = await list('admin', { month: '2026-13' }).expect(400);
    expect(month.body.error.details.fields[0].field).toBe('filter.month');
    await list('admin', {}, '&limit=5').expect(400);
  });
});

describe('attendance facts (PAY per month, SANCTION per year)', () => {
  const day = (date: string, status: AttendanceDay['status'] = 'ALPA', missedAssembly = false): AttendanceDay => ({
    date: new Date(`${date}T00:00:00Z`),
    status,
    missedAssembly,
  });

  it('counts only ALPA; a weekend keeps a run going, a recorded day or a weekday without a record ends it', () => {
    // 2026-01-01 is a Thursday.
    const s = summarizeAttendance([
      day('2026-01-01'),
      day('2026-01-02'),
      day('2026-01-05'), // Monday after the weekend: run of 3
      day('2026-01-06', 'HADIR', true), // Tuesday: ends the run; a missed daily assembly
      day('2026-01-07'),
      day('2026-01-09'), // Thursday 8th has no record (a holiday): a new run
      day('2026-01-12', 'IZIN', true), // Monday: a missed Monday assembly (a recorded IZIN day)
      day('2026-01-13', 'SAKIT'),
      day('2026-01-14', 'CUTI'),
      day('2026-01-15', 'DINAS'),
    ]);
    expect(s).toEqual({ unexcused: 5, longest: 3, missedAssemblies: 1, missedMondayAssemblies: 1, recorded: 10 });
  });
});
