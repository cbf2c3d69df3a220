/**
 * Progress at any time (issue 15, item 2) against real PostgreSQL: realisations recorded on three different days of a
 * running period give, per indicator, the target, the realisation so far (quantity summed, quality the latest) and
 * the share reached; the rater's team lists who is behind first; a stranger, another employee and the rater may not
 * record; bad entries are a 400 naming the field; after the period a 409 in words; every entry recorded or removed is
 * audited; entries are immutable, follow their indicator into a revised plan, and pre-fill the evidence step, whose
 * audit entry says what was confirmed and what corrected.
 */
import type { Express } from 'express';
import request from 'supertest';
import { STEP_WRITES } from '../../activities/step-writes';
import { seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp, loginDemoAccounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { ITEM, QUALITY, QUANTITY, TEXT, seedRunningPeriod, type ProgressFixture } from '../helpers/progress-fixtures';

describe('progress during the period (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: Express;
  let tokens: Record<string, string>;
  let fx: ProgressFixture;
  let mine: { appraisalId: number; quantityId: number; qualityId: number; textId: number };
  let colleague: { appraisalId: number; quantityId: number };
  let strangerToken: string;
  let strangerEmployeeId: number;
  const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
  const record = (who: Record<string, string>, body: object, appraisalId = mine.appraisalId) =>
    request(app).post(`/api/appraisals/${appraisalId}/realizations`).set(who).send(body);
  const progress = (who: Record<string, string>, appraisalId = mine.appraisalId) =>
    request(app).get(`/api/appraisals/${appraisalId}/progress`).set(who);

  beforeAll(async () => {
    db = await createTestDatabase('progress');
    await seedDemo(db.prisma);
    const { app: built } = createTestApp(db);
    app = built;
    tokens = await loginDemoAccounts(app);
    const pegawai = await db.prisma.user.findUniqueOrThrow({ where: { username: 'pegawai' } });
    fx = await seedRunningPeriod(db.prisma, pegawai.employeeId!);
    mine = fx.appraisals.get(pegawai.employeeId!)!;
    colleague = [...fx.appraisals.values()][1];
    // An employee of another unit, unrelated to the demo employee.
    const rater = (await db.prisma.employee.findUniqueOrThrow({ where: { id: pegawai.employeeId! } })).superiorId!;
    const stranger = await db.prisma.employee.findFirstOrThrow({
      where: { id: { notIn: [...fx.appraisals.keys(), rater] }, superiorId: { not: rater }, user: { isNot: null } },
      include: { user: true },
    });
    const login = await request(app)
      .post('/api/auth/login')
      .send({ username: stranger.user!.username, password: 'capaian-demo' })
      .expect(200);
    strangerToken = login.body.token;
    strangerEmployeeId = stranger.id;
  });
  afterAll(() => db.drop());

  it('entries on three different days show target, realisation so far and the share reached', async () => {
    const [d1, d2, d3] = fx.days;
    const entries = [
      { indicatorId: mine.quantityId, workDate: d1, value: 3, note: 'Evaluasi SD gugus 1' },
      { indicatorId: mine.qualityId, workDate: d1, value: 80 },
      { indicatorId: mine.quantityId, workDate: d2, value: 2 },
      { indicatorId: mine.quantityId, workDate: d3, value: 4, note: 'Evaluasi SMP' },
      { indicatorId: mine.qualityId, workDate: d3, value: 92.5 },
      { indicatorId: mine.textId, workDate: d2, value: 1, note: 'Diterima tanpa catatan' },
    ];
    for (const e of entries) await record(as('pegawai'), e).expect(201);

    const res = await progress(as('pegawai')).expect(200);
    expect(res.body).toMatchObject({
      appraisalId: mine.appraisalId,
      stage: 'PERIOD',
      open: true,
      period: { label: fx.period.label },
      elapsed: { percent: fx.elapsedPercent },
      behindCount: 75 < fx.elapsedPercent ? 1 : 0,
    });
    const byId = new Map(res.body.indicators.map((i: any) => [i.indicatorId, i]));
    expect(byId.get(mine.quantityId)).toMatchObject({
      itemTitle: ITEM,
      description: QUANTITY.description,
      target: QUANTITY.target,
      targetValue: 12,
      targetUnit: 'laporan',
      aggregation: 'SUM',
      realized: 9, // 3 + 2 + 4 laporan on three days
      entries: 3,
      lastWorkDate: d3,
      percent: 75,
      behind: 75 < fx.elapsedPercent,
    });
    expect(byId.get(mine.qualityId)).toMatchObject({
      aggregation: 'LATEST',
      realized: 92.5, // the latest reading, not 80 + 92.5
      entries: 2,
      percent: 102, // 92.5 / 90, rounded down
      behind: false,
    });
    // A target without a number has a realisation but no share, and is not judged.
    expect(byId.get(mine.textId)).toMatchObject({ target: TEXT.target, realized: 1, percent: null, behind: null });
    expect(res.body.entries).toHaveLength(6);
    expect(res.body.entries[0]).toMatchObject({ workDate: d3, recordedBy: expect.any(String), mayRemove: true });
    expect(res.body.entries.map((e: any) => e.workDate)).toEqual(
      [...res.body.entries.map((e: any) => e.workDate)].sort().reverse(),
    );

    // The rater and the auditor read the same figures; the rater may not remove the employee's entries.
    const rater = await progress(as('penilai')).expect(200);
    expect(rater.body.indicators).toEqual(res.body.indicators);
    expect(rater.body.entries.every((e: any) => e.mayRemove === false)).toBe(true);
    await progress(as('auditor')).expect(200);
  });

  it('every entry is audited with what was recorded', async () => {
    const events = await db.prisma.auditEvent.findMany({
      where: { action: 'realization.record', entity: 'appraisal', entityId: String(mine.appraisalId) },
      orderBy: { id: 'asc' },
    });
    expect(events).toHaveLength(6);
    expect(events[0]).toMatchObject({ actor: 'pegawai' });
    expect(events[0].after).toMatchObject({
      indicatorId: mine.quantityId,
      indicator: QUANTITY.description,
      workDate: fx.days[0],
      value: 3,
      unit: 'laporan',
      note: 'Evaluasi SD gugus 1',
    });
  });

  it('the rater sees the team, who is behind first, with each member’s share per indicator', async () => {
    await record(as('pegawai'), { indicatorId: mine.quantityId, workDate: fx.days[2], value: 3 }).expect(201); // 12/12
    const team = await request(app).get('/api/progress/team').set(as('penilai')).expect(200);
    expect(team.body.members).toHaveLength(fx.members.length);
    const names = team.body.members.map((m: any) => m.employee.name);
    const me = team.body.members.find((m: any) => m.appraisalId === mine.appraisalId);
    expect(me.indicators.find((i: any) => i.indicatorId === mine.quantityId)).toMatchObject({ percent: 100 });
    expect(me.behindCount).toBe(0);
    // The colleagues recorded nothing: 0 % of each numeric target while time has gone by — behind, listed first.
    const others = team.body.members.filter((m: any) => m.appraisalId !== mine.appraisalId);
    for (const o of others) {
      expect(o.behindCount).toBe(2);
      expect(o.indicators.filter((i: any) => i.percent !== null).map((i: any) => i.percent)).toEqual([0, 0]);
    }
    expect(names[names.length - 1]).toBe(me.employee.name);
    expect(team.body.behind).toBe(others.length);
    // Someone who rates nobody has an empty team.
    const empty = await request(app).get('/api/progress/team').set(as('pegawai')).expect(200);
    expect(empty.body).toEqual({ members: [], behind: 0 });
  });

  it('only the employee records: the rater is refused, a stranger and another employee do not see the appraisal', async () => {
    const entry = { indicatorId: mine.quantityId, workDate: fx.days[1], value: 1 };
    const rater = await record(as('penilai'), entry).expect(403);
    expect(rater.body.error.code).toBe('FORBIDDEN');
    // The rater's superior and HR only on the employee's behalf, for an escalated evidence step: none is open.
    await record(as('atasan'), entry).expect(403);
    await record(as('admin'), entry).expect(403);
    await record({ Authorization: `Bearer ${strangerToken}` }, entry).expect(404);
    await progress({ Authorization: `Bearer ${strangerToken}` }).expect(404);
    // A colleague of the same team may neither record on, nor read, the demo employee's appraisal.
    const colleagueUser = await db.prisma.user.findFirstOrThrow({
      where: { employee: { appraisals: { some: { id: colleague.appraisalId } } } },
    });
    const login = await request(app)
      .post('/api/auth/login')
      .send({ username: colleagueUser.username, password: 'capaian-demo' })
      .expect(200);
    const peer = { Authorization: `Bearer ${login.body.token}` };
    await record(peer, entry).expect(404);
    await progress(peer).expect(404);
    // … and not on their own appraisal with the demo employee's indicator.
    const foreign = await record(peer, entry, colleague.appraisalId).expect(400);
    expect(foreign.body.error.details.fields).toEqual([expect.objectContaining({ field: 'indicatorId' })]);
  });

  it('a bad entry is a 400 naming the field', async () => {
    const fieldsOf = async (body: object) =>
      (await record(as('pegawai'), body).expect(400)).body.error.details.fields.map((f: any) => f.field);
    const y = fx.period.startDate.getUTCFullYear();
    expect(await fieldsOf({ indicatorId: mine.quantityId, workDate: `${y - 1}-06-01`, value: 1 })).toEqual([
      'workDate',
    ]);
    expect(await fieldsOf({ indicatorId: mine.quantityId, workDate: `${y}-02-30`, value: 1 })).toEqual(['workDate']);
    expect(await fieldsOf({ indicatorId: mine.quantityId, workDate: '1/2/2026', value: 1 })).toEqual(['workDate']);
    expect(await fieldsOf({ indicatorId: mine.quantityId, workDate: fx.days[0], value: -1 })).toEqual(['value']);
    expect(await fieldsOf({ indicatorId: mine.quantityId, workDate: fx.days[0] })).toEqual(['value']);
    expect(await fieldsOf({ indicatorId: mine.quantityId, workDate: fx.days[0], value: 1, by: 'x' })).toEqual(['by']);
    // After today (when today is not the period's last day).
    const tomorrow = new Date(Date.parse(`${fx.days[2]}T00:00:00Z`) + 86_400_000);
    if (tomorrow <= fx.period.endDate)
      expect(
        await fieldsOf({ indicatorId: mine.quantityId, workDate: tomorrow.toISOString().slice(0, 10), value: 1 }),
      ).toEqual(['workDate']);
  });

  it('an entry is removed by its author only, audited; a stored entry cannot be changed', async () => {
    const made = await record(as('pegawai'), {
      indicatorId: mine.qualityId,
      workDate: fx.days[2],
      value: 10,
      note: 'salah ketik',
    }).expect(201);
    expect(made.body.indicator).toMatchObject({ realized: 10, percent: 11 });
    const id = made.body.entry.id;
    await request(app).delete(`/api/appraisals/${mine.appraisalId}/realizations/${id}`).set(as('penilai')).expect(403);
    await request(app).delete(`/api/appraisals/${mine.appraisalId}/realizations/999999`).set(as('pegawai')).expect(404);
    await request(app).delete(`/api/appraisals/${mine.appraisalId}/realizations/${id}`).set(as('pegawai')).expect(200);
    const removed = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'realization.remove' } });
    expect(removed.before).toMatchObject({ entryId: id, value: 10, note: 'salah ketik', workDate: fx.days[2] });
    const quality = (await progress(as('pegawai'))).body.indicators.find((i: any) => i.indicatorId === mine.qualityId);
    expect(quality.realized).toBe(92.5);
    const any = await db.prisma.realizationEntry.findFirstOrThrow({ where: { appraisalId: mine.appraisalId } });
    await expect(db.prisma.realizationEntry.update({ where: { id: any.id }, data: { value: 99 } })).rejects.toThrow(
      /immutable/,
    );
  });

  it('entries follow their indicator into a revised plan', async () => {
    const before = (await progress(as('pegawai'))).body.indicators;
    const rater = await db.prisma.user.findUniqueOrThrow({ where: { username: 'pegawai' } });
    await db.prisma.$transaction((tx) =>
      STEP_WRITES['plan.submit'](tx, {
        appraisalId: mine.appraisalId,
        cycleId: fx.cycleId,
        taskKey: 'uji',
        type: 'plan.submit',
        actor: { userId: rater.id, username: 'pegawai', employeeId: rater.employeeId, roles: ['EMPLOYEE'] },
        context: { revision: 1 },
        payload: {
          items: [
            {
              kind: 'MAIN',
              title: ITEM,
              indicators: [
                { aspect: 'QUANTITY', description: QUANTITY.description, target: '15 laporan', targetValue: 15 },
                { aspect: 'QUALITY', description: QUALITY.description, target: QUALITY.target, targetValue: 90 },
              ],
            },
          ],
        },
      }),
    );
    const after = (await progress(as('pegawai'))).body;
    const quantity = after.indicators.find((i: any) => i.description === QUANTITY.description);
    expect(quantity.indicatorId).not.toBe(mine.quantityId);
    expect(quantity).toMatchObject({ target: '15 laporan', realized: 12, entries: 4, percent: 80 });
    expect(after.indicators.find((i: any) => i.description === QUALITY.description)).toMatchObject({
      realized: before.find((i: any) => i.indicatorId === mine.qualityId).realized,
    });
    // The result no longer planned keeps its entry, listed without an indicator.
    expect(after.entries.filter((e: any) => e.indicatorId === null)).toEqual([
      expect.objectContaining({ indicatorDescription: TEXT.description, value: 1 }),
    ]);
    mine.quantityId = quantity.indicatorId;
    mine.qualityId = after.indicators.find((i: any) => i.description === QUALITY.description).indicatorId;
  });

  it('the evidence step starts from what was recorded, may be done on the employee’s behalf once escalated, and its audit says what was confirmed', async () => {
    await db.prisma.appraisal.update({ where: { id: mine.appraisalId }, data: { stage: 'EVIDENCE' } });
    const pegawai = await db.prisma.employee.findFirstOrThrow({ where: { user: { username: 'pegawai' } } });
    const task = await db.prisma.task.create({
      data: {
        key: `appraisal-${mine.appraisalId}:evidence.submit`,
        type: 'evidence.submit',
        title: 'Isi realisasi dan unggah bukti dukung',
        appraisalId: mine.appraisalId,
        cycleId: fx.cycleId,
        assigneeId: pegawai.id,
        workflowId: `appraisal-progress-${fx.cycleId}-${pegawai.id}`,
        updateName: 'submitEvidence',
        context: {},
      },
    });
    // Still open in EVIDENCE: an entry refreshes what the task shows as recorded.
    await record(as('pegawai'), { indicatorId: mine.quantityId, workDate: fx.days[2], value: 1 }).expect(201);
    const recorded = ((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).context as any).recorded;
    expect(recorded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ indicatorId: mine.quantityId, value: '13', numericValue: 13, entries: 5 }),
        expect.objectContaining({ indicatorId: mine.qualityId, value: '92.5', numericValue: 92.5 }),
      ]),
    );
    // Escalated to the rater's superior: they (and HR) may now record on the employee's behalf.
    await db.prisma.task.update({
      where: { id: task.id },
      data: {
        escalationLevel: 1,
        escalatedToId: (
          await db.prisma.user.findUniqueOrThrow({ where: { username: 'atasan' }, include: { employee: true } })
        ).employeeId,
      },
    });
    const behalf = await record(as('atasan'), { indicatorId: mine.quantityId, workDate: fx.days[2], value: 1 }).expect(
      201,
    );
    expect(behalf.body.entry.onBehalf).toBe(true);
    await record(as('admin'), { indicatorId: mine.quantityId, workDate: fx.days[2], value: 1 }).expect(201);
    await record(as('penilai'), { indicatorId: mine.quantityId, workDate: fx.days[2], value: 1 }).expect(403);
    // Escalated instead to an acting Plt. outside the employee's chain: they read the progress and record on the
    // employee's behalf; the rater's superior, no longer holding the step, may not.
    await db.prisma.task.update({ where: { id: task.id }, data: { escalatedToId: strangerEmployeeId } });
    const plt = { Authorization: `Bearer ${strangerToken}` };
    await progress(plt).expect(200);
    const byPlt = await record(plt, { indicatorId: mine.quantityId, workDate: fx.days[2], value: 1 }).expect(201);
    expect(byPlt.body.entry.onBehalf).toBe(true);
    await record(as('atasan'), { indicatorId: mine.quantityId, workDate: fx.days[2], value: 1 }).expect(403);

    // The employee confirms the quantity (16) and corrects the quality reading.
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: 'pegawai' } });
    await db.prisma.$transaction((tx) =>
      STEP_WRITES['evidence.submit'](tx, {
        appraisalId: mine.appraisalId,
        cycleId: fx.cycleId,
        taskKey: task.key,
        type: 'evidence.submit',
        actor: { userId: user.id, username: 'pegawai', employeeId: user.employeeId, roles: ['EMPLOYEE'] },
        context: {},
        payload: {
          realizations: [
            { indicatorId: mine.quantityId, value: '16', numericValue: 16 },
            { indicatorId: mine.qualityId, value: '93', numericValue: 93, note: 'nilai akhir dari kepala dinas' },
          ],
        },
      }),
    );
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'evidence.submit' } });
    expect((audit.after as any).recorded).toEqual({
      confirmed: [mine.quantityId],
      corrected: [{ indicatorId: mine.qualityId, recorded: 92.5, sent: '93' }],
    });
  });

  it('after the period a new entry or a removal is refused with a 409 in words', async () => {
    await db.prisma.appraisal.update({ where: { id: mine.appraisalId }, data: { stage: 'REVIEW' } });
    const res = await record(as('pegawai'), { indicatorId: mine.quantityId, workDate: fx.days[2], value: 1 }).expect(
      409,
    );
    expect(res.body.error).toMatchObject({ code: 'PERIOD_NOT_RUNNING', params: { stage: 'REVIEW' } });
    expect(res.body.error.message).toContain('selama periode berjalan');
    expect(res.body.error.message).toContain('penilaian oleh pejabat penilai');
    const entry = await db.prisma.realizationEntry.findFirstOrThrow({
      where: {
        appraisalId: mine.appraisalId,
        recordedByUserId: (await db.prisma.user.findUniqueOrThrow({ where: { username: 'pegawai' } })).id,
      },
    });
    await request(app)
      .delete(`/api/appraisals/${mine.appraisalId}/realizations/${entry.id}`)
      .set(as('pegawai'))
      .expect(409);
    // Reading stays open, and says recording is over.
    const read = await progress(as('pegawai')).expect(200);
    expect(read.body.open).toBe(false);
    expect(read.body.entries.every((e: any) => e.mayRemove === false)).toBe(true);
  });
});
