/**
 * The console over the task fixtures: a test database with the demo and tasks-fixtures' rows, the API with a
 * stand-in Temporal recording what it is sent, and Chromium — what the task, appraisal and keyboard browser tests
 * start before their cases and stop after them.
 */
import { seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { launchChromium, listen } from './harness';
import { seedTasks, standInTemporal, type Recorded } from './tasks-fixtures';

export interface TasksConsole {
  db: TestDatabase;
  server: Awaited<ReturnType<typeof listen>>;
  url: string;
  browser: Awaited<ReturnType<typeof launchChromium>>;
  data: Awaited<ReturnType<typeof seedTasks>>;
}

/** Starts the database (`dbName`), the API and Chromium; what the stand-in Temporal is sent goes to `rec`. */
export async function startTasksConsole(dbName: string, rec: Recorded): Promise<TasksConsole> {
  const db = await createTestDatabase(dbName);
  await seedDemo(db.prisma);
  const data = await seedTasks(db.prisma);
  const server = await listen(createTestApp(db, standInTemporal(rec)).app);
  const browser = await launchChromium();
  return { db, server, url: server.url, browser, data };
}

/** Stops what startTasksConsole started (whatever of it did start). */
export async function stopTasksConsole(c: Partial<TasksConsole>): Promise<void> {
  await c.browser?.close();
  await c.server?.close();
  await c.db?.drop();
}
