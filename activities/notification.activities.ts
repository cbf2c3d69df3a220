/**
 * Notifications: rows written in the transaction of the step that causes them (a new task, a reminder, an escalation,
 * a shared result, an appeal or sanction decided), one per recipient and event under a unique key, so a retried
 * activity adds none; their e-mails go out after the commit (notification-mail.ts), each claimed once through its
 * mail status, the sent marker, so a retry or a second worker never sends it twice.
 */
import type { MailStatus, NotificationKind, Prisma, PrismaClient, Role } from '../prisma/client';
import { createMailer, type MailOptions, type Mailer } from './notification-mail';
import { notificationTexts, type NotificationFacts } from './notification-texts';

type Tx = Prisma.TransactionClient;

/** Who receives a notification: employees (through their accounts), holders of a role, calibrators of a unit. */
interface Recipients {
  employeeIds?: (number | null | undefined)[];
  roles?: Role[];
  /** Calibrators whose subtree holds this unit (a calibration task). */
  calibrationUnitId?: number | null;
  /** Never this employee (an HR admin is not told to act on their own appraisal). */
  exceptEmployeeId?: number | null;
}

const taskInclude = {
  assignee: { select: { name: true } },
  appraisal: { select: { id: true, employeeId: true, employee: { select: { name: true, nip: true } } } },
  cycle: { select: { name: true, settings: true, period: { select: { label: true } } } },
} satisfies Prisma.TaskInclude;

/** The notifier the task and cycle activities call inside their transactions, and after them. */
export interface Notifier {
  mailer: Mailer | null;
  /** A task was opened: its assignee (or role holders) are told. */
  taskOpened(tx: Tx, taskId: number): Promise<void>;
  /** The deadline of an open task came: its current assignee is reminded. */
  /** A reminder (`round`: a repeated one after the last escalation, which HR hears too). */
  taskReminded(tx: Tx, taskId: number, round?: number): Promise<void>;
  /** An open task is escalated to `target` (level `level`; call before the task moves): the target and HR are told. */
  taskEscalated(
    tx: Tx,
    taskId: number,
    level: number,
    target: { employeeId: number | null; role: Role | null },
  ): Promise<void>;
  /** A result shared, an appeal or the sanctions decided: the appraised employee is told. */
  appraisalEvent(
    tx: Tx,
    appraisalId: number,
    kind: Extract<NotificationKind, 'RESULT_SHARED' | 'APPEAL_DECIDED' | 'SANCTION_DECIDED'>,
  ): Promise<void>;
  /**
   * A colleague answered a peer feedback request (the `peer.feedback` task `taskId`, in the answer's transaction):
   * whoever asked is told how many of the colleagues asked have answered — not who, and not what.
   */
  peerFeedbackAnswered(tx: Tx, taskId: number): Promise<void>;
  /** Sends the pending e-mails of a task or appraisal after the commit; never throws (a sweep retries). */
  afterCommit(where: { taskId?: number; taskKey?: string; appraisalId?: number }): Promise<void>;
}

/** Builds the notifier; without SMTP options notifications are in-app only (mail status OFF). */
export function createNotifier(prisma: PrismaClient, mail?: MailOptions | null): Notifier {
  const mailer = mail?.smtpUrl ? createMailer(prisma, mail) : null;

  const usersOf = async (tx: Tx, r: Recipients) => {
    const or: Prisma.UserWhereInput[] = [];
    const ids = (r.employeeIds ?? []).filter((x): x is number => typeof x === 'number');
    if (ids.length) or.push({ employeeId: { in: ids } });
    if (r.roles?.length) or.push({ roles: { hasSome: r.roles } });
    if (r.calibrationUnitId) {
      const chain = await tx.$queryRaw<{ id: number }[]>`
        WITH RECURSIVE up AS (SELECT id, parent_id FROM units WHERE id = ${r.calibrationUnitId}
          UNION ALL SELECT u.id, u.parent_id FROM units u JOIN up ON u.id = up.parent_id)
        SELECT id FROM up`;
      or.push({ roles: { has: 'CALIBRATOR' }, calibrationUnitId: { in: chain.map((c) => Number(c.id)) } });
    }
    if (!or.length) return [];
    const users = await tx.user.findMany({
      where: { active: true, OR: or },
      select: { id: true, employeeId: true, emailNotifications: true, employee: { select: { email: true } } },
      orderBy: { id: 'asc' },
    });
    return users.filter((u) => !r.exceptEmployeeId || u.employeeId !== r.exceptEmployeeId);
  };

  const mailFor = (u: { emailNotifications: boolean; employee: { email: string | null } | null }) => {
    const email = u.employee?.email?.trim() || null;
    const status: MailStatus = !mailer
      ? 'OFF'
      : !u.emailNotifications
        ? 'OPTED_OUT'
        : !email
          ? 'NO_ADDRESS'
          : 'PENDING';
    return { mailStatus: status, mailTo: status === 'PENDING' ? email : null };
  };

  const write = async (
    tx: Tx,
    event: { key: string; kind: NotificationKind; taskId: number | null; appraisalId: number | null },
    recipients: Recipients,
    facts: NotificationFacts,
  ) => {
    const users = await usersOf(tx, recipients);
    if (!users.length) return;
    const texts = notificationTexts(event.kind, facts);
    await tx.notification.createMany({
      data: users.map((u) => ({
        key: `${event.key}:user-${u.id}`,
        userId: u.id,
        kind: event.kind,
        ...texts,
        taskId: event.taskId,
        appraisalId: event.appraisalId,
        ...mailFor(u),
      })),
      skipDuplicates: true,
    });
  };

  const loadTask = async (tx: Tx, taskId: number) => {
    const task = await tx.task.findUniqueOrThrow({ where: { id: taskId }, include: taskInclude });
    const settings = (task.cycle?.settings ?? {}) as { utcOffsetHours?: number };
    const context = (task.context ?? {}) as { unitId?: number; unitName?: string };
    const facts: NotificationFacts = {
      taskType: task.type,
      taskTitle: task.title,
      employeeName: task.appraisal?.employee.name,
      nip: task.appraisal?.employee.nip,
      unitName: context.unitName,
      cycleName: task.cycle?.name,
      periodLabel: task.cycle?.period.label,
      dueAt: task.dueAt,
      utcOffsetHours: settings.utcOffsetHours ?? 7,
    };
    const holders: Recipients = {
      employeeIds: [task.assigneeId],
      roles: task.assigneeRole ? [task.assigneeRole] : [],
      calibrationUnitId: task.type === 'calibration.unit' && task.assigneeRole ? (context.unitId ?? null) : null,
      // A role's task about one's own appraisal goes to the other holders of the role (own-case rule).
      exceptEmployeeId: task.assigneeRole ? (task.appraisal?.employeeId ?? null) : null,
    };
    return { task, facts, holders };
  };

  return {
    mailer,

    async taskOpened(tx, taskId) {
      const { task, facts, holders } = await loadTask(tx, taskId);
      const event = {
        key: `task-${task.id}:opened`,
        kind: 'TASK_OPENED' as const,
        taskId,
        appraisalId: task.appraisalId,
      };
      await write(tx, event, holders, facts);
    },

    async taskReminded(tx, taskId, round) {
      const { task, facts, holders } = await loadTask(tx, taskId);
      const event = {
        key: `task-${task.id}:reminder${round ? `-${round}` : ''}`,
        kind: 'TASK_REMINDER' as const,
        taskId,
        appraisalId: task.appraisalId,
      };
      const recipients = round
        ? {
            ...holders,
            employeeIds: [...(holders.employeeIds ?? []), task.escalatedToId],
            roles: [...new Set([...(holders.roles ?? []), 'HR_ADMIN' as const])],
          }
        : holders;
      await write(tx, event, recipients, facts);
    },

    async taskEscalated(tx, taskId, level, target) {
      const { task, facts } = await loadTask(tx, taskId);
      // Called before the task moves: its assignee is still the person (or role) that stayed silent.
      const waitedOn = task.assignee?.name ?? (task.assigneeRole === 'HR_ADMIN' ? 'Admin SDM' : null);
      const event = {
        key: `task-${task.id}:escalated-${level}`,
        kind: 'TASK_ESCALATED' as const,
        taskId,
        appraisalId: task.appraisalId,
      };
      // The target, and HR (who can act when the target stays silent too); never the appraised HR admin themselves.
      const roles: Role[] = target.role ? [target.role, 'HR_ADMIN'] : ['HR_ADMIN'];
      const recipients = {
        employeeIds: [target.employeeId],
        roles: [...new Set(roles)],
        exceptEmployeeId: task.appraisal?.employeeId ?? null,
      };
      await write(tx, event, recipients, { ...facts, level, assigneeName: waitedOn ?? null });
    },

    async appraisalEvent(tx, appraisalId, kind) {
      const a = await tx.appraisal.findUniqueOrThrow({
        where: { id: appraisalId },
        include: {
          employee: { select: { name: true, nip: true } },
          cycle: { select: { name: true, settings: true } },
          period: { select: { label: true } },
          appeal: { select: { decision: true, decisionNote: true } },
          sanctions: { select: { code: true, label: true, status: true, decidedAt: true } },
        },
      });
      const settings = (a.cycle.settings ?? {}) as { utcOffsetHours?: number; appealWindowDays?: number };
      const facts: NotificationFacts = {
        employeeName: a.employee.name,
        nip: a.employee.nip,
        cycleName: a.cycle.name,
        periodLabel: a.period.label,
        utcOffsetHours: settings.utcOffsetHours ?? 7,
        predicate: a.predicate,
        appealWindowDays: settings.appealWindowDays ?? 14,
        appealDecision: a.appeal?.decision ?? null,
        appealNote: a.appeal?.decisionNote ?? null,
        sanctions: a.sanctions
          .filter((s) => s.decidedAt)
          .map((s) => ({ code: s.code, label: s.label, status: s.status })),
      };
      const key = `appraisal-${appraisalId}:${kind.toLowerCase()}`;
      await write(tx, { key, kind, taskId: null, appraisalId }, { employeeIds: [a.employeeId] }, facts);
    },

    async peerFeedbackAnswered(tx, taskId) {
      const { task, facts } = await loadTask(tx, taskId);
      const row = await tx.peerFeedback.findUnique({ where: { taskKey: task.key } });
      if (!row || task.appraisalId === null) return;
      // Answered and asked in one statement.
      const byStatus = await tx.peerFeedback.groupBy({
        by: ['status'],
        where: { appraisalId: row.appraisalId },
        _count: { _all: true },
      });
      const asked = byStatus.reduce((n, g) => n + g._count._all, 0);
      const answered = byStatus.find((g) => g.status === 'ANSWERED')?._count._all ?? 0;
      // Linked to the appraisal, not to the colleague's own task (which the one who asked may not open).
      const event = {
        key: `task-${task.id}:peer-answered`,
        kind: 'PEER_FEEDBACK_ANSWERED' as const,
        taskId: null,
        appraisalId: task.appraisalId,
      };
      await write(
        tx,
        event,
        { employeeIds: [row.requestedById] },
        { ...facts, peerAnswered: answered, peerAsked: asked },
      );
    },

    async afterCommit(where) {
      if (!mailer) return;
      const filter: Prisma.NotificationWhereInput = where.taskId
        ? { taskId: where.taskId }
        : where.taskKey
          ? { task: { key: where.taskKey } }
          : { appraisalId: where.appraisalId, taskId: null };
      await mailer.deliver(filter).catch(() => undefined);
    },
  };
}

/** Activities of notifications: the mail sweep (the worker also runs it on a timer) for workflows that call it. */
export function notificationActivities(notifier: Notifier) {
  return {
    /** Sends every pending notification e-mail (idempotent: each is claimed once through its mail status). */
    async deliverNotificationMail(_input: Record<string, never> = {}): Promise<{ sent: number; failed: number }> {
      if (!notifier.mailer) return { sent: 0, failed: 0 };
      return notifier.mailer.deliver({});
    },
  };
}
