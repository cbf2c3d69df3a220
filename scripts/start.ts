/**
 * `npm start`: provisions what is missing, starts (or attaches to) PostgreSQL and Temporal, migrates,
 * seeds on first run, builds the console if needed, and runs the API and the worker. Ctrl-C stops
 * everything it started; data stays in .data/ and survives a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { appRoleName, ensureAppRole } from '../prisma/app-role';
import { useAuditKeyFile } from '../prisma/audit';
import { createPrisma } from '../prisma/client';
import { migrate } from '../prisma/migrate';
import { seedDemo } from '../prisma/seed/seed-database';
import { startEmbeddedPostgres, createDatabase } from '../tools/embedded-postgres';
import { startMailpit } from '../tools/mailpit';
import { ensureTemporalCli } from '../tools/temporal-cli';
import { startTemporalDevServer } from '../tools/temporal-dev-server';

const ROOT = join(__dirname, '..');
const DATA = process.env.CAPAIAN_DATA_DIR ?? join(ROOT, '.data');
const t0 = Date.now();
const say = (msg: string) => console.log(`[capaian ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}`);

/** Refuses a second `npm start` on the same data directory while the first still runs. */
function takeLock(): () => void {
  const lock = join(DATA, 'start.pid');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'));
    let alive: boolean;
    try {
      process.kill(pid, 0);
      // After a crash the pid may have been reused by another program: only a start script counts.
      const cmdline = `/proc/${pid}/cmdline`;
      alive = !existsSync(cmdline) || readFileSync(cmdline, 'utf8').includes('start');
    } catch {
      alive = false;
    }
    if (alive) {
      console.error(
        `Capaian sudah berjalan (pid ${pid}) dengan data di ${DATA}. Hentikan dulu (Ctrl-C di terminalnya).\n` +
          `Capaian is already running (pid ${pid}) on ${DATA}; stop it first.`,
      );
      process.exit(1);
    }
  }
  writeFileSync(lock, String(process.pid));
  return () => existsSync(lock) && readFileSync(lock, 'utf8') === String(process.pid) && unlinkSync(lock);
}

function secret(): string {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  const file = join(DATA, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * The connection of the API and the worker: DATABASE_APP_URL, or the restricted role `<database>_app` (migration
 * 20261201120000_app_role) with a password generated into the data directory. Falls back to the owner, saying so.
 */
async function appDatabaseUrl(ownerUrl: string): Promise<string> {
  if (process.env.DATABASE_APP_URL) return process.env.DATABASE_APP_URL;
  const file = join(DATA, 'db-app-password');
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
  const role = await ensureAppRole(ownerUrl, readFileSync(file, 'utf8').trim());
  if (role.url) return role.url;
  say(
    `peringatan: API dan worker memakai DATABASE_URL, bukan peran ${appRoleName(ownerUrl)} / not restricted: ${role.reason}`,
  );
  return ownerUrl;
}

function run(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // `node --import tsx` rather than the tsx CLI: one process per child, so a signal reaches it directly.
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} berhenti (code ${code ?? signal}); menghentikan semuanya / ${name} exited, stopping`);
      void shutdown(1);
    }
  });
  return child;
}

let stopping = false;
const cleanups: (() => Promise<void> | void)[] = [];
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  say('menghentikan / stopping…');
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (err) {
      console.error((err as Error).message);
    }
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main() {
  mkdirSync(DATA, { recursive: true });
  cleanups.push(takeLock());
  const port = Number(process.env.PORT ?? 3000);

  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) say(`PostgreSQL: memakai DATABASE_URL (${new URL(databaseUrl).host})`);
  else {
    say('PostgreSQL: menjalankan PostgreSQL tertanam di .data/postgres …');
    const pg = await startEmbeddedPostgres({
      dataDir: join(DATA, 'postgres'),
      port: Number(process.env.PG_PORT ?? 54329),
      onProgress: say,
      callerHandlesSignals: true,
    });
    cleanups.push(() => pg.stop());
    await createDatabase(pg.connectionString, 'capaian');
    const u = new URL(pg.connectionString);
    u.pathname = '/capaian';
    databaseUrl = u.toString();
  }

  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let temporalUi = process.env.TEMPORAL_UI_URL;
  if (temporalAddress) say(`Temporal: memakai cluster ${temporalAddress}`);
  else {
    const cliPath = await ensureTemporalCli();
    say('Temporal: menjalankan server dev (SQLite di .data/temporal.sqlite) …');
    const temporal = await startTemporalDevServer({
      cliPath,
      dbFile: join(DATA, 'temporal.sqlite'),
      port: Number(process.env.TEMPORAL_PORT ?? 7233),
      uiPort: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
      namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
      logFile: join(DATA, 'temporal.log'),
    });
    cleanups.push(() => temporal.stop());
    temporalAddress = temporal.address;
    temporalUi ??= temporal.uiUrl;
  }

  // Notification e-mails: SMTP_URL, or Mailpit as the demo's mail catcher (its inbox on MAILPIT_UI_PORT).
  let smtpUrl = process.env.SMTP_URL;
  let mailInbox: string | null = null;
  if (smtpUrl) say(`E-mail: memakai SMTP_URL (${new URL(smtpUrl).host})`);
  else {
    say('E-mail: menjalankan Mailpit sebagai penangkap surat demo / starting Mailpit …');
    const mailpit = await startMailpit({
      smtpPort: Number(process.env.MAILPIT_SMTP_PORT ?? 1025),
      httpPort: Number(process.env.MAILPIT_UI_PORT ?? 8025),
      database: join(DATA, 'mailpit.db'),
    });
    cleanups.push(() => mailpit.stop());
    smtpUrl = mailpit.smtpUrl;
    mailInbox = mailpit.httpUrl;
  }

  // The audit key stays outside the database (.data/audit-key, like the JWT secret); the seed already needs it.
  useAuditKeyFile(DATA, true);
  const applied = await migrate(databaseUrl, (m) => say(m));
  say(applied.length ? `migrasi diterapkan: ${applied.length}` : 'skema basis data mutakhir');
  const prisma = createPrisma(databaseUrl, { max: 2 });
  const seeded = await seedDemo(prisma);
  if (seeded.created)
    say(`data demo dibuat: ${seeded.units} unit, ${seeded.employees} pegawai (kata sandi demo: capaian-demo)`);
  await prisma.$disconnect();

  // The children get the environment as it was before the console build: vite's build sets NODE_ENV=production in
  // this process when it is unset, and the API would then refuse the demo accounts on a fresh machine's first start.
  const inherited = { ...process.env };
  if (!existsSync(join(ROOT, 'admin', 'dist', 'index.html')) && existsSync(join(ROOT, 'admin', 'vite.config.ts'))) {
    say('membangun konsol (sekali saja) / building the console …');
    const { build } = await import('vite');
    // A broken console build must not keep the API and the workflows from running.
    await build({ configFile: join(ROOT, 'admin', 'vite.config.ts'), logLevel: 'error' }).catch((err: Error) =>
      say(`konsol gagal dibangun, halaman pengganti dipakai / console build failed: ${err.message.split('\n')[0]}`),
    );
  }

  const env = {
    ...inherited,
    DATABASE_URL: await appDatabaseUrl(databaseUrl),
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_UI_URL: temporalUi ?? 'http://127.0.0.1:8233',
    JWT_SECRET: secret(),
    AUDIT_KEY: process.env.AUDIT_KEY,
    AUDIT_ANCHOR_FILE: process.env.AUDIT_ANCHOR_FILE ?? join(DATA, 'audit-anchor.json'),
    PORT: String(port),
    SMTP_URL: smtpUrl,
    APP_URL: process.env.APP_URL ?? `http://127.0.0.1:${port}`,
  };
  const worker = run('worker', [join(ROOT, 'activities', 'worker.main.ts')], env);
  cleanups.push(() => stopChild(worker));
  const api = run('API', [join(ROOT, 'server', 'main.ts')], env);
  cleanups.push(() => stopChild(api));
  await waitForHealth(port);
  say(`siap / ready: http://127.0.0.1:${port}  (Temporal UI: ${env.TEMPORAL_UI_URL})  — Ctrl-C untuk berhenti`);
  if (mailInbox) say(`surat demo / demo mail: ${mailInbox} (kotak masuk Mailpit / Mailpit inbox)`);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

async function waitForHealth(port: number) {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  say('peringatan: /api/health/ready belum ok setelah 60 detik / not ready after 60 s');
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.message : err);
  await shutdown(1);
});
