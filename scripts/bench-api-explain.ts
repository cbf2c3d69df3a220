/**
 * For `bench:api -- --explain`: the SQL each list route runs for each persona, as Prisma logs it, each statement
 * followed by its EXPLAIN (ANALYZE, BUFFERS) on the built database. The app runs in this process with a logging
 * Prisma client; one request per persona and route is made to warm up, the next one is recorded.
 */
import type { AddressInfo } from 'node:net';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client } from 'pg';
import pino from 'pino';
import { PrismaClient } from '../prisma/client';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';

export async function explainListQueries(
  ownerUrl: string,
  env: NodeJS.ProcessEnv,
  personas: Record<string, string>,
  routes: Record<string, string>,
): Promise<void> {
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: env.DATABASE_URL!, max: 4 }),
    log: [{ emit: 'event', level: 'query' }],
  });
  const logged: { query: string; params: string; duration: number }[] = [];
  prisma.$on('query', (e) => logged.push({ query: e.query, params: e.params, duration: e.duration }));
  const app = createApp({
    prisma,
    temporal: () => Promise.reject(new Error('no Temporal in bench:api')),
    config: loadConfig(env),
    logger: pino({ level: 'silent' }),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    for (const [persona, username] of Object.entries(personas)) {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'capaian-demo' }),
      });
      const { token } = (await login.json()) as { token: string };
      for (const [route, path] of Object.entries(routes)) {
        const get = () => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
        await (await get()).arrayBuffer();
        logged.length = 0;
        const t0 = performance.now();
        const res = await get();
        await res.arrayBuffer();
        const ms = performance.now() - t0;
        console.log(
          `\n=== ${persona} (${username}) ${route}: ${res.status}, ${res.headers.get('content-range')}, ` +
            `${ms.toFixed(1)} ms, ${logged.length} kueri`,
        );
        for (const q of [...logged]) {
          console.log(`\n-- ${q.duration} ms (Prisma) params ${q.params}\n${q.query}`);
          const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.query}`, JSON.parse(q.params));
          console.log(plan.rows.map((r) => `   ${r['QUERY PLAN']}`).join('\n'));
        }
      }
    }
  } finally {
    await db.end();
    server.close();
    await prisma.$disconnect();
  }
}
