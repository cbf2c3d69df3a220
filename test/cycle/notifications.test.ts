/**
 * Notifications against the real services: the time-skipping Temporal test server, PostgreSQL and a real SMTP server
 * (Mailpit, started here on free ports and read through its HTTP API). A task opened shows in its assignee's bell
 * list and arrives by mail; at the deadline a reminder does both; a user who opted out gets the notification without
 * the mail; an escalated employee task shows in the inbox of the person it went to and of HR; marking read works on
 * one's own notifications only; a retried activity sends nothing twice.
 */
import request from 'supertest';
import { createActivities } from '../../activities';
import { DEFAULT_SETTINGS } from '../../workflows/messages';
import { mailpitMessages, mailpitText, startMailpit, type MailpitServer } from '../../tools/mailpit';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import {
  PLAN,
  advanceTo,
  completeOk,
  isAdminsOwn,
  login,
  openTask,
  singleEmployeeUnits,
  sleep,
  startSingle,
  until,
} from './cycle-driver';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

describe('notifications: bell, e-mail through SMTP, opt-out, escalation inbox (time-skipping server, Mailpit)', () => {
  let t: WorkflowTestContext;
  let mailpit: MailpitServer;
  beforeAll(async () => {
    mailpit = await startMailpit({ binary: process.env.MAILPIT_PATH });
    t = await setupWorkflowTest('notifications', { mail: { smtpUrl: mailpit.smtpUrl, appUrl: 'http://capaian.test' } });
  });
  afterAll(async () => {
    await t?.teardown();
    await mailpit?.stop();
  });

  const get = async (username: string, path: string) =>
    request(t.app)
      .get(path)
      .set('Authorization', `Bearer ${await login(t, username)}`);
  const post = async (username: string, path: string, body: unknown, method: 'post' | 'put' = 'post') => {
    const r = method === 'put' ? request(t.app).put(path) : request(t.app).post(path);
    return r.set('Authorization', `Bearer ${await login(t, username)}`).send(body as object);
  };
  const mailsTo = async (address: string) =>
    (await mailpitMessages(mailpit)).filter((m) => m.To.some((to) => to.Address === address));

  it('a new task, its reminder, an opt-out, an escalation and marking read', async () => {
    const units = await singleEmployeeUnits(t);
    // A unit whose only employee is not an HR admin, with a rater and a rater's superior.
    let unitId = 0;
    for (const u of units) {
      const e = await t.db.prisma.employee.findFirstOrThrow({ where: { unitId: u }, include: { superior: true } });
      const hr = await t.db.prisma.user.findFirst({ where: { employeeId: e.id, roles: { has: 'HR_ADMIN' } } });
      if (e.superior?.superiorId && !hr) {
        unitId = u;
        break;
      }
    }
    expect(unitId).toBeGreaterThan(0);
    const employee = await t.db.prisma.employee.findFirstOrThrow({ where: { unitId } });
    const address = `pegawai-${employee.nip}@bkpsdm.example.go.id`;
    const raterAddress = `penilai-${employee.superiorId}@bkpsdm.example.go.id`;
    await t.db.prisma.employee.update({ where: { id: employee.id }, data: { email: address } });
    await t.db.prisma.employee.update({ where: { id: employee.superiorId! }, data: { email: raterAddress } });
    const { cycle, appraisal } = await startSingle(t, unitId);
    expect(await isAdminsOwn(t, appraisal.id)).toBe(false);
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { employeeId: employee.id } });
    const rater = await t.db.prisma.user.findUniqueOrThrow({ where: { employeeId: appraisal.raterId! } });
    const superior = await t.db.prisma.user.findUniqueOrThrow({ where: { employeeId: appraisal.raterSuperiorId! } });
    const period = await t.db.prisma.period.findFirstOrThrow({ where: { cycles: { some: { id: cycle.id } } } });

    // 1. The plan task: in the employee's bell, and in their mailbox.
    const plan = await openTask(t, 'plan.submit', { appraisalId: appraisal.id });
    const list = await until(async () => {
      const res = await get(user.username, '/api/notifications');
      return res.body.length ? res : null;
    }, 'the employee’s notification');
    expect(list.status).toBe(200);
    expect(list.headers['content-range']).toBe('notifications 0-0/1');
    expect(list.headers['x-unread-count']).toBe('1');
    const opened = list.body[0];
    expect(opened).toMatchObject({ kind: 'TASK_OPENED', taskId: plan.id, readAt: null });
    expect(opened.title).toBe(`Tugas baru: ${plan.title}`);
    expect(opened.titleEn).toBe('New task: Draft your performance plan (SKP)');
    for (const words of [employee.name, `NIP ${employee.nip}`, 'Penilaian Triwulan I', period.label, 'Batas waktu'])
      expect(opened.body).toContain(words);
    expect(opened.bodyEn).toContain('Deadline:');
    expect((await get(user.username, '/api/notifications/unread-count')).body).toEqual({ unread: 1 });
    // Nobody else reads it.
    expect((await get(rater.username, '/api/notifications')).body.map((n: any) => n.id)).not.toContain(opened.id);
    const first = await until(async () => (await mailsTo(address))[0], 'the new-task e-mail in Mailpit');
    expect(first.Subject).toBe(`[Capaian] Tugas baru: ${plan.title}`);

    // 2. At the deadline a reminder: in the bell and in the employee's mailbox, Subject in Bahasa Indonesia.
    await advanceTo(t, plan.dueAt!.getTime() + MINUTE);
    const reminder = await until(
      () => t.db.prisma.notification.findFirst({ where: { userId: user.id, kind: 'TASK_REMINDER' } }),
      'the reminder',
    );
    expect(reminder.title).toBe(`Pengingat: ${plan.title}`);
    const mail = await until(
      async () => (await mailsTo(address)).find((m) => m.Subject.includes('Pengingat')),
      'the reminder e-mail in Mailpit',
    );
    expect(mail.Subject).toBe(`[Capaian] Pengingat: ${plan.title}`);
    const text = await mailpitText(mailpit, mail.ID);
    expect(text).toContain(employee.name);
    expect(text).toContain('Reminder: Draft your performance plan (SKP)');
    expect(text).toContain(`http://capaian.test/#/tasks/${plan.id}/show`);
    expect(await t.db.prisma.notification.findUniqueOrThrow({ where: { id: reminder.id } })).toMatchObject({
      mailStatus: 'SENT',
      mailTo: address,
      mailAttempts: 1,
    });

    // A retried activity (the same reminder, the same task opened again) adds no notification and sends no mail.
    const acts = createActivities(t.db.prisma, { mail: { smtpUrl: mailpit.smtpUrl } });
    await acts.remindTask({ key: plan.key, actor: 'system:test' });
    await acts.openTask({ ...(plan as any), dueAt: plan.dueAt!.toISOString(), context: {}, actor: 'system:test' });
    await sleep(300);
    expect(await t.db.prisma.notification.count({ where: { taskId: plan.id } })).toBe(2);
    expect(await mailsTo(address)).toHaveLength(2);

    // 3. Escalation: the employee's task stays theirs and shows in the rater's superior's inbox and in HR's.
    await advanceTo(t, plan.dueAt!.getTime() + DEFAULT_SETTINGS.escalationDays * DAY + MINUTE);
    await until(
      async () => (await t.db.prisma.task.findUniqueOrThrow({ where: { id: plan.id } })).escalatedToId,
      'the escalation',
    );
    for (const who of [superior.username, 'admin']) {
      const inbox = await get(who, '/api/tasks?filter=' + encodeURIComponent(JSON.stringify({ status: 'OPEN' })));
      expect(inbox.body.map((x: any) => x.id)).toContain(plan.id);
      const bell = (await get(who, '/api/notifications')).body;
      const escalated = bell.find((n: any) => n.kind === 'TASK_ESCALATED' && n.taskId === plan.id);
      expect(escalated?.title).toBe(`Eskalasi: ${plan.title}`);
      expect(escalated?.body).toContain(`Tugas ini belum diselesaikan oleh ${employee.name}`);
    }
    expect((await get(superior.username, `/api/tasks/${plan.id}`)).status).toBe(200);

    // 4. Opt-out: the rater turns e-mail off; the plan review reaches the bell, no mail.
    const prefs = await post(rater.username, '/api/auth/me/notifications', { emailNotifications: false }, 'put');
    expect(prefs.status).toBe(200);
    // (mailEnabled follows the API's own SMTP_URL, which this test app does not set: the worker sends the mail.)
    expect(prefs.body).toEqual({ emailNotifications: false, email: raterAddress, mailEnabled: false });
    expect((await post(rater.username, '/api/auth/me/notifications', { email: 'x' }, 'put')).status).toBe(400);
    await completeOk(t, appraisal.id, 'plan.submit', PLAN);
    const review = await openTask(t, 'plan.review', { appraisalId: appraisal.id });
    const reviewNote = await until(
      () => t.db.prisma.notification.findFirst({ where: { userId: rater.id, taskId: review.id } }),
      'the rater’s notification',
    );
    expect(reviewNote).toMatchObject({ kind: 'TASK_OPENED', mailStatus: 'OPTED_OUT', mailTo: null });
    await sleep(500);
    expect(await mailsTo(raterAddress)).toEqual([]);
    const audit = await t.db.prisma.auditEvent.findFirst({ where: { action: 'user.notification-preferences' } });
    expect(audit).toMatchObject({ entity: 'user', entityId: String(rater.id) });

    // 5. Marking read: one, then all; another user's ids are not theirs to mark; bodies are strict.
    const mine = (await get(user.username, '/api/notifications')).body as { id: number }[];
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect((await post(rater.username, '/api/notifications/read', { ids: [mine[0].id] })).body.marked).toBe(0);
    const one = await post(user.username, '/api/notifications/read', { ids: [mine[0].id] });
    expect(one.body).toEqual({ marked: 1, unread: mine.length - 1 });
    const unread = await get(user.username, '/api/notifications?filter=' + encodeURIComponent('{"unread":true}'));
    expect(unread.body.map((n: any) => n.id)).not.toContain(mine[0].id);
    expect((await post(user.username, '/api/notifications/read', { ids: [mine[0].id], all: true })).status).toBe(400);
    expect((await post(user.username, '/api/notifications/read', { ids: [] })).status).toBe(400);
    const all = await post(user.username, '/api/notifications/read-all', {});
    expect(all.body).toEqual({ marked: mine.length - 1, unread: 0 });
  }, 180_000);
});
