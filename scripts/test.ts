/**
 * `npm test`: provisions the real services (embedded PostgreSQL, the Temporal time-skipping test server,
 * Chromium), runs the static checks (TypeScript, ESLint, Prettier), builds the console, and then runs every
 * jest test against them.
 * Extra arguments go to jest (`npm test -- test/rules`); `--no-static` skips the static checks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from '../tools/chromium';
import { startEmbeddedPostgres } from '../tools/embedded-postgres';
import { freePort } from '../tools/free-port';
import { ensureTemporalTestServer } from '../tools/temporal-test-server';

const ROOT = join(__dirname, '..');
const t0 = Date.now();
const say = (msg: string) => console.log(`[test ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}`);

function step(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const start = Date.now();
  say(`${name} …`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  say(`${name}: ${r.status === 0 ? 'ok' : 'GAGAL / FAILED'} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
  return r.status === 0;
}

async function main() {
  const args = process.argv.slice(2);
  const skipStatic = args.includes('--no-static');
  const jestArgs = args.filter((a) => a !== '--no-static');
  const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

  let ok = true;
  if (!skipStatic) {
    ok = step('TypeScript', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) && ok;
    if (existsSync(join(ROOT, 'admin', 'tsconfig.json')))
      ok = step('TypeScript (konsol / console)', bin('tsc'), ['-p', 'admin/tsconfig.json', '--noEmit']) && ok;
    ok = step('ESLint', bin('eslint'), ['.', '--max-warnings=0']) && ok;
    ok = step('Prettier', bin('prettier'), ['--check', '--log-level', 'warn', '.']) && ok;
  }

  // The browser tests drive the console as built from the current source.
  if (existsSync(join(ROOT, 'admin', 'vite.config.ts')))
    ok =
      step('Konsol / console build', bin('vite'), [
        'build',
        '--config',
        'admin/vite.config.ts',
        '--logLevel',
        'warn',
      ]) && ok;

  const [testServer, chromium] = await Promise.all([ensureTemporalTestServer(), ensureChromium()]);
  let adminUrl = process.env.DATABASE_URL;
  let stopPg: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    const dataDir = join(ROOT, '.data', 'test-postgres');
    mkdirSync(join(ROOT, '.data'), { recursive: true });
    const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), onProgress: say });
    adminUrl = pg.connectionString;
    stopPg = () => pg.stop();
  }
  try {
    const env = {
      ...process.env,
      DATABASE_URL: adminUrl,
      TEMPORAL_TEST_SERVER_PATH: testServer,
      CHROMIUM_PATH: chromium,
      NODE_ENV: 'test',
    };
    ok = step('jest', process.execPath, [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), ...jestArgs], env) && ok;
  } finally {
    await stopPg?.();
  }
  say(ok ? 'semua lulus / all passed' : 'ada yang gagal / something failed');
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
