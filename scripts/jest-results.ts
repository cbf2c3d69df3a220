/** Reads jest's `--json` report: per test file its outcome and time, and the time per test folder. */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

export interface FileOutcome {
  /** Path from the project root, e.g. `test/cycle/happy-path.test.ts`. */
  file: string;
  passed: boolean;
  /** Wall time of the file in seconds (from its start to its end in its jest worker). */
  seconds: number;
  /** Full names of the failed tests, or the file's own error when it failed to run. */
  failures: string[];
  /** Tests that passed in the file. */
  passedTests: number;
  /** Each failure with the first lines of its message (no colours), for the run's closing summary. */
  failureDetails: { name: string; message: string }[];
}

/** Lines of a failure message kept in the closing summary: enough for the assertion and where it failed. */
const DETAIL_LINES = 14;

interface JestJson {
  numFailedTestSuites: number;
  numPassedTestSuites: number;
  numTotalTestSuites: number;
  numFailedTests: number;
  numPassedTests: number;
  numTotalTests: number;
  snapshot?: { total: number };
  testResults: {
    name: string;
    status: 'passed' | 'failed';
    startTime: number;
    endTime: number;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

export function readJestReport(path: string, root: string): FileOutcome[] {
  if (!existsSync(path)) return [];
  const report = JSON.parse(readFileSync(path, 'utf8')) as JestJson;
  return outcomes(report, root);
}

/**
 * Jest's own closing summary (`Test Suites: …`, `Tests: …`, `Time: …`, `Ran all test suites.`), rebuilt from its
 * report so a run can end with it after its other tables: a reader of a run's last lines finds the runner's count
 * in the runner's words. Empty when jest left no report (it did not run).
 */
export function jestSummary(path: string, seconds: number): string {
  if (!existsSync(path)) return '';
  const r = JSON.parse(readFileSync(path, 'utf8')) as JestJson;
  const counts = (failed: number, passed: number, total: number) =>
    [failed ? `${failed} failed` : '', passed ? `${passed} passed` : '', `${total} total`].filter(Boolean).join(', ');
  return [
    `Test Suites: ${counts(r.numFailedTestSuites, r.numPassedTestSuites, r.numTotalTestSuites)}`,
    `Tests:       ${counts(r.numFailedTests, r.numPassedTests, r.numTotalTests)}`,
    `Snapshots:   ${r.snapshot?.total ?? 0} total`,
    `Time:        ${seconds.toFixed(3)} s`,
    'Ran all test suites.',
  ].join('\n');
}

function outcomes(report: JestJson, root: string): FileOutcome[] {
  return report.testResults.map((r) => {
    const failed = r.assertionResults.filter((a) => a.status === 'failed').map((a) => a.fullName);
    const firstLine = (r.message ?? '').split('\n').find((l) => l.trim()) ?? 'gagal / failed';
    return {
      file: relative(root, r.name),
      passed: r.status === 'passed',
      seconds: (r.endTime - r.startTime) / 1000,
      failures: failed.length ? failed : r.status === 'failed' ? [firstLine.trim()] : [],
      passedTests: r.assertionResults.filter((a) => a.status === 'passed').length,
      failureDetails: r.assertionResults
        .filter((a) => a.status === 'failed')
        .map((a) => ({ name: a.fullName, message: firstLines((a.failureMessages ?? []).join('\n')) }))
        .concat(
          r.status === 'failed' && !failed.length
            ? [{ name: relative(root, r.name), message: firstLines(r.message ?? '') }]
            : [],
        ),
    };
  });
}

/** The first lines of a failure message that say something, without terminal colours. */
function firstLines(message: string): string {
  return (
    message
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .filter((l) => l.trim() && !/node_modules|node:internal|new Promise \(<anonymous>\)/.test(l))
      .slice(0, DETAIL_LINES)
      .join('\n')
  );
}

/** Seconds per test folder (`test/cycle`, `test/browser`, …): the sum of its files' times. */
export function secondsPerFolder(outcomes: FileOutcome[]): [string, number][] {
  const sums = new Map<string, number>();
  for (const o of outcomes) {
    const folder = o.file.split('/').slice(0, 2).join('/');
    sums.set(folder, (sums.get(folder) ?? 0) + o.seconds);
  }
  return [...sums.entries()].sort((a, b) => b[1] - a[1]);
}

/** A plain text table with the columns padded to their widest cell (numbers right-aligned). */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const numeric = header.map((_, i) =>
    rows.every((r) => typeof r[i] === 'number' || /^[\d.,]+( s)?$/.test(String(r[i]))),
  );
  return cells
    .map((r) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  '))
    .join('\n');
}
