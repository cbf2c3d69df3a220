/**
 * On a phone (issue 15, item 1) in Chromium's mobile emulation (360 × 800, touch, a phone's user agent), against the
 * real API and PostgreSQL, in Bahasa Indonesia and in English: the employee signs in, opens the task inbox, submits
 * the plan, records a realisation, sends the evidence with a photo taken with the camera button, reads the result
 * and files an appeal, and reads the appraisal's tabs and the TPP; the rater approves a plan and rates with the seven
 * BerAKHLAK values. Every screen fits the phone (no sideways scrolling) and its controls are touch-sized (44 × 44 px;
 * test/browser/phone.ts names the offenders); the console is installable (manifest and icons) and says when it is
 * offline. Rows from tasks-fixtures.ts; Temporal is a stand-in recording what the console sends.
 * Screenshots in test/.artifacts/screenshots/phone-paths/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Task } from '../../prisma/client';
import { settleAudits } from './a11y-audit';
import { describeInBrowser, newSession, ROOT, screenshots } from './harness';
import { cutOff, horizontalOverflow, phoneProblems, smallTargets, tap } from './phone';
import { startTasksConsole, stopTasksConsole, type TasksConsole } from './tasks-console';
import { recorder } from './tasks-fixtures';

const WORDS = {
  id: {
    language: 'Bahasa Indonesia',
    sent: 'Tugas selesai dan dikirim',
    submitPlan: 'Ajukan SKP',
    send: 'Kirim',
    rate: 'Kirim penilaian',
    record: 'Catat realisasi',
    recorded: 'Realisasi dicatat.',
    photo: 'Ambil foto',
    appeal: 'Saya mengajukan keberatan',
    predicate: 'Baik',
    tabs: ['Hasil', 'SKP', 'Bukti dukung', 'Keberatan'],
    tpp: 'TPP diterima',
    money: /Rp\s?6\.500\.000/,
    offline: 'Anda sedang luring',
  },
  en: {
    language: 'English',
    sent: 'Task completed and sent',
    submitPlan: 'Submit plan',
    send: 'Send',
    rate: 'Send the rating',
    record: 'Record realisation',
    recorded: 'Realisation recorded.',
    photo: 'Take a photo',
    appeal: 'I file an appeal',
    predicate: 'Good (Baik)',
    tabs: ['Result', 'Plan (SKP)', 'Evidence', 'Appeal'],
    tpp: 'Allowance paid',
    money: /IDR\s?6,500,000/,
    offline: 'You are offline',
  },
} as const;
type Lang = keyof typeof WORDS;

/** A small real photo: the console's own 192 px icon, a PNG as a phone camera could hand over. */
const PHOTO = readFileSync(join(ROOT, 'admin', 'public', 'icons', 'icon-192.png'));

describeInBrowser('the employee’s and the rater’s paths on a phone (Chromium mobile emulation)', () => {
  const shots = screenshots('phone-paths');
  const rec = recorder();
  let c: TasksConsole;
  let planReview: Task;

  beforeAll(async () => {
    c = await startTasksConsole('browser_phone', rec);
    // The rater's plan review of the employee's running quarter (the fixtures open every other task of the paths).
    planReview = await c.db.prisma.task.create({
      data: {
        key: 'ui-phone:plan-review',
        type: 'plan.review',
        title: 'Tinjau dan setujui SKP',
        updateName: 'reviewPlan',
        appraisalId: c.data.mine,
        assigneeId: c.data.who.penilai,
        dueAt: new Date(Date.now() + 4 * 86_400_000),
        workflowId: 'stand-in',
        cycleId: c.data.running.cycle.id,
      },
    });
  });
  afterAll(() => stopTasksConsole(c ?? {}));

  /** A phone session of `username` in `lang`, signed in through the login page; `look` checks and shoots a screen. */
  async function phoneSession(username: string, lang: Lang) {
    const session = await newSession(c.browser, { phone: true });
    const { page } = session;
    const problems: string[] = [];
    const look = async (step: string) => {
      await page.waitForLoadState('networkidle');
      problems.push(...(await phoneProblems(page, `${lang} ${username}: ${step}`)));
      await shots.shot(page, `${lang}-${username}-${step}`);
    };
    await page.goto(`${c.url}/#/login`);
    await page.locator('input[name="username"]').waitFor({ timeout: 60_000 });
    if (lang === 'en') {
      await page.getByRole('button', { name: /Bahasa Indonesia/ }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('button', { name: /English/ }).waitFor();
    }
    await look('login');
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill('capaian-demo');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((u) => !u.hash.startsWith('#/login'));
    await page.locator('header').first().waitFor();
    return { ...session, problems, look };
  }

  /** Waits for the notification that the task was sent; fails on any other. */
  async function sent(page: Page, lang: Lang) {
    const note = page.locator('.MuiSnackbarContent-message').first();
    await note.waitFor();
    expect(await note.innerText()).toContain(WORDS[lang].sent);
  }

  /** The inbox: the menu (a drawer on a phone) leads to it; each task a card naming it, whose, and when it is due. */
  async function inbox(page: Page, look: (s: string) => Promise<void>, lang: Lang) {
    await page.getByRole('button', { name: lang === 'id' ? 'Buka menu' : 'Open menu' }).click();
    // The drawer is a modal dialog with a name a screen reader announces.
    const drawer = page.getByRole('dialog', { name: lang === 'id' ? 'Menu utama' : 'Main menu' });
    await drawer.getByRole('menuitem', { name: lang === 'id' ? 'Tugas' : 'Tasks' }).click();
    await page.waitForURL(/#\/tasks/);
    await page.getByTestId('task-card').first().waitFor();
    await look('inbox');
  }

  for (const lang of ['id', 'en'] as const) {
    const w = WORDS[lang];

    it(`the employee’s path on a phone (${lang})`, async () => {
      const { context, page, errors, problems, look } = await phoneSession('pegawai', lang);
      const { planTask, evidenceTask, mine, indicator, q1, running } = c.data;
      await inbox(page, look, lang);
      const cards = await page.getByTestId('task-card').allInnerTexts();
      expect(cards.join('\n')).toContain(c.data.people[0].name);

      // The plan: one work result with its indicator and target, sent.
      await page
        .getByTestId('task-card')
        .filter({ hasText: lang === 'id' ? 'SKP' : 'plan' })
        .first()
        .click();
      await page.waitForURL(new RegExp(`#/tasks/${planTask.id}`));
      await page.locator('input[name="items.0.title"]').fill('Data kepegawaian mutakhir setiap bulan');
      await page.locator('input[name="items.0.indicators.0.description"]').fill('Jumlah pemutakhiran data');
      await page.locator('input[name="items.0.indicators.0.target"]').fill('12 kali');
      await look('plan');
      await page.getByRole('button', { name: w.submitPlan }).click();
      await sent(page, lang);
      const plan = rec.updates.findLast((u) => u.name === 'submitPlan');
      expect(JSON.stringify(plan?.args)).toContain('Data kepegawaian mutakhir setiap bulan');

      // A realisation recorded on the Progres tab, for the last day of the running quarter.
      await page.goto(`${c.url}/#/appraisals/${mine}/show/progress`);
      await page.getByTestId('progress-record').waitFor();
      await page.locator('#progress-work-date').fill(running.quarters[1].endDate.toISOString().slice(0, 10));
      await page.locator('#progress-value').fill('2');
      await look('progress');
      await page.getByRole('button', { name: w.record }).click();
      await page.getByText(w.recorded).first().waitFor();
      expect(await c.db.prisma.realizationEntry.count({ where: { appraisalId: mine } })).toBeGreaterThan(0);

      // The evidence: the realisation and a photo from the camera button (a file chooser offering the camera).
      await c.db.prisma.appraisal.update({ where: { id: mine }, data: { stage: 'EVIDENCE' } });
      await page.goto(`${c.url}/#/tasks/${evidenceTask.id}/show`);
      await page.getByTestId('evidence-recorded').first().waitFor(); // the form starts from what was recorded
      // The page's accessibility check reads it before the upload's notice appears over the phone's bottom toolbar.
      await page.waitForLoadState('networkidle');
      await settleAudits();
      expect(await page.locator('input[name="realizations.0.value"]').inputValue()).toMatch(/^\d+$/);
      await page.locator('input[name="realizations.0.value"]').fill('6 laporan selesai');
      const photoName = `foto-bukti-${lang}.png`;
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: new RegExp(`^${w.photo}`) }).click(),
      ]);
      expect(await chooser.element().getAttribute('capture')).toBe('environment');
      expect(await chooser.element().getAttribute('accept')).toBe('image/*');
      await chooser.setFiles({ name: photoName, mimeType: 'image/png', buffer: PHOTO });
      await page.getByTestId('evidence-uploaded').getByText(photoName).waitFor();
      const stored = await c.db.prisma.evidence.findFirstOrThrow({ where: { appraisalId: mine, fileName: photoName } });
      expect(stored).toMatchObject({ mimeType: 'image/png', sizeBytes: PHOTO.length, indicatorId: indicator.id });
      await look('evidence');
      await page.getByRole('button', { name: w.send, exact: true }).click();
      await sent(page, lang);
      expect(JSON.stringify(rec.updates.findLast((u) => u.name === 'submitEvidence')?.args)).toContain(
        '6 laporan selesai',
      );
      await c.db.prisma.appraisal.update({ where: { id: mine }, data: { stage: 'PERIOD' } });

      // The result of the first quarter and the appeal.
      const respond = await c.db.prisma.task.findUniqueOrThrow({ where: { key: 'ui-tasks:respond' } });
      await page.goto(`${c.url}/#/tasks/${respond.id}/show`);
      await page.getByTestId('appeal-days-left').waitFor();
      await tap(page.locator('input[name="action"][value="APPEAL"]'));
      await page
        .locator('textarea[name="reason"]')
        .first()
        .fill('Hasil kerja melampaui target; mohon ditinjau kembali.');
      await look('appeal');
      await page.getByRole('button', { name: w.send, exact: true }).click();
      await sent(page, lang);
      const appeal = rec.updates.findLast((u) => u.name === 'respondToResult');
      expect(appeal?.args[0]).toMatchObject({ payload: { action: 'APPEAL' } });

      // The appraisal's tabs: the result, the plan, the evidence, the appeal.
      await page.goto(`${c.url}/#/appraisals/${q1.id}/show`);
      await page.getByRole('tab', { name: w.tabs[0] }).waitFor();
      await page.getByText(w.predicate, { exact: true }).first().waitFor();
      await look('result');
      for (const tab of w.tabs.slice(1)) {
        await tap(page.getByRole('tab', { name: tab }));
        await look(`tab-${tab.replace(/\W+/g, '-').toLowerCase()}`);
      }
      await page.goto(`${c.url}/#/appraisals/${mine}/show/evidence`);
      await page.getByText(photoName).first().waitFor();
      await look('evidence-tab');

      // The TPP: the months paid, with the amount.
      await page.goto(`${c.url}/#/pay-adjustments`);
      const pay = page.getByTestId('pay-card');
      await pay.first().waitFor();
      expect(await pay.count()).toBeGreaterThan(0);
      await pay.filter({ hasText: w.tpp }).filter({ hasText: w.money }).first().waitFor();
      await look('tpp');
      // The closed year's page: its evaluations and the twelve months of TPP with their total.
      const lastYear = await c.db.prisma.appraisal.findFirstOrThrow({
        where: { cycleId: c.data.closed.cycle.id, employeeId: c.data.who.pegawai },
        orderBy: { id: 'desc' },
      });
      await page.goto(`${c.url}/#/appraisals/${lastYear.id}/show/year`);
      await page.getByTestId('year-pay').waitFor();
      expect(await page.getByTestId('year-pay').locator('tbody tr').count()).toBe(12);
      await look('year-tpp');

      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);

    it(`the rater’s path on a phone (${lang})`, async () => {
      const { context, page, errors, problems, look } = await phoneSession('penilai', lang);
      const { ratings, mine } = c.data;
      await inbox(page, look, lang);
      expect(await page.getByTestId('task-card').count()).toBeGreaterThanOrEqual(4);

      // The plan review: the plan read, approved.
      await page.goto(`${c.url}/#/tasks/${planReview.id}/show`);
      await page.getByText('Laporan realisasi anggaran bidang tersusun tepat waktu').first().waitFor();
      await tap(page.locator('input[name="decision"][value="APPROVE"]'));
      await look('plan-review');
      await page.getByRole('button', { name: w.send, exact: true }).click();
      await sent(page, lang);
      expect(rec.updates.findLast((u) => u.name === 'reviewPlan')?.args[0]).toMatchObject({
        payload: { decision: 'APPROVE' },
      });

      // The rating: the work result and the seven BerAKHLAK values.
      const rating = ratings.find((t) => t.appraisalId === mine)!;
      await page.goto(`${c.url}/#/tasks/${rating.id}/show`);
      await tap(page.locator('input[name="resultRating"][value="ABOVE"]'));
      for (const k of ['berorientasiPelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'])
        await tap(page.locator(`input[name="berakhlak.${k}"][value="MEETS"]`));
      await tap(page.locator('input[name="behaviourRating"][value="MEETS"]'));
      await look('rating');
      await page.getByRole('button', { name: w.rate }).click();
      await sent(page, lang);
      const review = rec.updates.findLast((u) => u.name === 'submitReview');
      expect(review?.args[0]).toMatchObject({ payload: { resultRating: 'ABOVE', behaviourRating: 'MEETS' } });

      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }, 90_000);
  }

  it('the phone checks see a page wider than the screen, content cut off and a control too small to touch', async () => {
    const { context, page } = await newSession(c.browser, { phone: true });
    await page.goto(`${c.url}/#/login`);
    await page.locator('input[name="username"]').waitFor({ timeout: 60_000 });
    expect(await phoneProblems(page, 'login')).toEqual([]);
    await page.evaluate(() => {
      const d = (globalThis as any).document;
      const wide = d.createElement('div');
      wide.className = 'too-wide';
      wide.style.width = '600px';
      wide.textContent = 'lebar';
      const small = d.createElement('button');
      small.textContent = 'kecil';
      small.style.cssText = 'width: 30px; height: 20px; padding: 0; font-size: 8px';
      const card = d.createElement('div');
      card.style.cssText = 'overflow: hidden; width: 300px';
      card.innerHTML = '<table style="width: 500px"><tr><td>terpotong</td></tr></table>';
      d.body.append(wide, small, card);
    });
    expect(await cutOff(page)).toContain('table. "terpotong" (to 500 px)');
    expect(await horizontalOverflow(page)).toMatch(/^page 600 px wide on a 360 px screen: div\.too-wide \(0–600 px\)/);
    expect(await smallTargets(page)).toEqual(['button[submit] "kecil" 30×20']);
    await context.close();
  });

  it('is installable: the manifest names the console and its icons load as PNGs of their sizes', async () => {
    const { context, page } = await newSession(c.browser, { phone: true });
    await page.goto(`${c.url}/#/login`);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const res = await page.request.get(new URL(href!, c.url).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = await res.json();
    expect(manifest).toMatchObject({ name: expect.stringContaining('Capaian'), short_name: 'Capaian' });
    expect(manifest).toMatchObject({ display: 'standalone', theme_color: '#1d4f91', start_url: '/#/' });
    const sizes = new Set<string>();
    for (const icon of manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[]) {
      const png = await page.request.get(new URL(icon.src, c.url).toString());
      expect(png.status()).toBe(200);
      expect(png.headers()['content-type']).toBe('image/png');
      const body = await png.body();
      expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
      const [width, height] = [body.readUInt32BE(16), body.readUInt32BE(20)];
      expect(`${width}x${height}`).toBe(icon.sizes);
      sizes.add(`${icon.sizes} ${icon.purpose ?? 'any'}`);
    }
    expect([...sizes].sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#1d4f91');
    const touchIcon = await page.request.get(
      new URL((await page.locator('link[rel="apple-touch-icon"]').getAttribute('href'))!, c.url).toString(),
    );
    expect(touchIcon.headers()['content-type']).toBe('image/png');
    await context.close();
  });

  it('says when it is offline, in both languages, and stops saying it once back online', async () => {
    for (const lang of ['id', 'en'] as const) {
      const { context, page, errors, problems, look } = await phoneSession('pegawai', lang);
      await page.goto(`${c.url}/#/tasks`);
      await page.getByTestId('task-card').first().waitFor();
      expect(await page.getByTestId('offline-banner').count()).toBe(0);
      await context.setOffline(true);
      const banner = page.getByTestId('offline-banner');
      await banner.waitFor();
      expect(await banner.innerText()).toContain(WORDS[lang].offline);
      await look('offline');
      await context.setOffline(false);
      await banner.waitFor({ state: 'detached' });
      // The browser says "online" but requests get no answer (a dead Wi-Fi): the failed request shows it too.
      await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
      await page.evaluate(() => ((globalThis as any).location.hash = '#/pay-adjustments'));
      await banner.waitFor();
      expect(await banner.innerText()).toContain(WORDS[lang].offline);
      await page.unroute('**/api/**');
      await page.evaluate(() => ((globalThis as any).location.hash = '#/tasks'));
      await banner.waitFor({ state: 'detached' });
      await page.getByTestId('task-card').first().waitFor();
      await look('back-online');
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('opens without a network from the shell its service worker kept, saying it is offline', async () => {
    const { context, page, errors } = await newSession(c.browser, { phone: true, serviceWorker: true });
    await page.goto(`${c.url}/#/login`);
    await page.locator('input[name="username"]').fill('pegawai');
    await page.locator('input[name="password"]').fill('capaian-demo');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((u) => !u.hash.startsWith('#/login'));
    await page.evaluate(() => (globalThis as any).navigator.serviceWorker.ready.then(() => undefined));
    await page.goto(`${c.url}/#/tasks`); // a page the worker answered: the shell and its first chunks kept
    await page.getByTestId('task-card').first().waitFor();
    await context.setOffline(true);
    await page.reload();
    const banner = page.getByTestId('offline-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(WORDS.id.offline);
    await shots.shot(page, 'opened-offline');
    await context.setOffline(false);
    await banner.waitFor({ state: 'detached' });
    await page.getByTestId('task-card').first().waitFor(); // fetched again once back online, without a reload
    expect(errors).toEqual([]);
    await context.close();
  });
});
