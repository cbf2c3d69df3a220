/**
 * `npm test`: provisions the real services (embedded PostgreSQL, the Temporal time-skipping test server,
 * Chromium), runs the static checks (TypeScript, ESLint, Prettier), builds the console, and then runs every
 * jest test against them. Ends with the time of each stage and of each test folder.
 * Extra arguments go to jest (`npm test -- test/rules`); `--no-static` skips the static checks.
 * With CI_STAGES_FILE set (by `.ci/run`), the stage times are appended to that file as `name<TAB>seconds` lines
 * (`.ci/run` prints them in its table) and the closing summary is written beside it, for `.ci/run` to end with.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServices } from '../tools/test-services';
import { jestSummary, readJestReport, secondsPerFolder, table } from './jest-results';

const ROOT = join(__dirname, '..');
const t0 = Date.now();
const say = (msg: string) => console.log(`[test ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}`);
const stages: [string, number][] = [];

function step(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const start = Date.now();
  say(`${name} …`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  const seconds = (Date.now() - start) / 1000;
  stages.push([name, seconds]);
  say(`${name}: ${r.status === 0 ? 'ok' : 'GAGAL / FAILED'} (${seconds.toFixed(1)} s)`);
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

  const servicesStart = Date.now();
  const services = await startTestServices(say);
  stages.push(['layanan uji / test services', (Date.now() - servicesStart) / 1000]);
  const report = join(ROOT, '.data', 'jest-report.json');
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  rmSync(report, { force: true });
  try {
    const jest = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
    // The in-process test workers run without the stack trace query's hook, as a deployed worker does: jest gives each
    // test file its own copy of process.env, so createWorker's setting never reaches the SDK's workflow threads.
    const env = { ...services.env, TEMPORAL_WORKFLOW_STACK_TRACES: 'off' };
    ok = step('jest', process.execPath, [jest, '--json', `--outputFile=${report}`, ...jestArgs], env) && ok;
  } finally {
    await services.stop();
  }

  const files = readJestReport(report, ROOT);
  const folders = secondsPerFolder(files).map(([folder, s]): [string, number] => [`  jest ${folder}`, s]);
  const rows = [...stages, ...folders];
  // Under `.ci/run` the stage times go to its own table (with install and provisioning); printed once there.
  if (process.env.CI_STAGES_FILE)
    appendFileSync(process.env.CI_STAGES_FILE, rows.map(([n, s]) => `${n}\t${s.toFixed(1)}\n`).join(''));
  else {
    console.log(`\nWaktu per tahap / time per stage (jest folders: sum of their files' times, 2 workers in parallel)`);
    console.log(
      table(
        ['tahap / stage', 'detik / s'],
        rows.map(([n, s]) => [n, s.toFixed(1)]),
      ),
    );
  }
  say(ok ? 'semua lulus / all passed' : 'ada yang gagal / something failed');
  // What failed, then jest's own count, then the plain count `tests: N passed, N failed`: the run's last lines, where
  // a shortened log still shows them. CI reads a closing line of a runner it knows (jest is not one) or the plain one.
  const failures = files
    .flatMap((f) => f.failureDetails.map((d) => `GAGAL / FAILED ${f.file} › ${d.name}\n${indent(d.message)}`))
    .join('\n');
  const jestSeconds = stages.find(([n]) => n === 'jest')?.[1] ?? 0;
  const passed = files.reduce((n, f) => n + f.passedTests, 0);
  const failed = files.reduce((n, f) => n + f.failureDetails.length, 0);
  const closing = [
    failures,
    jestSummary(report, jestSeconds) || 'Tests:       jest tidak berjalan / jest did not run',
    `tests: ${passed} passed, ${failed} failed`,
  ]
    .filter(Boolean)
    .join('\n\n');
  console.log(`\n${closing}`);
  if (process.env.CI_STAGES_FILE) writeFileSync(`${process.env.CI_STAGES_FILE}.tests`, `${closing}\n`);
  process.exit(ok ? 0 : 1);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
