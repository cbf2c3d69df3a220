import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { demoConsole, DIST, describeInBrowser, newSession, signIn } from '../browser/harness';
import { createTestApp } from '../helpers/test-app';

/** Issue 10, item 5: helmet's security headers, and a Content-Security-Policy that the built console passes. */
describe('security headers (helmet)', () => {
  // No database needed: /api/health answers without one, and the console is static.
  const app = createTestApp({ url: 'postgresql://unused@127.0.0.1:1/none', prisma: {} as any } as any, undefined, {
    ADMIN_DIST: DIST,
  }).app;

  it('every answer, API and console, carries CSP, nosniff, frame and referrer policies', async () => {
    for (const path of ['/', '/api/openapi.json', '/api/nothing-here']) {
      const res = await request(app).get(path);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('the built console has no inline script and loads only its own assets', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\/assets\//);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});

describeInBrowser('the console under its Content-Security-Policy (Chromium)', () => {
  jest.setTimeout(180_000);
  const demo = demoConsole('sessions_csp');

  it('signs in and shows HR and employee pages with no CSP violation', async () => {
    const { context, page, errors } = await newSession(demo.browser);
    const violations: string[] = [];
    await page.addInitScript(() =>
      (globalThis as any).document.addEventListener('securitypolicyviolation', (e: any) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    page.on('console', (m) => /Content.Security.Policy|CSP violation/i.test(m.text()) && violations.push(m.text()));
    try {
      await signIn(page, demo.url, 'admin');
      const scoring = await demo.db.prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SCORING' } });
      const pages = [
        '#/rulesets',
        `#/rulesets/${scoring.id}/show`,
        '#/cycles',
        '#/audit-events',
        '#/employees',
        '#/imports',
      ];
      for (const hash of pages) {
        await page.goto(`${demo.url}/${hash}`);
        await page.locator('main').first().waitFor();
        await page.waitForLoadState('networkidle');
      }
      // Emotion's run-time styles applied: the app bar is coloured, not the browser default.
      const bg = await page
        .locator('header')
        .first()
        .evaluate((h) => (globalThis as any).getComputedStyle(h).backgroundColor);
      expect(bg).not.toBe('rgba(0, 0, 0, 0)');
      await context.clearCookies();
      await page.evaluate(() => (globalThis as any).localStorage.clear());
      await signIn(page, demo.url, 'pegawai');
      await page.waitForLoadState('networkidle');
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
