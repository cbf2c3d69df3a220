/**
 * What the API answers when a workflow update cannot be completed, with the Temporal SDK's own error classes: an update
 * whose call ran out of time (the worker busy or down — seen as 500s under a month-end surge) is a 503 saying the
 * answer may still be recorded, worded by the console in both languages; a workflow already closed is a 409.
 */
import { ServiceError, WorkflowNotFoundError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { errorsEn } from '../../admin/src/i18n/errors-en';
import { errorsId } from '../../admin/src/i18n/errors-id';
import { wordError } from '../../admin/src/providers/error-words';
import { ApiError } from '../../server/http/api-error';
import { paramsOf } from '../../server/http/error-handler';
import type { AppDeps } from '../../server/deps';
import { executeUpdate, updateError } from '../../server/tasks/task-updates';

/** A gRPC error as the Temporal client throws it once its own retries are spent, wrapped as the SDK wraps it. */
const grpc = (code: number, details: string) =>
  Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
const failed = (code: number, details: string) =>
  new ServiceError('Workflow Update failed', { cause: grpc(code, details) });
/** Temporal's WorkflowNotReady: the update was aborted because the workflow's task failed. */
const NOT_READY = 'Unable to perform workflow execution update due to unexpected workflow task failure.';

const words = (messages: any) => (key: string) => String(key.split('.').reduce((m, k) => m?.[k], messages) ?? key);

describe('workflow update failures as API errors', () => {
  it('an update that timed out is a 503 saying the answer may still be recorded, in both languages', () => {
    const timedOut = new WorkflowUpdateRPCTimeoutOrCancelledError('context deadline exceeded', {
      cause: new Error('4 DEADLINE_EXCEEDED: context deadline exceeded'),
    });
    const mapped = updateError(timedOut) as ApiError;
    expect(mapped).toBeInstanceOf(ApiError);
    expect(mapped).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(mapped.message).toContain('mungkin tetap tercatat');
    const error = { code: mapped.code, message: mapped.message, params: paramsOf(mapped) };
    expect(error.params).toEqual({ part: 'busy' });
    expect(wordError(error, '', 'id', words(errorsId)).message).toBe(
      'Layanan alur kerja sedang sibuk dan belum menerima jawaban Anda tepat waktu. Jawaban itu mungkin tetap tercatat: muat ulang daftar tugas sebelum mencoba lagi',
    );
    expect(wordError(error, '', 'en', words(errorsEn)).message).toBe(
      'The workflow service is busy and did not take your answer in time. It may still be recorded: reload the task list before trying again',
    );
  });

  it('an update the server gave up on (aborted, too many in flight) is the same 503, not a 500', () => {
    // As the client throws them once its own retries are spent (seen in chaos:cycle while the cycle's calibration
    // updates were aborted: a 500 after 44 s).
    for (const [code, details] of [
      [14, 'workflow update was aborted'],
      [8, 'limit on number of concurrent in-flight updates has been reached'],
    ] as const) {
      const mapped = updateError(failed(code, details)) as ApiError;
      expect(mapped).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(paramsOf(mapped)).toEqual({ part: 'busy' });
    }
    // Another refusal of the service still passes through (the error handler words it).
    const notFound = new ServiceError('x', { cause: grpc(5, 'namespace not found') });
    expect(updateError(notFound)).toBe(notFound);
  });

  it('an update aborted because the workflow task failed is a 503 saying it was not recorded, in both languages', () => {
    // Temporal's WorkflowNotReady, as the client throws it (seen in chaos:cycle as 500s while workers were killed).
    const mapped = updateError(failed(9, NOT_READY)) as ApiError;
    expect(mapped).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    const error = { code: mapped.code, message: mapped.message, params: paramsOf(mapped) };
    expect(error.params).toEqual({ part: 'recovering' });
    expect(wordError(error, '', 'id', words(errorsId)).message).toBe(
      'Alur kerja penilaian ini sedang dipulihkan dan belum menerima jawaban Anda. Jawaban itu tidak tercatat: kirim lagi sebentar lagi',
    );
    expect(wordError(error, '', 'en', words(errorsEn)).message).toBe(
      'This appraisal’s workflow is recovering and did not take your answer. It was not recorded: send it again in a moment',
    );
    // Another failed precondition passes through.
    const other = failed(9, 'x');
    expect(updateError(other)).toBe(other);
  });

  it('an update aborted because the workflow task failed is sent again until the workflow takes it', async () => {
    // A stand-in of the client: Temporal's WorkflowNotReady cannot be provoked on purpose in a test (chaos:cycle met it
    // while workers were killed); what is tested is that the API sends the answer again rather than failing it.
    const notReady = () => failed(9, NOT_READY);
    const sent: number[] = [];
    const client = {
      withDeadline: (_deadline: number, fn: () => Promise<unknown>) => fn(),
      workflow: {
        getHandle: () => ({
          executeUpdate: async () => {
            sent.push(Date.now());
            if (sent.length < 3) throw notReady();
            return { outcome: 'taken' };
          },
        }),
      },
    };
    const deps = {
      temporal: async () => client,
      config: { UPDATE_TIMEOUT_MS: 10_000, UPDATE_CONCURRENCY: 4 },
    } as unknown as AppDeps;
    await expect(executeUpdate(deps, 'wf', 'submitReview', {})).resolves.toEqual({ outcome: 'taken' });
    expect(sent).toHaveLength(3);
    expect(sent[1] - sent[0]).toBeGreaterThanOrEqual(990);

    // Past the deadline it is the 503 that says the answer was not recorded.
    sent.length = 0;
    const impatient = { ...deps, config: { UPDATE_TIMEOUT_MS: 1_500, UPDATE_CONCURRENCY: 4 } } as unknown as AppDeps;
    client.workflow.getHandle = () => ({
      executeUpdate: async () => {
        sent.push(Date.now());
        throw notReady();
      },
    });
    await expect(executeUpdate(impatient, 'wf', 'submitReview', {})).rejects.toMatchObject({
      status: 503,
      details: { part: 'recovering' },
    });
    expect(sent).toHaveLength(2); // at once and a second later; the next wait (2 s) would pass the deadline
  });

  it('a workflow already closed is a 409 (the task no longer waits), anything else passes through', () => {
    const closed = updateError(new WorkflowNotFoundError('workflow not found', 'appraisal-1', undefined)) as ApiError;
    expect(closed).toMatchObject({ status: 409 });
    const other = new Error('boom');
    expect(updateError(other)).toBe(other);
  });
});
