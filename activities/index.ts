/** Every activity of the worker, created by a factory so that the worker injects its Prisma client. */
import type { PrismaClient } from '../prisma/client';
import { skeletonActivities } from './skeleton.activities';

/** Builds all activities bound to `prisma`. */
export function createActivities(prisma: PrismaClient) {
  return {
    ...skeletonActivities(prisma),
  };
}

/** The activity interface workflows proxy (`proxyActivities<Activities>`). */
export type Activities = ReturnType<typeof createActivities>;
