/** Every activity of the worker, created by a factory so that the worker injects its Prisma client. */
import type { PrismaClient } from '../prisma/client';
import { appraisalActivities } from './appraisal.activities';
import { batchActivities } from './batch.activities';
import { cycleActivities } from './cycle.activities';
import { delegationActivities } from './delegation.activities';
import type { MailOptions } from './notification-mail';
import { createNotifier, notificationActivities, type Notifier } from './notification.activities';
import { payActivities } from './pay.activities';
import { peerFeedbackActivities } from './peer-feedback.activities';
import { scheduleActivities } from './schedule.activities';
import { scoringActivities } from './scoring.activities';
import { skeletonActivities } from './skeleton.activities';
import { taskActivities } from './tasks.activities';
import { yearActivities } from './year.activities';

/** Options of the activities: SMTP for notification e-mails (or a notifier built by the caller). */
export interface ActivityOptions {
  mail?: MailOptions | null;
  notifier?: Notifier;
}

/** Builds all activities bound to `prisma`. */
export function createActivities(prisma: PrismaClient, options: ActivityOptions = {}) {
  const notifier = options.notifier ?? createNotifier(prisma, options.mail);
  return {
    ...skeletonActivities(prisma),
    ...taskActivities(prisma, notifier),
    ...appraisalActivities(prisma, notifier),
    ...scoringActivities(prisma),
    ...payActivities(prisma),
    ...cycleActivities(prisma, notifier),
    ...batchActivities(prisma),
    ...notificationActivities(notifier),
    ...scheduleActivities(prisma),
    ...delegationActivities(prisma),
    ...yearActivities(prisma),
    ...peerFeedbackActivities(prisma, notifier),
    /** Benchmark baseline: does nothing. */
    async noop(_input: Record<string, never>): Promise<void> {},
  };
}

/** The activity interface workflows proxy (`proxyActivities<Activities>`). */
export type Activities = ReturnType<typeof createActivities>;
