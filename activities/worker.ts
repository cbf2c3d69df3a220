/** Builds the Capaian worker: bundled workflows plus activities bound to a Prisma client. */
import { bundleWorkflowCode, Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import type { PrismaClient } from '../prisma/client';
import { TASK_QUEUE } from '../workflows/task-queue';
import { createActivities } from './index';
import type { MailOptions } from './notification-mail';

/** Path of the workflows entry module (what the worker bundles). */
export const WORKFLOWS_PATH = require.resolve('../workflows');

export interface CreateWorkerInput {
  connection: NativeConnection;
  namespace?: string;
  prisma: PrismaClient;
  taskQueue?: string;
  /** A bundle made once with `bundleWorkflows()` (tests bundle once per file); otherwise bundled here. */
  workflowBundle?: { code: string };
  /** SMTP for notification e-mails (SMTP_URL); absent: in-app notifications only. */
  mail?: MailOptions | null;
  /** Extra worker options (concurrency limits, identity, …). */
  options?: Partial<WorkerOptions>;
}

/** Bundles the workflow code once (webpack + swc, ~1 s). */
export async function bundleWorkflows(): Promise<{ code: string }> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundlerLogger });
}

const noop = () => undefined;
const quietBundlerLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, log: noop } as any;

/** Creates (does not run) a worker on the task queue. */
export async function createWorker(input: CreateWorkerInput): Promise<Worker> {
  return Worker.create({
    connection: input.connection,
    namespace: input.namespace ?? 'default',
    taskQueue: input.taskQueue ?? TASK_QUEUE,
    ...(input.workflowBundle ? { workflowBundle: input.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(input.prisma, { mail: input.mail }),
    ...input.options,
  });
}
