/** Finds Debian's Chromium for the browser tests, installing it with apt when running as root. */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { runCommand } from './run-command';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Returns the Chromium executable path: `CHROMIUM_PATH`, an installed one, or one apt installs now. */
export async function ensureChromium(say: (m: string) => void = console.log): Promise<string> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH tidak ada / does not exist: ${override}`);
    return override;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  if (userInfo().uid !== 0)
    throw new Error('Chromium tidak ditemukan: jalankan `sudo apt-get install -y chromium` atau set CHROMIUM_PATH');
  say('Chromium: memasang dengan apt (sekali saja) / installing with apt …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runCommand('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { prefix: '[apt]', env }).catch(
    async () => {
      await runCommand('apt-get', ['update'], { prefix: '[apt]', env });
      await runCommand('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { prefix: '[apt]', env });
    },
  );
  const installed = CANDIDATES.find((p) => existsSync(p));
  if (!installed) throw new Error('apt selesai tetapi Chromium tidak ditemukan di /usr/bin');
  return installed;
}
