/**
 * Browser-test harness: the real express app (with admin/dist) listening on a free port, Debian's Chromium driven by
 * playwright-core (CHROMIUM_PATH; never `playwright install`), sign-in through the console's login page, and
 * screenshots of each step in test/.artifacts/screenshots/<scenario>/ (ignored by git).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Express } from 'express';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { auditContext, takeA11yFindings } from './a11y-audit';

export { a11yViolations, checkA11y, type A11yViolation } from './a11y-audit';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'admin', 'dist');
export const SCREENSHOTS = join(ROOT, 'test', '.artifacts', 'screenshots');

/** Why the browser tests cannot run here, or null when they can. */
export function browserTestsBlocked(): string | null {
  if (!existsSync(join(DIST, 'index.html')))
    return 'admin/dist/index.html tidak ada: jalankan `npm run admin:build` (npm test membangunnya) / console not built';
  const path = process.env.CHROMIUM_PATH;
  if (!path || !existsSync(path))
    return `CHROMIUM_PATH (${path ?? 'tidak diset'}) tidak menunjuk ke Chromium: jalankan lewat \`npm test\` / no Chromium`;
  return null;
}

/**
 * `describe` when the console is built and Chromium is there; otherwise the suite fails, saying why (a browser
 * suite that cannot run must never pass unnoticed; `npm test` builds the console and finds Chromium). A test fails
 * when axe-core found a serious or critical violation on a page it visited (see a11y-audit.ts).
 */
export function describeInBrowser(name: string, fn: () => void): void {
  const blocked = browserTestsBlocked();
  if (blocked) {
    describe(name, () => {
      it('needs the built console and Chromium', () => {
        throw new Error(`[browser] "${name}" tidak dapat berjalan / cannot run: ${blocked}`);
      });
    });
  } else
    describe(name, () => {
      afterEach(async () => {
        const found = await takeA11yFindings();
        if (found) throw new Error(found);
      });
      fn();
    });
}

/** Listens on a free loopback port; returns the base URL and a close function. */
export async function listen(app: Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Headless Chromium from CHROMIUM_PATH. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

/** A phone as Chromium's mobile emulation has it: 360 × 800 CSS px, touch, a device pixel ratio of 2. */
export const PHONE = {
  viewport: { width: 360, height: 800 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
} as const;

/**
 * A fresh browser context (own localStorage) at a laptop-sized viewport, or a phone's with `{ phone: true }`,
 * Indonesian locale, failing on page errors; every page of it is checked with axe-core after each route change. The
 * console's service worker is blocked unless `serviceWorker: true` (Playwright's routing does not see what a service
 * worker fetches).
 */
export async function newSession(
  browser: Browser,
  options: { phone?: boolean; serviceWorker?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    ...(options.phone ? PHONE : { viewport: { width: 1366, height: 900 } }),
    serviceWorkers: options.serviceWorker ? 'allow' : 'block',
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  auditContext(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { context, page, errors };
}

/** Takes numbered screenshots of a scenario into test/.artifacts/screenshots/<scenario>/NN-<step>.png. */
export function screenshots(scenario: string) {
  const dir = join(SCREENSHOTS, scenario);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const taken: string[] = [];
  return {
    taken,
    async shot(page: Page, step: string) {
      n += 1;
      const file = join(dir, `${String(n).padStart(2, '0')}-${step}.png`);
      await page.screenshot({ path: file, fullPage: true });
      taken.push(file);
    },
  };
}

/** Text as read: whitespace (and the zero-width space MUI puts in a select) as single spaces. */
export const squash = (s: string) => s.replace(/[\s\u200b]+/g, ' ').trim();

/** The text of the (first) element with a data-testid, as read. */
export const textOf = async (page: Page, testId: string) => squash(await page.getByTestId(testId).first().innerText());

/** Rupiah as the console writes it (Intl, id-ID or en-US), with ordinary spaces. */
export const rupiah = (n: number, locale = 'id-ID') =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 })
    .format(n)
    .replace(/\s/g, ' ');

/** The bearer token the console keeps in the page's localStorage (for direct API calls from the page). */
export function pageToken(page: Page): Promise<string | null> {
  return page.evaluate(() => (globalThis as any).localStorage.getItem('capaian.token') as string | null);
}

/** Signs in through the login page with a demo account and waits for the console's app bar. */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  // The first load of a fresh browser compiles the console's JS: slow on a busy machine.
  await page.locator('input[name="username"]').waitFor({ timeout: 60_000 });
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.locator('header').first().waitFor();
  await page.waitForURL((u) => !u.hash.startsWith('#/login'));
}

/** What `demoConsole` sets up: filled in by its beforeAll. */
export interface DemoConsole {
  db: TestDatabase;
  /** Base URL of the API serving the built console. */
  url: string;
  browser: Browser;
}

/**
 * For a suite without Temporal: a database seeded with the demo city, the API with the console on a free port and
 * Chromium, set up before the suite's tests and torn down after them.
 */
export function demoConsole(label: string): DemoConsole {
  const demo = {} as DemoConsole;
  let server: Awaited<ReturnType<typeof listen>> | undefined;
  beforeAll(async () => {
    demo.db = await createTestDatabase(label);
    await seedDemo(demo.db.prisma);
    server = await listen(createTestApp(demo.db).app);
    demo.url = server.url;
    demo.browser = await launchChromium();
  });
  afterAll(async () => {
    await demo.browser?.close();
    await server?.close();
    await demo.db?.drop();
  });
  return demo;
}

/** Switches the console's language from the app bar ('id' Bahasa Indonesia, 'en' English) and waits until it shows. */
export async function switchLanguage(page: Page, to: 'en' | 'id'): Promise<void> {
  const [from, target] = to === 'en' ? ['Bahasa Indonesia', 'English'] : ['English', 'Bahasa Indonesia'];
  // The app bar hides while the page is scrolled down: back to the top first.
  await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
  await page.locator('button[aria-controls="simple-menu"]', { hasText: from }).click();
  await page.getByRole('menuitem', { name: target }).click();
  await page.locator('button[aria-controls="simple-menu"]', { hasText: target }).waitFor();
}
