/**
 * The release of a period's calibrated results, paced in waves the workers can take. Every released appraisal shares
 * its result and opens its `result.respond` task through audited activities; signalled all at once, a region's
 * thousand appraisals queued ahead of the first employees' answers, which then waited out their 90 s deadline
 * (`chaos:cycle`, 2026-12-02: 28 of 29 "busy" answers came in the seconds after a release). So each wave of
 * `WAVE` appraisals is signalled, then the activity waits until they have left calibration before signalling the next.
 */
import { Context } from '@temporalio/activity';
import type { PrismaClient } from '../prisma/client';
import { calibratedSignal } from '../workflows/messages';

/** Appraisals signalled at once. */
const WAVE = 100;
/** How often a wave's progress is read. */
const POLL_MS = 250;
/**
 * The longest a wave is waited for: an appraisal whose worker was killed is taken up again after the workflow task's
 * timeout, and one that never leaves calibration (stopped meanwhile) must not hold the rest of the period back.
 */
const WAVE_PATIENCE_MS = 60_000;

/** Signals each appraisal of the period waiting in SCORING or CALIBRATION, a wave at a time; returns how many. */
export async function releaseInWaves(prisma: PrismaClient, cycleId: number, periodId: number): Promise<number> {
  const context = Context.current();
  const rows = await prisma.appraisal.findMany({
    where: { cycleId, periodId, stage: { in: ['SCORING', 'CALIBRATION'] } },
    select: { id: true, workflowId: true, unitId: true },
    orderBy: { id: 'asc' },
  });
  let signalled = 0;
  for (let i = 0; i < rows.length; i += WAVE) {
    const wave: number[] = [];
    await Promise.all(
      rows.slice(i, i + WAVE).map(async (r) => {
        try {
          await context.client.workflow
            .getHandle(r.workflowId)
            .signal(calibratedSignal, { unitId: r.unitId, periodId });
          wave.push(r.id);
        } catch (err: any) {
          if (err?.name !== 'WorkflowNotFoundError') throw err;
        }
      }),
    );
    signalled += wave.length;
    context.heartbeat(i);
    const until = Date.now() + WAVE_PATIENCE_MS;
    while (Date.now() < until) {
      const waiting = await prisma.appraisal.count({
        where: { id: { in: wave }, stage: { in: ['SCORING', 'CALIBRATION'] } },
      });
      if (waiting === 0) break;
      context.heartbeat(i);
      await context.sleep(POLL_MS);
    }
  }
  return signalled;
}
