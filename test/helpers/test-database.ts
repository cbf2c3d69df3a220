/** A fresh PostgreSQL database per test file, built from the migrations (dropped afterwards on an external server). */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createPrisma, type PrismaClient } from '../../prisma/client';
import { migrate } from '../../prisma/migrate';

// Audit entries are keyed (prisma/audit.ts): every test process gets a key of its own, as `npm start` would.
process.env.AUDIT_KEY ??= randomBytes(32).toString('hex');

export interface TestDatabase {
  url: string;
  name: string;
  prisma: PrismaClient;
  drop: () => Promise<void>;
}

/** The server URL set by `npm test` (scripts/test.ts); an admin connection to database `postgres`. */
export function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests with `npm test`, which starts PostgreSQL.');
  return url;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(adminUrl(), 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates and migrates a database named after the test file. */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `t_${label
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase()
    .slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(adminUrl(), name);
  await migrate(url);
  const prisma = createPrisma(url, { max: 5 });
  return {
    url,
    name,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      // `npm test`'s own cluster is deleted after the run: its databases are left to it. DROP DATABASE waits for a
      // checkpoint and for every backend of the cluster; on a loaded machine that once held every test file's
      // teardown past jest's limit at the same time. On a server named by DATABASE_URL the database is dropped.
      if (process.env.CAPAIAN_TEST_CLUSTER === 'disposable') return;
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
