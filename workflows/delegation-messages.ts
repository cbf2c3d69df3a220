/**
 * Messages of acting superiors (Plt. / Plh.): what the delegation workflow tells the appraisals whose open tasks it
 * moved, and how HR ends a delegation early. Defined once, imported by the workflows and the server.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, TaskType } from './messages';

export type DelegationKindValue = 'PLT' | 'PLH';
export type DelegationStatusValue = 'SCHEDULED' | 'ACTIVE' | 'ENDED' | 'CANCELLED';

/** Task types that follow an acting superior: the rating, the plan review and the appeal decision. */
export const DELEGABLE_TASKS: readonly TaskType[] = ['review.submit', 'plan.review', 'appeal.decide'];

/** The title an acting person signs with: "Plt." or "Plh.". */
export const ACTING_LABEL: Record<DelegationKindValue, string> = { PLT: 'Plt.', PLH: 'Plh.' };

/** Stored in a task's context while an acting person holds it (and on its completion audit as `actingAs`). */
export interface ActingContext {
  delegationId: number;
  kind: DelegationKindValue;
  label: string;
  actingId: number;
  /** The official the acting person stands in for. */
  forEmployeeId: number;
  forName: string;
}

/** One open task that changed hands, as the workflow holding it must learn. */
export interface TaskMove {
  workflowId: string;
  key: string;
  assigneeId: number;
}

/** Sent to an appraisal workflow when a delegation moved some of its open tasks (the rows are already moved). */
export const delegationMovedSignal =
  defineSignal<[{ delegationId: number; moves: Omit<TaskMove, 'workflowId'>[] }]>('delegationMoved');

export interface DelegationInput {
  delegationId: number;
  /** First moment of the delegation (local midnight of its first day), ISO. */
  startsAt: string;
  /** First moment after it (local midnight after its last day), ISO. */
  endsAt: string;
}
export interface DelegationResult {
  delegationId: number;
  status: DelegationStatusValue;
}

export interface EndDelegationInput {
  actor: Actor;
  reason?: string | null;
}
/** HR ends a delegation early (an active one: tasks go back) or cancels it before it starts. */
export const endDelegationUpdate = defineUpdate<DelegationResult, [EndDelegationInput]>('endDelegation');

/** The delegation's state as its workflow sees it. */
export const delegationStateQuery = defineQuery<DelegationResult>('delegationState');
