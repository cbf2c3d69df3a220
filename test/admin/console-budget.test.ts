/**
 * Issue #5: the console's initial JavaScript (the entry chunk and its static imports, as scripts/measure-console.ts
 * counts it) stays within 350 kB gzip, holds the login page, and leaves the lazy pages' react-admin views and the
 * dashboard's charts to the chunks fetched on navigation. Reads the build that `npm test` makes (admin/dist);
 * test/browser/login-roles.test.ts checks in Chromium that the login page needs nothing else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureConsole } from '../../scripts/measure-console';

const DIST = join(__dirname, '..', '..', 'admin', 'dist');
const BUDGET_BYTES = 350_000;

describe('the console build', () => {
  it('fits the initial-JS budget with the login page in it and the views and charts out of it', () => {
    if (!existsSync(join(DIST, '.vite', 'manifest.json')))
      throw new Error(
        'admin/dist tidak ada: jalankan `npm run admin:build` (npm test membangunnya) / console not built',
      );
    const m = measureConsole(DIST);
    expect(m.initial.gzipBytes).toBeLessThanOrEqual(BUDGET_BYTES);
    const initial = m.initial.chunks.map((c) => readFileSync(join(DIST, c.file), 'utf8')).join('\n');
    const lazy = m.lazy.map((c) => readFileSync(join(DIST, c.file), 'utf8')).join('\n');
    // Class names that each component sets on its root: react-admin's login page, Datagrid, and recharts' chart.
    expect(initial).toContain('RaLogin');
    for (const lazyOnly of ['RaDatagrid', 'recharts-surface']) {
      expect(initial).not.toContain(lazyOnly);
      expect(lazy).toContain(lazyOnly);
    }
  });
});
