/**
 * Builds the Temporal CLI (dev server with SQLite and Web UI) from the Go module proxy, cached in .tools/. The build
 * is the Go module in tools/temporal-cli/ (the CLI release pinned with a newer SQLite driver; its go.mod says why),
 * so its go.sum pins every dependency. A stamp beside the binary names the module's content: another rebuilds.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TOOLS_BIN, TOOLS_DIR } from './paths';
import { runCommand } from './run-command';

/** The CLI release the module requires (tools/temporal-cli/go.mod). */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE_DIR = join(ROOT, 'tools', 'temporal-cli');

/** The content of the build's module: a change of version or of a pinned dependency makes another stamp. */
function buildStamp(): string {
  const hash = createHash('sha256');
  for (const file of ['go.mod', 'go.sum']) hash.update(readFileSync(join(MODULE_DIR, file)));
  return `${TEMPORAL_CLI_VERSION} ${hash.digest('hex').slice(0, 16)}`;
}

/** Returns the path of the `temporal` binary: `TEMPORAL_CLI_PATH`, the cached build, or a fresh build. */
export async function ensureTemporalCli(say: (m: string) => void = console.log): Promise<string> {
  const override = process.env.TEMPORAL_CLI_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`TEMPORAL_CLI_PATH tidak ada / does not exist: ${override}`);
    return override;
  }
  const binary = join(TOOLS_BIN, 'temporal');
  const stampFile = join(TOOLS_BIN, 'temporal.version');
  const stamp = buildStamp();
  if (existsSync(binary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === stamp) return binary;
  mkdirSync(TOOLS_BIN, { recursive: true });
  say(`Temporal CLI ${TEMPORAL_CLI_VERSION}: membangun dari Go module proxy (sekali saja, ±4 menit) / building …`);
  const started = Date.now();
  // Built to a name of its own and renamed, so a process that finds the binary never finds half of it.
  const partial = `${binary}.${process.pid}.partial`;
  await runCommand('go', ['build', '-o', partial, 'github.com/temporalio/cli/cmd/temporal'], {
    prefix: '[go]',
    cwd: MODULE_DIR,
    env: {
      ...process.env,
      GOPATH: process.env.GOPATH ?? join(TOOLS_DIR, 'go'),
      GOFLAGS: '-mod=readonly -buildvcs=false',
      // The module asks for Go 1.25: an older Go (Debian's may default to GOTOOLCHAIN=local) fetches that toolchain
      // from the module proxy instead of refusing.
      GOTOOLCHAIN: process.env.GOTOOLCHAIN ?? 'auto',
      CGO_ENABLED: '0',
    },
  });
  renameSync(partial, binary);
  writeFileSync(stampFile, `${stamp}\n`);
  say(`Temporal CLI: selesai dalam ${Math.round((Date.now() - started) / 1000)} s`);
  return binary;
}
