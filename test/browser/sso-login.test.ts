/**
 * Single sign-on in a real Chromium against a real OpenID Connect provider (npm oidc-provider, started here): the
 * login page offers "Masuk dengan SSO"; the person signs in at the provider and lands in the console signed in as the
 * account of their NIP; an unknown NIP reads the refusal in both languages and finds the way back. Screenshots in
 * test/.artifacts/screenshots/sso-login/.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { seedDemo } from '../../prisma/seed/seed-database';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { describeInBrowser, launchChromium, newSession, pageToken, screenshots } from './harness';

describeInBrowser('console sign-in through single sign-on (Chromium, real OpenID provider)', () => {
  let db: TestDatabase;
  let server: Server;
  let provider: TestProvider;
  let browser: Browser;
  let url: string;
  let employeeName: string;
  const shots = screenshots('sso-login');

  beforeAll(async () => {
    db = await createTestDatabase('browser_sso');
    await seedDemo(db.prisma);
    const pegawai = await db.prisma.user.findUniqueOrThrow({
      where: { username: 'pegawai' },
      include: { employee: true },
    });
    employeeName = pegawai.employee!.name;
    // The console's address must be known before the provider registers its redirect URI.
    const serving: { app?: ReturnType<typeof createTestApp>['app'] } = {};
    server = createServer((req, res) => serving.app!(req, res));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    provider = await startTestProvider(
      { 'sso-pegawai': { nip: pegawai.employee!.nip }, 'sso-asing': { nip: '199001012020011999' } },
      `${url}/api/auth/oidc/callback`,
    );
    serving.app = createTestApp(db, undefined, provider.env).app;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((ok) => server?.close(ok));
    await provider?.close();
    await db?.drop();
  });

  /** Opens the login page, clicks "Masuk dengan SSO" and signs in at the provider's own forms as `accountId`. */
  async function throughProvider(page: Page, accountId: string) {
    await page.goto(`${url}/#/login`);
    const button = page.getByRole('link', { name: 'Masuk dengan SSO' });
    await button.waitFor({ timeout: 60_000 });
    await page.getByText('atau masuk dengan nama pengguna dan kata sandi').waitFor();
    await shots.shot(page, `login-page-${accountId}`);
    await button.click();
    await page.waitForURL((u) => u.origin === provider.issuer);
    await page.locator('input[name="login"]').fill(accountId);
    await page.locator('input[name="password"]').fill('apa-saja');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('"Masuk dengan SSO" signs the employee in and lands on their home page', async () => {
    const { context, page, errors } = await newSession(browser);
    const cspViolations: string[] = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && cspViolations.push(m.text()));
    await throughProvider(page, 'sso-pegawai');
    await page.waitForURL((u) => u.origin === url && !u.hash.startsWith('#/login'), { timeout: 30_000 });
    await page.getByText(/Selamat datang/).waitFor();
    await page.getByText(employeeName).first().waitFor();
    const menu = page.locator('.RaSidebar-fixed, .MuiDrawer-root').first();
    await menu.getByText('Tugas Saya', { exact: true }).first().waitFor();
    expect(await menu.getByText('Aturan', { exact: true }).count()).toBe(0); // roles from Capaian: an employee
    expect(page.url()).not.toContain('sso='); // the one-time code does not stay in the address bar
    expect(await pageToken(page)).toBeTruthy();
    await shots.shot(page, 'signed-in-pegawai');
    expect(errors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('an unknown NIP reads why in Bahasa Indonesia and English, and finds the way back to sign in', async () => {
    const { context, page } = await newSession(browser);
    await throughProvider(page, 'sso-asing');
    await page.getByRole('heading', { name: 'Masuk dengan SSO ditolak' }).waitFor();
    await page.getByText('NIP 199001012020011999 tidak memiliki akun Capaian').waitFor();
    await page.getByText('NIP 199001012020011999 has no Capaian account').waitFor();
    await shots.shot(page, 'refused-unknown-nip');
    await page.getByRole('link', { name: 'Kembali ke halaman masuk' }).click();
    await page.getByRole('link', { name: 'Masuk dengan SSO' }).waitFor({ timeout: 60_000 });
    expect(await pageToken(page)).toBeNull();
    await context.close();
  });
});
