/** Executes a workflow update for the API and maps the workflow's refusals to HTTP errors. */
import {
  ServiceError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcServiceError,
} from '@temporalio/client';
import type { AuthUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import type { Actor } from '../../workflows/messages';
import { TASK_PAYLOADS, schemaErrors } from '../../workflows/task-payloads';
import { NOT_ASSIGNEE, TASK_NOT_OPEN, VALIDATION_ERROR } from '../../workflows/validation';

/** The actor passed to workflow updates. */
export function actorOf(user: AuthUser): Actor {
  return { userId: user.id, employeeId: user.employeeId, username: user.username, roles: user.roles };
}

/**
 * Refuses a task's payload that breaks its type's strict schema (`task-payloads.ts`) with a 400 naming each field,
 * before the update is sent: the workflow's validators check only what needs its state (workflows/validation.ts).
 */
export function refuseInvalidPayload(type: string, payload: unknown): void {
  const schema = TASK_PAYLOADS[type as keyof typeof TASK_PAYLOADS];
  if (!schema) throw new Error(`Task type ${type} has no payload schema`);
  const fields = schemaErrors(schema, payload);
  if (fields.length) throw ApiError.invalidFields(fields);
}

/** 503: the workflow is recovering (its task failed, or it has not taken up the task yet); the answer was not recorded. */
export function workflowRecovering(): ApiError {
  return ApiError.unavailable(
    'recovering',
    'Alur kerja sedang dipulihkan; jawaban Anda belum tercatat: kirim lagi sebentar lagi / the workflow is ' +
      'recovering; your answer was not recorded: send it again in a moment',
  );
}

/** Maps an error of `executeUpdate` to an ApiError: validator reason → 400, not open → 409, not yours → 403. */
export function updateError(err: unknown): unknown {
  const e = err as any;
  if (err instanceof WorkflowUpdateFailedError || e?.name === 'WorkflowUpdateFailedError') {
    // A refusal by an activity of the handler arrives wrapped (ActivityFailure → ApplicationFailure): use the
    // innermost failure that carries a type, so its reason reaches the caller.
    let cause = e.cause ?? {};
    for (let c = cause; c; c = c.cause)
      if (c.type) {
        cause = c;
        break;
      }
    const details = Array.isArray(cause.details) ? cause.details[0] : undefined;
    const message = String(cause.message ?? e.message);
    if (cause.type === VALIDATION_ERROR) return ApiError.badRequest(message, details);
    if (cause.type === NOT_ASSIGNEE) return ApiError.forbidden(message);
    if (cause.type === TASK_NOT_OPEN) return ApiError.taskNotOpen(message);
    return ApiError.badRequest(message, details);
  }
  // The workflow's last task failed on the server while the update waited (a worker killed or restarted mid-task):
  // Temporal aborts the update without recording it and takes answers again once a workflow task succeeds.
  if (workflowNotReady(err)) return workflowRecovering();
  // The server did not hear back from the workflow before the call's deadline (its worker busy or down). The update
  // may still be taken later — a task's answer is idempotent by its key — so the caller is told to look before
  // answering again; a 503, as for a service down, not a 500.
  if (
    err instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    e?.name === 'WorkflowUpdateRPCTimeoutOrCancelledError' ||
    serverBusy(err)
  )
    return ApiError.unavailable(
      'busy',
      'Alur kerja belum menerima jawaban dalam batas waktu (layanan sibuk); jawaban mungkin tetap tercatat: muat ' +
        'ulang daftar tugas sebelum mencoba lagi / the workflow did not take the answer in time (service busy); it ' +
        'may still be recorded: reload the tasks before trying again',
    );
  if (e?.name === 'WorkflowNotFoundError' || /already completed|not found/i.test(String(e?.message)))
    return ApiError.taskNotOpen(
      'Alur kerja sudah selesai; tugas ini tidak lagi menunggu jawaban / workflow already closed',
    );
  return err;
}

/** gRPC codes with which Temporal gives up on an update it could not deliver in time (the client retried them). */
const BUSY_CODES = new Set([4 /* DEADLINE_EXCEEDED */, 8 /* RESOURCE_EXHAUSTED */, 14 /* UNAVAILABLE */]);

/**
 * The server gave up on the update: it was aborted ("workflow update was aborted": the workflow's state was reloaded
 * while the update waited), too many updates of one workflow were in flight, or the call's deadline passed.
 */
function serverBusy(err: unknown): boolean {
  const cause = grpcCause(err);
  return isGrpcServiceError(cause) && BUSY_CODES.has(cause.code);
}

/** The gRPC error under the client's ServiceError (the error itself when not wrapped). */
const grpcCause = (err: unknown): unknown => (err instanceof ServiceError ? err.cause : err);

/**
 * Temporal's WorkflowNotReady (FAILED_PRECONDITION): "Unable to perform workflow execution update due to unexpected
 * workflow task failure." — the update was aborted, not recorded (seen in chaos:cycle as 500s while workers were
 * killed: the first after 40 s, then at once until the workflow's next task succeeded, 12 s later).
 */
function workflowNotReady(err: unknown): boolean {
  const cause = grpcCause(err);
  return isGrpcServiceError(cause) && cause.code === 9 && /workflow task failure/i.test(cause.details ?? '');
}

/** Updates this API process has sent and not yet heard back from, per app. */
const inFlight = new WeakMap<AppDeps, { count: number }>();

/**
 * Runs an update on a workflow and returns its result, or throws the mapped ApiError.
 * - At most UPDATE_CONCURRENCY updates per API process wait on the workflows at once. Past that the answer is refused
 *   at once, before it is sent: a 503 "overloaded" saying it was not recorded and may be sent again in a moment. An
 *   overloaded cluster otherwise queues every answer, and each waits out the deadline below.
 * - An update aborted because the workflow's task failed (Temporal's WorkflowNotReady) is sent again until the deadline.
 * - The call has a deadline (UPDATE_TIMEOUT_MS). Without one the SDK waits as long as Temporal keeps the update
 *   pending (its worker down or overloaded): under a month-end surge, requests went unanswered for minutes. Past it
 *   the caller gets the 503 "busy, may still be recorded".
 */
export async function executeUpdate<R>(
  deps: AppDeps,
  workflowId: string,
  updateName: string,
  input: unknown,
): Promise<R> {
  const client = await deps.temporal();
  let gate = inFlight.get(deps);
  if (!gate) inFlight.set(deps, (gate = { count: 0 }));
  if (gate.count >= deps.config.UPDATE_CONCURRENCY)
    throw ApiError.unavailable(
      'overloaded',
      'Layanan alur kerja sedang penuh; jawaban Anda belum dikirim dan tidak tercatat: kirim lagi sebentar lagi / ' +
        'the workflow service is at capacity; your answer was not sent or recorded: send it again in a moment',
    );
  gate.count++;
  const deadline = Date.now() + deps.config.UPDATE_TIMEOUT_MS;
  try {
    // An update Temporal aborted because the workflow's task failed was not recorded: sent again (a second apart, then
    // longer) until it is taken or the deadline passes, so the person's answer goes through once the workflow recovers.
    for (let wait = 1000; ; wait = Math.min(wait * 2, 5000)) {
      try {
        return (await client.withDeadline(deadline, () =>
          client.workflow.getHandle(workflowId).executeUpdate(updateName, { args: [input] }),
        )) as R;
      } catch (err) {
        if (!workflowNotReady(err) || Date.now() + wait >= deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  } catch (err) {
    throw updateError(err);
  } finally {
    gate.count--;
  }
}
