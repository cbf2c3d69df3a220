/**
 * The real services every jest run needs — an embedded PostgreSQL (unless DATABASE_URL names one), the Temporal
 * time-skipping test server and Chromium — and the environment that hands them to jest. Used by `npm test` and
 * `npm run test:repeat`.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './chromium';
import { startEmbeddedPostgres } from './embedded-postgres';
import { freePort } from './free-port';
import { ensureMailpit } from './mailpit';
import { ROOT } from './paths';
import { ensureTemporalTestServer } from './temporal-test-server';

export interface TestServices {
  /** The environment for jest: DATABASE_URL, TEMPORAL_TEST_SERVER_PATH, CHROMIUM_PATH, MAILPIT_PATH, NODE_ENV=test. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export async function startTestServices(say: (m: string) => void): Promise<TestServices> {
  const [testServer, chromium, mailpit] = await Promise.all([
    ensureTemporalTestServer(say),
    ensureChromium(say),
    ensureMailpit(say),
  ]);
  let adminUrl = process.env.DATABASE_URL;
  let stop: () => Promise<void> = async () => undefined;
  let disposable = false;
  if (!adminUrl) {
    // A cluster of its own per run (initdb takes about a second): two runs at once (`npm test` beside a
    // `test:repeat`, or two developers' helpers) never share a data directory.
    const dataDir = join(ROOT, '.data', `test-postgres-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(join(ROOT, '.data'), { recursive: true });
    // The cluster is thrown away after the run: nothing needs to survive a crash. Without fsync a checkpoint (which
    // DROP DATABASE waits for) cannot stall behind the disk of a busy machine; see CAPAIAN_TEST_CLUSTER in test/helpers/test-database.ts.
    const pg = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      onProgress: say,
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    });
    disposable = true;
    adminUrl = pg.connectionString;
    stop = async () => {
      await pg.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  return {
    env: {
      ...process.env,
      DATABASE_URL: adminUrl,
      TEMPORAL_TEST_SERVER_PATH: testServer,
      CHROMIUM_PATH: chromium,
      MAILPIT_PATH: mailpit,
      NODE_ENV: 'test',
      ...(disposable ? { CAPAIAN_TEST_CLUSTER: 'disposable' } : {}),
    },
    stop,
  };
}
