/** Every activity of the worker, created by a factory so that the worker injects its Prisma client. */
import type { PrismaClient } from '../prisma/client';
import { cycleActivities } from './cycle.activities';
import { delegationActivities } from './delegation.activities';
import { scheduleActivities } from './schedule.activities';
import { scoringActivities } from './scoring.activities';
import { skeletonActivities } from './skeleton.activities';
import { taskActivities } from './tasks.activities';

/** Builds all activities bound to `prisma`. */
export function createActivities(prisma: PrismaClient) {
  return {
    ...skeletonActivities(prisma),
    ...taskActivities(prisma),
    ...scoringActivities(prisma),
    ...cycleActivities(prisma),
    ...scheduleActivities(prisma),
    ...delegationActivities(prisma),
    /** Benchmark baseline: does nothing. */
    async noop(_input: Record<string, never>): Promise<void> {},
  };
}

/** The activity interface workflows proxy (`proxyActivities<Activities>`). */
export type Activities = ReturnType<typeof createActivities>;
