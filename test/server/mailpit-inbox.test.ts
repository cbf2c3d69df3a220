/**
 * Mailpit, the demo's mail catcher (tools/mailpit.ts), with its web inbox: the page at `/` is served with its built
 * script and stylesheet (not in the Go module: ensureMailpit builds them with npm + esbuild before `go build`), a mail
 * sent through SMTP is in `/api/v1/messages`, and in Chromium (CHROMIUM_PATH) the inbox lists it by its subject and
 * opens it.
 */
import nodemailer from 'nodemailer';
import { chromium } from 'playwright-core';
import { mailpitMessages, startMailpit, type MailpitServer } from '../../tools/mailpit';

describe('Mailpit web inbox (the demo mail catcher)', () => {
  let mailpit: MailpitServer;
  const subject = `Tugas baru: Susun SKP (uji inbox ${Date.now()})`;

  beforeAll(async () => {
    mailpit = await startMailpit({ binary: process.env.MAILPIT_PATH });
    const transport = nodemailer.createTransport(mailpit.smtpUrl);
    await transport.sendMail({
      from: 'Capaian <noreply@capaian.invalid>',
      to: 'pegawai@demo.capaian.example',
      subject,
      text: 'Ada tugas baru untuk Anda.',
    });
    transport.close();
  });
  afterAll(async () => {
    await mailpit?.stop();
  });

  /** Fetches a path of the inbox: status, content type and body. */
  const get = async (path: string) => {
    const res = await fetch(new URL(path, mailpit.httpUrl));
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
  };

  it('serves the inbox page with its built script and stylesheet', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    const script = /<script[^>]*\ssrc="([^"]+)"/.exec(page.body)?.[1];
    const style = /<link[^>]*rel=["']?stylesheet["']?[^>]*\shref="([^"]+)"/.exec(page.body)?.[1];
    expect(script).toMatch(/^\/dist\/app\.js/);
    expect(style).toMatch(/^\/dist\/app\.css/);

    const js = await get(script!);
    expect({ status: js.status, type: js.type }).toEqual({ status: 200, type: expect.stringMatching(/javascript/) });
    expect(js.body.length).toBeGreaterThan(100_000); // the Vue app, not a stub
    const css = await get(style!);
    expect({ status: css.status, type: css.type }).toEqual({ status: 200, type: expect.stringMatching(/text\/css/) });
    expect(css.body.length).toBeGreaterThan(10_000);
  });

  it('keeps the mail sent through SMTP (API)', async () => {
    const messages = await mailpitMessages(mailpit);
    const mail = messages.find((m) => m.Subject === subject);
    expect(mail?.To.map((t) => t.Address)).toEqual(['pegawai@demo.capaian.example']);
  });

  it('lists the mail by its subject in the web inbox (Chromium)', async () => {
    const executablePath = process.env.CHROMIUM_PATH;
    if (!executablePath) throw new Error('CHROMIUM_PATH tidak diset: jalankan lewat `npm test` / no Chromium');
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${mailpit.httpUrl}/`);
      const row = page.getByTestId('message-subject').filter({ hasText: subject });
      await row.waitFor({ timeout: 30_000 });
      expect((await row.innerText()).trim()).toBe(subject);
      await row.click();
      // The message view: its headers table, Subject row.
      const header = page.locator('tr', { has: page.locator('th', { hasText: /^Subject$/ }) }).locator('td');
      await header.waitFor({ timeout: 30_000 });
      expect((await header.innerText()).trim()).toBe(subject);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
