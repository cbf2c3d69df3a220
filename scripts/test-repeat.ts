/**
 * `npm run test:repeat -- N [jest args]`: runs jest N times against the same real services (no static checks)
 * and prints, per test file, its passes, failures and slowest run, and each failed test once. A script, so anyone
 * can check that the suite (or a part: `npm run test:repeat -- 30 test/cycle/deadlines-appeal`) does not flake.
 * Exits non-zero when any run failed.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServices } from '../tools/test-services';
import { readJestReport, table, type FileOutcome } from './jest-results';

const ROOT = join(__dirname, '..');
const say = (msg: string) => console.log(`[test:repeat] ${msg}`);

async function main() {
  const [countArg, ...jestArgs] = process.argv.slice(2);
  const runs = Number(countArg);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('Pemakaian / usage: npm run test:repeat -- N [jest args]   (N: jumlah putaran / number of runs ≥ 1)');
    process.exit(2);
  }
  const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
  if (existsSync(join(ROOT, 'admin', 'vite.config.ts'))) {
    const built = spawnSync(bin('vite'), ['build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('konsol gagal dibangun / the console build failed');
  }
  const services = await startTestServices(say);
  const perFile = new Map<string, FileOutcome[]>();
  const runTimes: { run: number; seconds: number; ok: boolean }[] = [];
  const logs = join(ROOT, '.data', 'test-repeat');
  rmSync(logs, { recursive: true, force: true });
  mkdirSync(logs, { recursive: true });
  const report = join(logs, 'report.json');
  say(`jest's output of each run: ${logs}/run-N.log`);
  try {
    for (let run = 1; run <= runs; run++) {
      rmSync(report, { force: true });
      const started = Date.now();
      const jest = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
      const log = openSync(join(logs, `run-${run}.log`), 'w');
      const r = spawnSync(process.execPath, [jest, '--json', `--outputFile=${report}`, ...jestArgs], {
        cwd: ROOT,
        env: services.env,
        stdio: ['ignore', log, log],
      });
      closeSync(log);
      const seconds = (Date.now() - started) / 1000;
      const outcomes = readJestReport(report, ROOT);
      const ok = r.status === 0 && outcomes.length > 0;
      runTimes.push({ run, seconds, ok });
      for (const o of outcomes) perFile.set(o.file, [...(perFile.get(o.file) ?? []), o]);
      const failed = outcomes.filter((o) => !o.passed);
      say(
        `putaran / run ${run}/${runs}: ${ok ? 'lulus / passed' : 'GAGAL / FAILED'} in ${seconds.toFixed(1)} s` +
          (failed.length ? ` — ${failed.map((f) => f.file).join(', ')}` : ''),
      );
    }
  } finally {
    await services.stop();
  }

  const rows = [...perFile.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([file, os]) => {
      const times = os.map((o) => o.seconds);
      return [
        file,
        os.filter((o) => o.passed).length,
        os.filter((o) => !o.passed).length,
        Math.max(...times).toFixed(1),
        (times.reduce((a, b) => a + b, 0) / times.length).toFixed(1),
      ];
    });
  console.log(`\n${runs} putaran / runs: ${runTimes.filter((r) => r.ok).length} lulus / passed`);
  console.log(
    table(['berkas / file', 'lulus / passed', 'gagal / failed', 'terlama / slowest s', 'rata-rata / mean s'], rows),
  );
  const longest = runTimes.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  console.log(`\nputaran terlama / longest run: #${longest.run}, ${longest.seconds.toFixed(1)} s`);
  const failures = [...perFile.values()].flat().flatMap((o) => o.failures.map((f) => `${o.file}: ${f}`));
  if (failures.length) {
    console.log('\nyang gagal / failed tests:');
    for (const [text, n] of countEach(failures)) console.log(`  ${n}× ${text}`);
  }
  process.exit(runTimes.every((r) => r.ok) ? 0 : 1);
}

function countEach(items: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts.entries()];
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
