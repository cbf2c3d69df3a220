/**
 * Browser journeys that run the real workflows: the suite's setup (Temporal test server, worker, API, PostgreSQL,
 * Chromium) and its helpers: the colleagues' tasks completed through the API in the background, waiting for a task,
 * opening it from the task list, and the notification that says a task was sent.
 */
import type { Browser, Page } from 'playwright-core';
import type { Task } from '../../prisma/client';
import { complete, defaultAnswers, sleep, until, type Answer } from '../cycle/cycle-driver';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import { launchChromium, listen, screenshots } from './harness';

/** The live objects of a journey suite, set in its beforeAll. */
export interface Journey {
  t: WorkflowTestContext;
  url: string;
  browser: Browser;
  shots: ReturnType<typeof screenshots>;
}

/**
 * Sets up a journey suite (call inside `describe`): a fresh database, the Temporal test server with a worker, the API
 * with the console on a free port and Chromium; everything stops after the suite, the background loop first.
 */
export function journeySuite(database: string, scenario: string) {
  const j = { shots: screenshots(scenario) } as Journey;
  let server: Awaited<ReturnType<typeof listen>> | undefined;
  const stops: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    j.t = await setupWorkflowTest(database);
    server = await listen(j.t.app);
    j.url = server.url;
    j.browser = await launchChromium();
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    await j.browser?.close();
    await server?.close();
    await j.t?.teardown();
  });
  return { j, helpers: () => journey(j, stops) };
}

/** Helpers bound to one journey (use inside a test, after the suite's beforeAll). */
function journey({ t, url: baseUrl, browser, shots }: Journey, stops: (() => Promise<void>)[]) {
  const failures: string[] = [];

  /**
   * Completes every open task of the cycle that `skip` does not keep for the browser, through the API with the
   * default answers (overridden by `answers`), until stopped. Failures are collected in `failures`.
   */
  function background(
    cycleId: number,
    skip: (task: Task) => boolean,
    answers: Partial<Record<string, Answer>> = {},
  ): { stop: () => Promise<void> } {
    const all = { ...defaultAnswers(t), ...answers };
    const seen = new Set<number>();
    let running = true;
    const loop = (async () => {
      while (running) {
        try {
          const open = await t.db.prisma.task.findMany({ where: { cycleId, status: 'OPEN' }, orderBy: { id: 'asc' } });
          const fresh = open.filter((o) => !seen.has(o.id) && !skip(o));
          for (const task of fresh) {
            seen.add(task.id);
            const res = await complete(t, task, await all[task.type]!(task));
            if (res.status !== 200)
              failures.push(`${task.type} #${task.id}: ${res.status} ${JSON.stringify(res.body)}`);
          }
          if (!fresh.length) await sleep(100);
        } catch (err) {
          failures.push(`background: ${(err as Error).message}`);
          await sleep(500);
        }
      }
    })();
    const stop = async () => {
      running = false;
      await loop;
    };
    stops.push(stop);
    return { stop };
  }

  /** Waits for an open task (of an appraisal, or of the cycle for unit tasks); on timeout says where the cycle stands. */
  async function openTaskOf(where: { appraisalId: number } | { cycleId: number }, type: string): Promise<Task> {
    try {
      return await until<Task>(
        () => t.db.prisma.task.findFirst({ where: { ...where, type, status: 'OPEN' }, orderBy: { id: 'desc' } }),
        `open ${type} of ${JSON.stringify(where)}`,
        60_000,
      );
    } catch (err) {
      const cycleId =
        'cycleId' in where
          ? where.cycleId
          : (await t.db.prisma.appraisal.findUniqueOrThrow({ where: { id: where.appraisalId } })).cycleId;
      const stages = await t.db.prisma.appraisal.groupBy({ by: ['stage'], where: { cycleId }, _count: true });
      const open = await t.db.prisma.task.findMany({ where: { cycleId, status: 'OPEN' } });
      throw new Error(
        `${(err as Error).message}; stages ${JSON.stringify(stages.map((x) => [x.stage, x._count]))}; open ${JSON.stringify(
          open.map((o) => [o.type, o.appraisalId]),
        )}; background failures ${JSON.stringify(failures)}`,
        { cause: err },
      );
    }
  }

  /** Opens a task page from the task list (by its title) and waits for its form. */
  async function openFromList(page: Page, task: Task) {
    await page.goto(`${baseUrl}/#/tasks`);
    await page.reload(); // the list was last fetched before the workflow opened this task
    await page.getByText(task.title).first().waitFor();
    await page.goto(`${baseUrl}/#/tasks/${task.id}/show`);
    await page.locator('form').first().waitFor();
  }

  /**
   * Waits for the notification that a task was sent (the update may take a while under load); fails at once on any
   * other notification that appears meanwhile (a refusal), saying what it was.
   */
  async function sent(page: Page) {
    const notes = page.locator('.MuiSnackbarContent-message');
    const before = new Set(await notes.allTextContents());
    const end = Date.now() + 60_000;
    for (;;) {
      const now = await notes.allTextContents();
      if (now.some((n) => n.includes('Tugas selesai dan dikirim'))) return;
      const other = now.filter((n) => !before.has(n));
      if (other.length || Date.now() > end) {
        await shots.shot(page, 'FAILED');
        throw new Error(`task not sent: ${other.join(' | ') || 'no notification within 60 s'}`);
      }
      await sleep(200);
    }
  }

  /** A demo account with its employee record. */
  const account = (username: string) =>
    t.db.prisma.user.findUniqueOrThrow({ where: { username }, include: { employee: true } });

  return { t, url: baseUrl, browser, shots, account, background, openTaskOf, openFromList, sent, failures };
}
