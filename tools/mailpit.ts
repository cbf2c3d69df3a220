/**
 * Mailpit, the demo's and the tests' mail catcher: an SMTP server that keeps every message, with an HTTP API
 * (`/api/v1/messages`) and a web inbox at `/`. Built here, cached in .tools/: the module's source comes from the Go
 * module proxy, but the web inbox's JavaScript and CSS (server/ui/dist, embedded with go:embed) are built by
 * Mailpit's release process and are not in the module. So ensureMailpit copies the source to a writable folder,
 * installs its frontend dependencies from the npm registry, runs its esbuild UI build and then `go build`s it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { freePort, waitForPort } from './free-port';
import { TOOLS_BIN, TOOLS_DIR } from './paths';
import { runCommand } from './run-command';

/** The newest version the Go module proxy serves here (`go list -m -versions github.com/axllent/mailpit`). */
export const MAILPIT_VERSION = 'v1.33.1';
/** Written beside the binary once a build with the web inbox succeeded; another content rebuilds. */
const BUILD_STAMP = `${MAILPIT_VERSION} +ui`;

/**
 * Changes to the copy's package.json before `npm install`. The npm registry this project installs from lacks
 * rapidoc 12 (only the API docs page at /api/v1/ uses it: 9.3.8, which it has, builds that page) and sass-embedded
 * 1.108.1, a peer of esbuild-sass-plugin that the build does not use (it compiles with `sass`): hence
 * `--legacy-peer-deps`. Mailpit's lint and browser-test tools are not needed for the build and are left out.
 */
const NPM_PINS: Record<string, string> = { rapidoc: '9.3.8' };
const BUILD_DEV_DEPENDENCIES = ['@vue/compiler-sfc', 'esbuild', 'esbuild-plugin-vue-next', 'esbuild-sass-plugin'];

/**
 * Returns the path of the `mailpit` binary: `MAILPIT_PATH`, the cached build, or a fresh build (±25 s with a warm Go
 * build cache, ±3 minutes on a fresh machine: npm install 18 s, esbuild 5 s, go build 2½ minutes).
 */
export async function ensureMailpit(say: (m: string) => void = console.log): Promise<string> {
  const override = process.env.MAILPIT_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`MAILPIT_PATH tidak ada / does not exist: ${override}`);
    return override;
  }
  const binary = join(TOOLS_BIN, 'mailpit');
  const stamp = join(TOOLS_BIN, 'mailpit.version');
  if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === BUILD_STAMP) return binary;
  mkdirSync(TOOLS_BIN, { recursive: true });
  say(
    `Mailpit ${MAILPIT_VERSION}: membangun dengan web inbox (sekali saja, ±½–3 menit) / building with its web inbox …`,
  );
  const started = Date.now();
  const goEnv = { ...process.env, GOPATH: process.env.GOPATH ?? join(TOOLS_DIR, 'go'), CGO_ENABLED: '0' };
  // A folder of its own per build, so two processes provisioning at once do not share one.
  const work = join(TOOLS_DIR, 'mailpit-build', `${MAILPIT_VERSION}-${process.pid}`);
  const step = async <T>(name: string, run: () => Promise<T> | T): Promise<T> => {
    const t = Date.now();
    say(`Mailpit: ${name} …`);
    try {
      const result = await run();
      say(`Mailpit: ${name}: ok (${Math.round((Date.now() - t) / 1000)} s)`);
      return result;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(`Mailpit: langkah / step "${name}" gagal / failed: ${message}`, { cause: err });
    }
  };
  try {
    await step('1/4 sumber dari Go module proxy / source (go mod download)', async () => {
      const dir = await moduleDir(`github.com/axllent/mailpit@${MAILPIT_VERSION}`, goEnv);
      rmSync(work, { recursive: true, force: true });
      mkdirSync(join(work, '..'), { recursive: true });
      cpSync(dir, work, { recursive: true });
      makeWritable(work); // the module cache is read-only
      const pkgFile = join(work, 'package.json');
      const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as {
        dependencies: Record<string, string>;
        devDependencies: Record<string, string>;
      };
      Object.assign(pkg.dependencies, NPM_PINS);
      pkg.devDependencies = Object.fromEntries(
        Object.entries(pkg.devDependencies).filter(([name]) => BUILD_DEV_DEPENDENCIES.includes(name)),
      );
      writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
    });
    await step('2/4 dependensi web inbox / UI dependencies (npm install)', () =>
      runCommand(
        'npm',
        ['install', '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund', '--loglevel=error'],
        { cwd: work, prefix: '[npm]' },
      ),
    );
    await step('3/4 membangun web inbox / UI build (npm run build, esbuild)', async () => {
      await runCommand('npm', ['run', 'build'], { cwd: work, prefix: '[esbuild]' });
      const app = join(work, 'server', 'ui', 'dist', 'app.js');
      if (!existsSync(app) || statSync(app).size === 0) throw new Error(`${app} tidak dibangun / was not built`);
    });
    await step('4/4 go build', async () => {
      const ldflags = `-s -w -X github.com/axllent/mailpit/config.Version=${MAILPIT_VERSION}`;
      const tmp = `${binary}.${process.pid}.tmp`;
      try {
        await runCommand('go', ['build', '-ldflags', ldflags, '-o', tmp, '.'], {
          cwd: work,
          env: goEnv,
          prefix: '[go]',
        });
        renameSync(tmp, binary);
      } finally {
        rmSync(tmp, { force: true });
      }
      writeFileSync(stamp, `${BUILD_STAMP}\n`);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  say(`Mailpit: selesai dalam ${Math.round((Date.now() - started) / 1000)} s`);
  return binary;
}

/** The module's folder in the Go module cache, downloading it from the module proxy if needed. */
function moduleDir(module: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('go', ['mod', 'download', '-json', module], { env, cwd: TOOLS_DIR, stdio: 'pipe' });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', (e) => reject(new Error(`go tidak dapat dijalankan / cannot run: ${e.message}`)));
    child.once('exit', (code) => {
      let info: { Dir?: string; Error?: string } = {};
      try {
        info = JSON.parse(out) as typeof info;
      } catch {
        // no JSON: the error is on stderr
      }
      if (code === 0 && info.Dir) resolve(info.Dir);
      else reject(new Error(`go mod download ${module} (kode ${code}): ${info.Error ?? err.trim()}`));
    });
  });
}

/** Adds the owner's write permission to a folder tree (a copy of the read-only Go module cache). */
function makeWritable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(path);
    else if (entry.isFile()) chmodSync(path, statSync(path).mode | 0o200);
  }
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
