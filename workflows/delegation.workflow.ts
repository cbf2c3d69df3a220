/**
 * One acting superior (Plt. / Plh.): waits for the first day, hands the principal's open tasks to the acting person,
 * waits for the last day (or HR ending it early), hands them back. Durable timers, so a delegation recorded today for
 * next month starts then, and one that ends fires on time even across worker restarts.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  delegationMovedSignal,
  delegationStateQuery,
  endDelegationUpdate,
  type DelegationInput,
  type DelegationResult,
  type DelegationStatusValue,
  type EndDelegationInput,
  type TaskMove,
} from './delegation-messages';
import { NOT_ASSIGNEE, TASK_NOT_OPEN } from './validation';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 20 },
});

/** Tells each appraisal workflow which of its open tasks changed hands (a closed one has nothing left to move). */
async function tell(delegationId: number, moves: TaskMove[]): Promise<void> {
  const byWorkflow = new Map<string, TaskMove[]>();
  for (const m of moves) byWorkflow.set(m.workflowId, [...(byWorkflow.get(m.workflowId) ?? []), m]);
  for (const [workflowId, list] of byWorkflow) {
    try {
      await getExternalWorkflowHandle(workflowId).signal(delegationMovedSignal, {
        delegationId,
        moves: list.map(({ key, assigneeId }) => ({ key, assigneeId })),
      });
    } catch {
      // The appraisal has ended meanwhile: its tasks are closed, nobody needs to hear.
    }
  }
}

/** The lifetime of one delegation: scheduled → active → ended, or cancelled before it starts. */
export async function delegationWorkflow(input: DelegationInput): Promise<DelegationResult> {
  const { delegationId } = input;
  const system = `system:${workflowInfo().workflowId}`;
  let status: DelegationStatusValue = 'SCHEDULED';
  let ending: EndDelegationInput | null = null;

  setHandler(delegationStateQuery, () => ({ delegationId, status }));
  setHandler(
    endDelegationUpdate,
    async (u) => {
      ending = u;
      await condition(() => status === 'ENDED' || status === 'CANCELLED');
      return { delegationId, status };
    },
    {
      validator: (u) => {
        if (!u?.actor?.roles?.includes('HR_ADMIN'))
          throw ApplicationFailure.create({
            type: NOT_ASSIGNEE,
            nonRetryable: true,
            message: 'Memerlukan peran HR_ADMIN',
          });
        if (ending || status === 'ENDED' || status === 'CANCELLED')
          throw ApplicationFailure.create({
            type: TASK_NOT_OPEN,
            nonRetryable: true,
            message: 'Penugasan Plt/Plh sudah berakhir / the delegation has already ended',
          });
      },
    },
  );

  const wait = async (until: string) => {
    const ms = Date.parse(until) - Date.now();
    if (ending) return true;
    if (ms <= 0) return false;
    return condition(() => ending !== null, ms);
  };

  if (await wait(input.startsAt)) {
    const e = ending as EndDelegationInput | null;
    await acts.cancelDelegation({ delegationId, actor: e?.actor ?? system, reason: e?.reason ?? null });
    status = 'CANCELLED';
  } else {
    const started = await acts.startDelegation({ delegationId, actor: system });
    if (started.missing) {
      status = 'CANCELLED';
    } else {
      status = 'ACTIVE';
      await tell(delegationId, started.moves);
      await wait(input.endsAt);
      const e = ending as EndDelegationInput | null;
      const ended = await acts.endDelegation({
        delegationId,
        actor: e?.actor ?? system,
        reason: e ? (e.reason ?? 'diakhiri lebih awal / ended early') : 'masa penugasan berakhir / term ended',
      });
      await tell(delegationId, ended.moves);
      status = 'ENDED';
    }
  }
  await condition(allHandlersFinished);
  return { delegationId, status };
}
