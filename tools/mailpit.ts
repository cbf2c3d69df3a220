/**
 * Mailpit, the demo's and the tests' mail catcher: an SMTP server that keeps every message, with an HTTP API
 * (`/api/v1/messages`) and a web inbox. Built from the Go module proxy like the Temporal CLI, cached in .tools/.
 * `go install` of the module gives the SMTP server and the HTTP API; the web inbox's JavaScript and CSS
 * (server/ui/dist, built with npm + esbuild in Mailpit's own release process) are not in the module, so its page
 * loads without them: read the mail through the API or `/view/<id>.html` (see README).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, waitForPort } from './free-port';
import { TOOLS_BIN, TOOLS_DIR } from './paths';
import { runCommand } from './run-command';

/** The newest version the Go module proxy serves here (`go list -m -versions github.com/axllent/mailpit`). */
export const MAILPIT_VERSION = 'v1.33.1';

/** Returns the path of the `mailpit` binary: `MAILPIT_PATH`, the cached build, or a fresh build (±1.5 minutes). */
export async function ensureMailpit(say: (m: string) => void = console.log): Promise<string> {
  const override = process.env.MAILPIT_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`MAILPIT_PATH tidak ada / does not exist: ${override}`);
    return override;
  }
  const binary = join(TOOLS_BIN, 'mailpit');
  if (existsSync(binary)) return binary;
  mkdirSync(TOOLS_BIN, { recursive: true });
  say(`Mailpit ${MAILPIT_VERSION}: membangun dari Go module proxy (sekali saja, ±2 menit) / building …`);
  const started = Date.now();
  await runCommand('go', ['install', `github.com/axllent/mailpit@${MAILPIT_VERSION}`], {
    prefix: '[go]',
    env: {
      ...process.env,
      GOBIN: TOOLS_BIN,
      GOPATH: process.env.GOPATH ?? join(TOOLS_DIR, 'go'),
      CGO_ENABLED: '0',
    },
  });
  say(`Mailpit: selesai dalam ${Math.round((Date.now() - started) / 1000)} s`);
  return binary;
}

/** A running Mailpit. */
export interface MailpitServer {
  smtpPort: number;
  httpPort: number;
  /** `smtp://127.0.0.1:<smtpPort>` for SMTP_URL. */
  smtpUrl: string;
  /** The web inbox and API base, `http://127.0.0.1:<httpPort>`. */
  httpUrl: string;
  stop(): Promise<void>;
}

/** A message as Mailpit's API lists it. */
export interface MailpitMessage {
  ID: string;
  Subject: string;
  To: { Address: string; Name: string }[];
  From: { Address: string; Name: string };
  Snippet: string;
}

/**
 * Starts Mailpit on loopback: the given ports or free ones (tests), messages in `database` (a file) or in memory.
 * Resolves once both SMTP and HTTP answer.
 */
export async function startMailpit(
  options: { binary?: string; smtpPort?: number; httpPort?: number; database?: string; logFile?: string } = {},
): Promise<MailpitServer> {
  const binary = options.binary ?? (await ensureMailpit());
  const smtpPort = options.smtpPort ?? (await freePort());
  const httpPort = options.httpPort ?? (await freePort());
  const args = [
    '--smtp',
    `127.0.0.1:${smtpPort}`,
    '--listen',
    `127.0.0.1:${httpPort}`,
    '--disable-version-check',
    '--smtp-auth-accept-any',
    '--smtp-auth-allow-insecure',
    '--quiet',
    ...(options.database ? ['--database', options.database] : []),
  ];
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(chunk.toString()) > 50 && output.shift();
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
  const up = (await waitForPort(smtpPort, 20_000)) && (await waitForPort(httpPort, 20_000));
  if (!up) {
    await stop();
    throw new Error(`Mailpit tidak menjawab / did not answer on ${smtpPort}/${httpPort}:\n${output.join('')}`);
  }
  return {
    smtpPort,
    httpPort,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    stop,
  };
}

/** The messages Mailpit holds (newest first), read through its HTTP API. */
export async function mailpitMessages(server: Pick<MailpitServer, 'httpUrl'>): Promise<MailpitMessage[]> {
  const res = await fetch(`${server.httpUrl}/api/v1/messages?limit=500`);
  if (!res.ok) throw new Error(`Mailpit /api/v1/messages → ${res.status}`);
  return ((await res.json()) as { messages: MailpitMessage[] }).messages;
}

/** The plain-text body of one message. */
export async function mailpitText(server: Pick<MailpitServer, 'httpUrl'>, id: string): Promise<string> {
  const res = await fetch(`${server.httpUrl}/api/v1/message/${id}`);
  if (!res.ok) throw new Error(`Mailpit /api/v1/message/${id} → ${res.status}`);
  return ((await res.json()) as { Text: string }).Text;
}
