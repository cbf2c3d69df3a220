/**
 * The human steps of an appraisal: a task is opened (stored with the stage it moves the appraisal to), waited for
 * with its deadline — a reminder, then one escalation per `escalationDays` up the chain — and completed by the
 * update of its type (handlers.ts).
 */
import { condition } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Actor, StageValue, TaskType, TaskUpdateInput, TaskUpdateResult } from '../messages';
import { AppraisalStopped, acts, type AppraisalRun, type Assignee, type Audience } from './run';

const DAY = 24 * 60 * 60 * 1000;

export interface OpenTask extends Assignee {
  key: string;
  type: TaskType;
  audience: Audience;
  escalationLevel: number;
  /** The person an employee's task was escalated to (it stays the employee's; they may act on their behalf). */
  escalatedToId: number | null;
  dueAt: string;
  busy: boolean;
  done: TaskDone | null;
  context: Record<string, unknown>;
}

export interface TaskDone<P = any> {
  payload: P;
  actor: Actor;
  outcome?: Record<string, unknown>;
}

export interface TaskSpec {
  type: TaskType;
  key: string;
  title: string;
  audience: Audience;
  dueAt: number;
  updateName: string;
  context?: Record<string, unknown>;
  /** The stage the appraisal enters with this task. */
  stage?: StageValue;
}

/** Opens a task: its row (and the stage it brings) in one local activity; a delegation may hand it to a Plt./Plh. */
export async function openTask(run: AppraisalRun, spec: TaskSpec): Promise<OpenTask> {
  const t: OpenTask = {
    key: spec.key,
    type: spec.type,
    audience: spec.audience,
    ...run.resolve(spec.audience),
    escalationLevel: 0,
    escalatedToId: null,
    dueAt: new Date(spec.dueAt).toISOString(),
    busy: false,
    done: null,
    context: spec.context ?? {},
  };
  run.open.set(t.key, t);
  const write = (move: { stage?: { stage: StageValue } }) =>
    acts.openTask({
      key: t.key,
      type: t.type,
      title: spec.title,
      appraisalId: run.appraisalId,
      cycleId: run.input.cycleId,
      assigneeId: t.assigneeId,
      assigneeRole: t.assigneeRole,
      workflowId: run.workflowId,
      updateName: spec.updateName,
      dueAt: t.dueAt,
      context: t.context,
      actor: run.actorName,
      ...move,
    });
  run.delegations.opened(t.key, await (spec.stage ? run.enter(spec.stage, write) : write({})));
  return t;
}

/** True once the task is answered, or the appraisal stopped while no answer is being written. */
export const finished = (run: AppraisalRun, t: OpenTask) => () => t.done !== null || (run.stopped !== null && !t.busy);

/**
 * Waits for the task: at the deadline a reminder, then one escalation per `escalationDays` up the chain (to an acting
 * Plt./Plh. when the target has one), then a reminder every `escalationDays` for as long as it waits — the holder and
 * HR, who can act on it — so that no single silent person holds the appraisal, or the cycle, forever.
 */
export async function awaitTask(run: AppraisalRun, t: OpenTask, escalate = true): Promise<TaskDone> {
  const isDone = finished(run, t);
  const untilDue = Math.max(0, Date.parse(t.dueAt) - Date.now());
  if (!(await condition(isDone, untilDue))) {
    await acts.remindTask({ key: t.key, actor: run.actorName });
    if (escalate) {
      for (const target of run.escalationChain(t)) {
        if (await condition(isDone, run.settings.escalationDays * DAY)) break;
        t.escalationLevel++;
        const reassign = t.audience !== 'EMPLOYEE';
        const holder = await acts.escalateTask({
          key: t.key,
          level: t.escalationLevel,
          assigneeId: target.assigneeId,
          assigneeRole: target.assigneeRole,
          reassign,
          actor: run.actorName,
        });
        if (!reassign) t.escalatedToId = target.assigneeId ?? t.escalatedToId;
        else if (holder) Object.assign(t, { assigneeId: holder.assigneeId, assigneeRole: holder.assigneeRole });
      }
    }
    for (let round = 1; !(await condition(isDone, run.settings.escalationDays * DAY)); round++)
      await acts.remindTask({ key: t.key, actor: run.actorName, round });
  }
  run.open.delete(t.key);
  if (t.done) return t.done;
  throw new AppraisalStopped(run.stopped ?? 'dihentikan');
}

/** One human step: opens the task of `type` (key per appraisal and suffix), due in `days`, and waits for it. */
export async function step<P>(
  run: AppraisalRun,
  spec: {
    type: TaskType;
    title: string;
    audience: Audience;
    days: number;
    update: UpdateDefinition<TaskUpdateResult, [TaskUpdateInput<P>]>;
    keySuffix?: string;
    context?: Record<string, unknown>;
    escalate?: boolean;
    stage?: StageValue;
  },
): Promise<TaskDone<P>> {
  const t = await openTask(run, {
    type: spec.type,
    key: `appraisal-${run.appraisalId}:${spec.type}${spec.keySuffix ? `:${spec.keySuffix}` : ''}`,
    title: spec.title,
    audience: spec.audience,
    dueAt: Date.now() + spec.days * DAY,
    updateName: spec.update.name,
    context: spec.context,
    stage: spec.stage,
  });
  return awaitTask(run, t, spec.escalate !== false);
}
