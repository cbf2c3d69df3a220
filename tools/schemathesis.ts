/**
 * Provides Schemathesis (PyPI), the OpenAPI fuzzer of `test/fuzz`, in a virtualenv under `.tools/`, from the pinned
 * `tools/schemathesis/requirements.txt`. A changed requirements file gets a venv of its own.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TOOLS_DIR } from './paths';
import { runCommand } from './run-command';

const REQUIREMENTS = join(ROOT, 'tools', 'schemathesis', 'requirements.txt');

/** Returns the path of the `st` executable, creating its venv on first use (needs python3 with venv and pip). */
export async function ensureSchemathesis(say: (m: string) => void = console.log): Promise<string> {
  const requirements = readFileSync(REQUIREMENTS);
  const venv = join(TOOLS_DIR, 'schemathesis', createHash('sha256').update(requirements).digest('hex').slice(0, 12));
  const st = join(venv, 'bin', 'st');
  // Written last: an interrupted install is started again rather than taken as done.
  const complete = join(venv, 'installed');
  if (existsSync(complete)) return st;
  say('Schemathesis: memasang dari PyPI ke .tools (sekali saja) / installing from PyPI …');
  const started = Date.now();
  rmSync(venv, { recursive: true, force: true });
  await runCommand('python3', ['-m', 'venv', venv], { prefix: '[venv]' });
  await runCommand(
    join(venv, 'bin', 'pip'),
    ['install', '--quiet', '--disable-pip-version-check', '--no-deps', '-r', REQUIREMENTS],
    { prefix: '[pip]' },
  );
  writeFileSync(complete, new Date().toISOString());
  say(`Schemathesis: siap dalam ${Math.round((Date.now() - started) / 1000)} s`);
  return st;
}
