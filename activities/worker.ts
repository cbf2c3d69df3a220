/** Builds the Capaian worker: bundled workflows plus activities bound to a Prisma client. */
import { bundleWorkflowCode, Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
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
  /**
   * A bundle made once with `bundleWorkflows()` (tests bundle once per file) or a file of `writeWorkflowBundle()`;
   * otherwise bundled here.
   */
  workflowBundle?: { code: string } | { codePath: string };
  /** SMTP for notification e-mails (SMTP_URL); absent: in-app notifications only. */
  mail?: MailOptions | null;
  /** Extra worker options (concurrency limits, identity, …). */
  options?: Partial<WorkerOptions>;
  /**
   * The workflows' stack trace query (Temporal UI's "Stack Trace" tab). Off by default: it needs a hook that formats a
   * stack trace for every promise a workflow creates, which took about half of each workflow task (`bench:replay`)
   * and has no option upstream (sdk-typescript#1587); `patches/` adds TEMPORAL_WORKFLOW_STACK_TRACES to the SDK.
   */
  workflowStackTraces?: boolean;
  /**
   * The SDK's deadlock detection: workflow code that does not yield within 5 s fails its workflow task ("Potential
   * deadlock detected"). Upstream it is a timeout on every call into the workflow sandbox, for which Node starts a
   * watchdog thread each time (about 0.5 ms, several calls per activation); `patches/` times each activation once
   * instead. Off, the sandbox runs with no watchdog.
   */
  deadlockDetection?: boolean;
}

/** Bundles the workflow code once (webpack + swc: ~4 s of CPU). */
export async function bundleWorkflows(): Promise<{ code: string }> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundlerLogger });
}

/**
 * Bundles the workflow code into `path` (its folder created): a supervisor that starts worker processes (npm start,
 * chaos:cycle, bench:surge) bundles once and hands each worker the file (WORKFLOW_BUNDLE_PATH), so a worker's start — or
 * its restart after a crash — does not bundle again: about 4 s of CPU and 7 s on this machine under load, per start.
 */
export async function writeWorkflowBundle(path: string): Promise<string> {
  const { code } = await bundleWorkflows();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, code);
  return path;
}

const noop = () => undefined;
const quietBundlerLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, log: noop } as any;

/** Creates (does not run) a worker on the task queue. */
export async function createWorker(input: CreateWorkerInput): Promise<Worker> {
  // Read by the SDK (as patched) in each workflow thread, which copies the process's environment when the worker
  // starts it (under jest, a test's process.env is its own copy: `npm test` sets the variable for the jest process).
  process.env.TEMPORAL_WORKFLOW_STACK_TRACES = input.workflowStackTraces ? 'on' : 'off';
  return Worker.create({
    connection: input.connection,
    namespace: input.namespace ?? 'default',
    taskQueue: input.taskQueue ?? TASK_QUEUE,
    ...(input.workflowBundle ? { workflowBundle: input.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(input.prisma, { mail: input.mail }),
    // Not in the SDK's option types (upstream hides it, sdk-typescript#249); 0 is read by the patched sandbox.
    ...((input.deadlockDetection ?? true) ? {} : ({ isolateExecutionTimeout: 0 } as Partial<WorkerOptions>)),
    ...input.options,
  });
}
