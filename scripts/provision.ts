/** Provisions every external tool the project needs (Temporal CLI, Temporal test server, Mailpit, Chromium, Schemathesis), cached in .tools/. */
import { ensureChromium } from '../tools/chromium';
import { ensureMailpit } from '../tools/mailpit';
import { ensureSchemathesis } from '../tools/schemathesis';
import { ensureTemporalCli } from '../tools/temporal-cli';
import { ensureTemporalTestServer } from '../tools/temporal-test-server';

const say = (m: string) => console.log(`[provision] ${m}`);

async function timed(name: string, work: () => Promise<string>) {
  const started = Date.now();
  const result = await work();
  say(`${name}: ${result} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function main() {
  const only = process.argv.slice(2);
  const want = (name: string) => !only.length || only.includes(name);
  // Sequential on purpose: the Go build and Maven both saturate a small machine.
  if (want('temporal')) await timed('Temporal CLI', () => ensureTemporalCli(say));
  if (want('test-server')) await timed('Temporal test server', () => ensureTemporalTestServer(say));
  if (want('mailpit')) await timed('Mailpit', () => ensureMailpit(say));
  if (want('chromium')) await timed('Chromium', () => ensureChromium(say));
  if (want('schemathesis')) await timed('Schemathesis', () => ensureSchemathesis(say));
}

main().catch((err) => {
  console.error(`[provision] gagal / failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
