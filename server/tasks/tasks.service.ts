/** Tasks: the human steps of the workflows, listed per person and completed through workflow updates. */
import type { Prisma, Task } from '../../prisma/client';
import type { AuthUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { calibrationTasksWhere, calibratorTakes } from '../access/calibration-scope';
import { ownCaseRefusal } from '../access/own-case';
import { ApiError } from '../http/api-error';
import { mayActOnBehalf } from '../../workflows/on-behalf';
import { escalatedInboxWhere } from './escalation-inbox';
import { actorOf, executeUpdate, refuseInvalidPayload, workflowRecovering } from './task-updates';

/**
 * Tasks the user may act on: assigned to their employee record, or to one of their roles, or (CALIBRATOR) the HR
 * calibration tasks of the units of their calibration subtree, or escalated to them (escalation-inbox.ts).
 */
export function mineWhere(user: AuthUser): Prisma.TaskWhereInput {
  const or: Prisma.TaskWhereInput[] = [{ assigneeRole: { in: user.roles } }];
  if (user.employeeId) or.push({ assigneeId: user.employeeId });
  const calibration = calibrationTasksWhere(user);
  if (calibration) or.push(calibration);
  or.push(...escalatedInboxWhere(user));
  return { OR: or };
}

/** True when the user may complete the task (the same rule as mineWhere, for one task). */
export function isAssignee(
  user: AuthUser,
  task: Pick<Task, 'assigneeId' | 'assigneeRole' | 'type' | 'context' | 'escalationLevel' | 'escalatedToId'>,
): boolean {
  return (
    (task.assigneeId !== null && task.assigneeId === user.employeeId) ||
    (task.assigneeRole !== null && user.roles.includes(task.assigneeRole)) ||
    calibratorTakes(user, task) ||
    mayActOnBehalf(user, task)
  );
}

/** Why a task that is not open cannot be completed, in the user's words. */
function closedMessage(task: Task): string {
  if (task.status === 'DONE')
    return `Tugas sudah diselesaikan pada ${task.completedAt?.toISOString() ?? '-'} / task already completed`;
  const result = (task.result as any) ?? {};
  if (result.expired && task.type === 'result.respond')
    return `Batas waktu keberatan sudah lewat pada ${task.dueAt?.toISOString() ?? '-'}; keberatan tidak dapat diajukan lagi / the appeal window has closed`;
  if (result.expired) return `Tugas kedaluwarsa pada ${task.dueAt?.toISOString() ?? '-'} / task expired`;
  return `Tugas dibatalkan${result.reason ? `: ${result.reason}` : ''} / task cancelled`;
}

/**
 * Separation of duties: an HR task about one's own appraisal (a sanction decision; a plan review, rating or appeal
 * decision escalated to HR) and a calibration that adjusts one's own predicate are refused to an HR admin or
 * calibrator; another HR admin (or calibrator) can do them. Tasks assigned to the employee in person stay theirs.
 */
async function refuseOwnCase(deps: AppDeps, user: AuthUser, task: Task, payload: unknown) {
  if (user.employeeId === null || !user.roles.some((r) => r === 'HR_ADMIN' || r === 'CALIBRATOR')) return;
  if (task.appraisalId !== null && task.assigneeRole === 'HR_ADMIN') {
    const a = await deps.prisma.appraisal.findUnique({ where: { id: task.appraisalId }, select: { employeeId: true } });
    if (a?.employeeId === user.employeeId) throw ownCaseRefusal(`${task.type}: penilaian sendiri / own appraisal`);
  }
  const adjustments = (payload as { adjustments?: unknown } | null)?.adjustments;
  if (task.type === 'calibration.unit' && Array.isArray(adjustments)) {
    const ids = adjustments.map((x) => Number((x as { appraisalId?: unknown })?.appraisalId)).filter(Number.isInteger);
    const own = await deps.prisma.appraisal.count({ where: { id: { in: ids }, employeeId: user.employeeId } });
    if (own) throw ownCaseRefusal('calibration.unit: predikat sendiri / own predicate');
  }
}

/** Completes a task with its payload through the workflow update (validator first). */
export async function completeTask(deps: AppDeps, user: AuthUser, id: number, payload: unknown) {
  const task = await deps.prisma.task.findUnique({ where: { id } });
  if (!task) throw ApiError.notFound('Tugas');
  if (!isAssignee(user, task))
    throw ApiError.forbidden('Tugas ini bukan untuk Anda / this task is assigned to someone else');
  if (task.status !== 'OPEN') throw ApiError.taskNotOpen(closedMessage(task), { status: task.status });
  await refuseOwnCase(deps, user, task, payload);
  refuseInvalidPayload(task.type, payload);
  const result = await updateWhenTaskKnown(deps, task, {
    taskKey: task.key,
    actor: actorOf(user),
    payload,
  });
  const after = await deps.prisma.task.findUniqueOrThrow({ where: { id } });
  return { task: after, outcome: result?.outcome ?? null };
}

/**
 * Sends the answer. A task stored OPEN that its workflow refuses as not open is one the workflow has not taken up
 * again yet: the step that stored it ran in a workflow task that did not complete (a worker killed, the workflow
 * replaying on another). The answer is sent again, a second apart and then longer, until the workflow takes it, the
 * row closes (409 with its reason) or UPDATE_TIMEOUT_MS passes (503: not recorded, send again) — never a 409 saying
 * an open task is closed.
 */
async function updateWhenTaskKnown(deps: AppDeps, task: Task, input: unknown) {
  const deadline = Date.now() + deps.config.UPDATE_TIMEOUT_MS;
  for (let wait = 1000; ; wait = Math.min(wait * 2, 5000)) {
    try {
      return await executeUpdate<{ outcome?: unknown }>(deps, task.workflowId, task.updateName, input);
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'TASK_NOT_OPEN') throw err;
      const now = await deps.prisma.task.findUnique({ where: { id: task.id } });
      if (now && now.status !== 'OPEN') throw ApiError.taskNotOpen(closedMessage(now), { status: now.status });
      if (!now) throw err;
      if (Date.now() + wait >= deadline) throw workflowRecovering();
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Throws 409 with the reason when the task is not open (used by shortcuts such as the appeal endpoint). */
export function assertOpen(task: Task): void {
  if (task.status !== 'OPEN') throw ApiError.taskNotOpen(closedMessage(task), { status: task.status });
}
