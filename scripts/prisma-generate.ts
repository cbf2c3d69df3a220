/** `npm run prisma:generate`: runs `prisma generate` offline (the CLI otherwise downloads a schema engine it does not need for this). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const placeholder = join(ROOT, '.tools', 'prisma-schema-engine-placeholder');
if (!existsSync(placeholder)) {
  mkdirSync(join(ROOT, '.tools'), { recursive: true });
  writeFileSync(
    placeholder,
    '#!/bin/sh\necho "not the Prisma schema engine: Prisma Migrate is not available offline" >&2\nexit 1\n',
    { mode: 0o755 },
  );
}
const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'prisma', 'build', 'index.js'), 'generate'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(r.status ?? 1);
