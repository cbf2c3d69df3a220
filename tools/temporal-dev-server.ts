/** Starts `temporal server start-dev` (SQLite file, Web UI) as a child process and waits until it answers. */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { isListening, waitForPort } from './free-port';

export interface TemporalDevServerHandle {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

/** Runs the dev server with its state in `dbFile`, so workflows survive a restart. */
export async function startTemporalDevServer(options: {
  cliPath: string;
  dbFile: string;
  port: number;
  uiPort: number;
  namespace: string;
  logFile: string;
}): Promise<TemporalDevServerHandle> {
  if (await isListening(options.port))
    throw new Error(
      `Port ${options.port} sudah dipakai: hentikan proses itu, atau set TEMPORAL_ADDRESS untuk memakai cluster yang ada / port in use`,
    );
  mkdirSync(dirname(options.dbFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  const child = spawn(
    options.cliPath,
    [
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(options.port),
      '--ui-port',
      String(options.uiPort),
      '--namespace',
      options.namespace,
      '--db-filename',
      options.dbFile,
      '--log-format',
      'pretty',
      '--log-level',
      'warn',
    ],
    { stdio: ['ignore', log, log] },
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  const ready = await waitForPort(options.port, 60_000);
  if (!ready || exited) {
    child.kill('SIGKILL');
    throw new Error(`Server dev Temporal tidak siap dalam 60 detik; lihat ${options.logFile}`);
  }
  return {
    address: `127.0.0.1:${options.port}`,
    uiUrl: `http://127.0.0.1:${options.uiPort}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
