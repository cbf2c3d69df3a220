/**
 * What `chaos:cycle` runs and checks: supervised child processes (restarted when they die, killable with SIGKILL) and
 * the end-of-year checks — nothing lost, nothing twice, one pay row per employee and month, the audit chain intact.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import type { PrismaClient } from '../prisma/client';
import { verifyAuditChain } from '../server/audit/audit-verification';

const ROOT = join(__dirname, '..');

/** What the actors' requests got back. */
export interface Outcomes {
  /** Connections refused (an API process being restarted). */
  refused: number;
  unavailableWhileDown: number;
  /** 503s of requests in flight while a worker was killed (not counted against the run). */
  unavailableWhileKilled: number;
  otherWhileDown: number;
  serverErrors: string[];
}

/** A child process kept running: restarted a second after it dies, until stopped. */
export class Supervised {
  private child: ChildProcess | null = null;
  private stopping = false;
  restarts = 0;

  constructor(
    readonly name: string,
    private readonly file: string,
    private readonly env: NodeJS.ProcessEnv,
    /** Options for node itself (`--cpu-prof`, which NODE_OPTIONS may not carry). */
    private readonly nodeArgs: string[] = [],
    /** A file its output (the API's log: a 500's error and stack) is appended to, across restarts; unset: dropped. */
    private readonly outputFile?: string,
  ) {}

  /** The running child's pid (null between a death and its restart). */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  start(): void {
    const child = spawn(process.execPath, [...this.nodeArgs, '--import', 'tsx', join(ROOT, this.file)], {
      cwd: ROOT,
      env: this.env,
      stdio: ['ignore', this.outputFile ? openSync(this.outputFile, 'a') : 'ignore', 'inherit'],
    });
    this.child = child;
    child.once('exit', () => {
      if (this.child !== child || this.stopping) return;
      this.restarts++;
      setTimeout(() => !this.stopping && this.start(), 1000);
    });
  }

  /** SIGKILL: no shutdown, no goodbye to Temporal; the supervisor starts a new one. */
  kill(): void {
    this.child?.kill('SIGKILL');
  }

  stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    return new Promise((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  }

  /** Waits until the API on `port` answers ready. */
  static async ready(port: number): Promise<void> {
    for (let i = 0; i < 240; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health/ready`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`API :${port} not ready after 60 s`);
  }
}

const STEPS = ['evidence.submit', 'review.submit', 'result.respond'] as const;

/** The end-of-year checks of a cycle of `employees` evaluated every `frequency`. */
export async function checkYear(
  prisma: PrismaClient,
  cycleId: number,
  employees: number,
  frequency: 'MONTH' | 'QUARTER' | 'SEMESTER' | 'NONE',
) {
  const evaluations = { MONTH: 12, QUARTER: 4, SEMESTER: 2, NONE: 1 }[frequency];
  const rows = await prisma.appraisal.findMany({ where: { cycleId }, select: { id: true, stage: true, final: true } });
  const tasks = await prisma.task.groupBy({
    by: ['appraisalId', 'type'],
    where: { cycleId, type: { in: [...STEPS] }, status: 'DONE' },
    _count: { _all: true },
  });
  const count = new Map(tasks.map((t) => [`${t.appraisalId}:${t.type}`, t._count._all]));
  let lost = 0;
  let duplicated = 0;
  // Every evaluation done, with one task of each step done.
  lost += Math.max(0, employees * evaluations - rows.filter((r) => r.stage === 'DONE').length);
  for (const r of rows)
    for (const step of STEPS) {
      const n = count.get(`${r.id}:${step}`) ?? 0;
      if (n === 0) lost++;
      if (n > 1) duplicated += n - 1;
    }
  const plans = await prisma.task.groupBy({
    by: ['appraisalId'],
    where: { cycleId, type: 'plan.submit', status: 'DONE' },
    _count: { _all: true },
  });
  lost += Math.max(0, employees - plans.length);
  const payRows = await prisma.payAdjustment.count({ where: { cycleId } });
  const perMonth = await prisma.payAdjustment.groupBy({
    by: ['employeeId', 'month'],
    where: { cycleId },
    _count: { _all: true },
  });
  duplicated += perMonth.reduce((n, g) => n + Math.max(0, g._count._all - 1), 0);
  const audit = await verifyAuditChain(prisma);
  return {
    lost,
    duplicated,
    payRows,
    expectedPay: employees * (frequency === 'NONE' ? 3 : 12),
    auditIntact: audit.ok,
  };
}
