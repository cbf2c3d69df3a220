/** Builds the Temporal CLI (dev server with SQLite and Web UI) from the Go module proxy, cached in .tools/. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TOOLS_BIN, TOOLS_DIR } from './paths';
import { runCommand } from './run-command';

/** The last CLI release whose go.mod has no `replace` directive, so `go install` accepts it. */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

/** Returns the path of the `temporal` binary: `TEMPORAL_CLI_PATH`, the cached build, or a fresh build. */
export async function ensureTemporalCli(say: (m: string) => void = console.log): Promise<string> {
  const override = process.env.TEMPORAL_CLI_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`TEMPORAL_CLI_PATH tidak ada / does not exist: ${override}`);
    return override;
  }
  const binary = join(TOOLS_BIN, 'temporal');
  if (existsSync(binary)) return binary;
  mkdirSync(TOOLS_BIN, { recursive: true });
  say(`Temporal CLI ${TEMPORAL_CLI_VERSION}: membangun dari Go module proxy (sekali saja, ±4 menit) / building …`);
  const started = Date.now();
  await runCommand('go', ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
    prefix: '[go]',
    env: {
      ...process.env,
      GOBIN: TOOLS_BIN,
      GOPATH: process.env.GOPATH ?? join(TOOLS_DIR, 'go'),
      CGO_ENABLED: '0',
    },
  });
  say(`Temporal CLI: selesai dalam ${Math.round((Date.now() - started) / 1000)} s`);
  return binary;
}
