/** Provides Temporal's time-skipping test server (Maven Central, Java) as an executable for the TypeScript SDK. */
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TOOLS_BIN, TOOLS_DIR } from './paths';
import { runCommand } from './run-command';

const POM = join(ROOT, 'tools', 'temporal-test-server', 'pom.xml');

/**
 * Returns the path of an executable `<exe> <port> [--enable-time-skipping]` that runs the test server,
 * fetching its jars with Maven on first use. `TEMPORAL_TEST_SERVER_PATH` overrides it.
 */
export async function ensureTemporalTestServer(say: (m: string) => void = console.log): Promise<string> {
  const override = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`TEMPORAL_TEST_SERVER_PATH tidak ada / does not exist: ${override}`);
    return override;
  }
  const libDir = join(TOOLS_DIR, 'temporal-test-server', 'lib');
  const wrapper = join(TOOLS_BIN, 'temporal-test-server');
  const hasJars = existsSync(libDir) && readdirSync(libDir).some((f) => f.startsWith('temporal-test-server'));
  if (!hasJars) {
    say('Temporal test server: mengambil dari Maven Central (sekali saja) / fetching from Maven Central …');
    const started = Date.now();
    await runCommand(
      'mvn',
      [
        '-q',
        '-B',
        '-Dstyle.color=never',
        '-f',
        POM,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${libDir}`,
        '-DincludeScope=runtime',
      ],
      { prefix: '[mvn]' },
    );
    say(`Temporal test server: siap dalam ${Math.round((Date.now() - started) / 1000)} s`);
  }
  if (!existsSync(wrapper)) {
    mkdirSync(TOOLS_BIN, { recursive: true });
    // Quick JVM start matters: the SDK gives the server 5 s to answer on its port.
    writeFileSync(
      wrapper,
      `#!/bin/sh\nexec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -cp "${libDir}/*" io.temporal.testserver.TestServer "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
  }
  return wrapper;
}
