/**
 * Messages to every appraisal of a period or a cycle, paced in waves the workers can take.
 *
 * - The release of a period's calibrated results: every released appraisal shares its result and opens its
 *   `result.respond` task through audited activities; signalled all at once, a region's thousand appraisals queued ahead
 *   of the first employees' answers, which then waited out their 90 s deadline (`chaos:cycle`, 2026-12-02: 28 of 29
 *   "busy" answers came in the seconds after a release).
 * - The cancellation of a cycle: each appraisal closes itself (open tasks cancelled, stage CANCELLED) once its workflow
 *   is cancelled; the cycle is stored as cancelled only after that, so no one reads a cancelled cycle whose appraisals
 *   still show a running stage.
 *
 * So each wave of `WAVE` is sent, then the activity waits until those appraisals have moved on before sending the next.
 */
import { Context } from '@temporalio/activity';
import type { PrismaClient } from '../prisma/client';
import { calibratedSignal } from '../workflows/messages';

/** Appraisals sent to at once. */
const WAVE = 100;
/** How often a wave's progress is read. */
const POLL_MS = 250;
/**
 * The longest a wave is waited for: an appraisal whose worker was killed is taken up again after the workflow task's
 * timeout, and one that never moves on (stopped meanwhile) must not hold the rest back.
 */
const WAVE_PATIENCE_MS = 60_000;
/** The stages an appraisal ends in. */
const ENDED = ['DONE', 'CANCELLED', 'FAILED'] as const;

/**
 * Sends `send` to each row, a wave at a time, and waits after each wave until `waiting` (given the rows sent to) counts
 * none; returns how many were sent to. A workflow that no longer exists is skipped.
 */
async function inWaves<R>(
  rows: R[],
  send: (row: R) => Promise<void>,
  waiting: (sent: R[]) => Promise<number>,
): Promise<number> {
  const context = Context.current();
  let sent = 0;
  for (let i = 0; i < rows.length; i += WAVE) {
    const wave: R[] = [];
    await Promise.all(
      rows.slice(i, i + WAVE).map(async (r) => {
        try {
          await send(r);
          wave.push(r);
        } catch (err: any) {
          if (err?.name !== 'WorkflowNotFoundError') throw err;
        }
      }),
    );
    sent += wave.length;
    context.heartbeat(i);
    const until = Date.now() + WAVE_PATIENCE_MS;
    while (wave.length && Date.now() < until && (await waiting(wave)) > 0) {
      context.heartbeat(i);
      await context.sleep(POLL_MS);
    }
  }
  return sent;
}

/** Signals each appraisal of the period waiting in SCORING or CALIBRATION, a wave at a time; returns how many. */
export async function releaseInWaves(prisma: PrismaClient, cycleId: number, periodId: number): Promise<number> {
  const { client } = Context.current();
  const calibrating = { in: ['SCORING' as const, 'CALIBRATION' as const] };
  const rows = await prisma.appraisal.findMany({
    where: { cycleId, periodId, stage: calibrating },
    select: { id: true, workflowId: true, unitId: true },
    orderBy: { id: 'asc' },
  });
  return inWaves(
    rows,
    (r) => client.workflow.getHandle(r.workflowId).signal(calibratedSignal, { unitId: r.unitId, periodId }),
    (sent) => prisma.appraisal.count({ where: { id: { in: sent.map((r) => r.id) }, stage: calibrating } }),
  );
}

/** Cancels each appraisal workflow of the cycle still running, a wave at a time, until it has closed; returns how many. */
export async function cancelInWaves(prisma: PrismaClient, cycleId: number): Promise<number> {
  const { client } = Context.current();
  const rows = await prisma.appraisal.findMany({
    where: { cycleId, stage: { notIn: [...ENDED] } },
    select: { workflowId: true },
    distinct: ['workflowId'],
  });
  return inWaves(
    rows.map((r) => r.workflowId),
    (workflowId) =>
      client.workflow
        .getHandle(workflowId)
        .cancel()
        .then(() => undefined),
    (sent) => prisma.appraisal.count({ where: { cycleId, workflowId: { in: sent }, stage: { notIn: [...ENDED] } } }),
  );
}
