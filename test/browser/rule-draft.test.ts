/**
 * HR changes the scoring rules in a real Chromium: opens a new draft from the published version, makes a deliberate
 * error and sees it inline on its line, fixes it (ABOVE × MEETS becomes SANGAT_BAIK, with its golden test), runs the
 * simulation over a past cycle and sees who changes, compares with the published version, submits; the author may
 * not approve (the review tab says why); a second admin approves and publishes from the review tab. Screenshots in
 * test/.artifacts/screenshots/rule-draft/.
 */
import type { Browser, Page } from 'playwright-core';
import { seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { seedPastCycle } from './fixtures';
import { describeInBrowser, launchChromium, listen, newSession, screenshots, signIn } from './harness';

async function editorText(page: Page): Promise<string> {
  return page.locator('textarea[name="document"]').inputValue();
}

describeInBrowser('rule draft: error inline, fix, simulate, four-eyes publish (Chromium)', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  let pastCycle: Awaited<ReturnType<typeof seedPastCycle>>;
  const shots = screenshots('rule-draft');

  beforeAll(async () => {
    db = await createTestDatabase('browser_rules');
    await seedDemo(db.prisma);
    pastCycle = await seedPastCycle(db.prisma, 18);
    server = await listen(createTestApp(db).app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.drop();
  });

  it('HR drafts, sees the error on its line, fixes, simulates, submits; a second admin publishes', async () => {
    const published = await db.prisma.ruleSetVersion.findFirstOrThrow({
      where: { kind: 'SCORING', status: 'PUBLISHED' },
    });
    const { context, page, errors } = await newSession(browser);
    await signIn(page, server.url, 'admin');

    // The list by kind, then the published SCORING version.
    await page.goto(`${server.url}/#/rulesets`);
    await page.getByText(published.name).first().click();
    await page.waitForURL(new RegExp(`#/rulesets/${published.id}/show`));
    await page.getByRole('tab', { name: 'Tabel keputusan' }).click();
    await shots.shot(page, 'published-decision-table');

    // A new draft from it opens in the JSON editor.
    await page.getByRole('button', { name: 'Buat draf dari versi ini' }).click();
    await page.waitForURL(/#\/rulesets\/\d+$/);
    const draftId = Number(/#\/rulesets\/(\d+)$/.exec(page.url())![1]);
    expect(draftId).not.toBe(published.id);
    const original = await editorText(page);
    expect(JSON.parse(original).status ?? 'x').toBe('x'); // the document, not the row
    await shots.shot(page, 'draft-editor');

    // A deliberate error: the priority of the second rule as text.
    const broken = JSON.parse(original);
    broken.rules[1].priority = 'tinggi';
    const brokenText = JSON.stringify(broken, null, 2);
    await page.locator('textarea[name="document"]').fill(brokenText);
    await page.getByRole('button', { name: 'Simpan' }).click();
    const list = page.getByTestId('json-errors');
    await list.waitFor();
    await expect(list.textContent()).resolves.toContain('/rules/1/priority');
    const priorityLine = brokenText.split('\n').findIndex((l) => l.includes('"tinggi"')) + 1;
    await page.locator(`[data-error-line="${priorityLine}"]`).waitFor();
    await expect(list.textContent()).resolves.toContain(`Baris ${priorityLine}`);
    // A click on the error selects its line in the editor.
    await list.getByText(`Baris ${priorityLine}`).click();
    const selected = await page
      .locator('textarea[name="document"]')
      .evaluate((el: any) => el.value.slice(el.selectionStart, el.selectionEnd) as string);
    expect(selected).toContain('"priority": "tinggi"');
    await shots.shot(page, 'error-inline');
    const stillValid = await db.prisma.ruleSetVersion.findUniqueOrThrow({ where: { id: draftId } });
    expect((stillValid.document as any).rules[1].priority).toBe(1); // nothing invalid was saved

    // A syntax error is caught while typing, before any request.
    await page.locator('textarea[name="document"]').fill(brokenText.replace('"tinggi"', 'tinggi'));
    await page.getByText('JSON tidak valid:').waitFor();
    await shots.shot(page, 'syntax-error-while-typing');

    // The fix: ABOVE × MEETS gives SANGAT_BAIK, and its golden test says so.
    const fixed = JSON.parse(original);
    const rule = fixed.rules.find(
      (r: any) =>
        r.conditions.all.some((c: any) => c.fact === 'resultRating' && c.value === 'ABOVE') &&
        r.conditions.all.some((c: any) => c.fact === 'behaviourRating' && c.value === 'MEETS'),
    );
    rule.event.params.predicate = 'SANGAT_BAIK';
    rule.name = 'Hasil kerja di atas ekspektasi, perilaku sesuai ekspektasi: SANGAT_BAIK';
    const test = fixed.tests.find((t: any) => t.facts.resultRating === 'ABOVE' && t.facts.behaviourRating === 'MEETS');
    test.name = 'hasil ABOVE × perilaku MEETS → SANGAT_BAIK';
    test.expect.events[0].params.predicate = 'SANGAT_BAIK';
    fixed.description = `${fixed.description} Uji: ABOVE × MEETS menjadi SANGAT_BAIK.`;
    await page.locator('textarea[name="document"]').fill(JSON.stringify(fixed, null, 2));
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Draf disimpan dan valid').waitFor();
    expect(await page.getByTestId('json-errors').count()).toBe(0);
    await shots.shot(page, 'fixed-and-saved');
    const saved = await db.prisma.ruleSetVersion.findUniqueOrThrow({ where: { id: draftId } });
    expect(saved.status).toBe('DRAFT');

    // Simulation over the past cycle: every ABOVE × MEETS appraisal moves from BAIK to SANGAT_BAIK.
    await page.getByRole('button', { name: 'Kembali ke versi' }).click();
    await page.waitForURL(new RegExp(`#/rulesets/${draftId}/show`));
    await page.getByRole('tab', { name: 'Simulasi' }).click();
    // A select once the cycles are loaded (a plain field before).
    await page.getByRole('combobox', { name: 'Siklus lampau' }).click();
    await page.getByRole('option', { name: new RegExp(pastCycle.cycle.name.replace(/[()]/g, '.')) }).click();
    await page.getByRole('button', { name: 'Jalankan simulasi' }).click();
    await page.getByTestId('simulation-result').waitFor();
    const expected = pastCycle.pairs.filter((p) => p.resultRating === 'ABOVE' && p.behaviourRating === 'MEETS').length;
    expect(expected).toBeGreaterThan(0);
    await page.getByText(`${expected} dari ${pastCycle.pairs.length} hasil berubah`).waitFor();
    const rows = page.getByTestId('simulation-diff-row');
    expect(await rows.count()).toBe(expected);
    await expect(rows.first().textContent()).resolves.toMatch(/Baik.*Sangat Baik/);
    await page.locator('.recharts-surface').first().waitFor();
    await shots.shot(page, 'simulation-diff');

    // The comparison with the published version names the changed rule in words, version 1 before version 2.
    await page.getByRole('tab', { name: 'Perbandingan' }).click();
    await page.getByTestId('version-diff-summary').waitFor();
    await expect(page.getByTestId('version-diff-summary').textContent()).resolves.toContain(
      'Versi 1 (Terbit) → versi 2 (Draf)',
    );
    // The rule was renamed with the same conditions: one changed rule (its name and its outcome), not a removal.
    await expect(page.getByTestId('diff-rules-counts').textContent()).resolves.toBe('0 ditambah, 0 dihapus, 1 diubah');
    await expect(page.getByTestId('diff-rules-row').first().textContent()).resolves.toContain(
      'perilaku sesuai ekspektasi: Sangat Baik',
    );
    await shots.shot(page, 'version-diff');

    // Submit (golden tests pass); the author may not approve.
    await page.getByRole('tab', { name: 'Ringkasan' }).click();
    await page.getByRole('button', { name: 'Ajukan' }).click();
    await page.getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByText('Status aturan diperbarui').waitFor();
    // Pessimistic: the notification comes after the server's answer.
    expect((await db.prisma.ruleSetVersion.findUniqueOrThrow({ where: { id: draftId } })).status).toBe('SUBMITTED');
    await page.getByRole('link', { name: 'Tinjau & setujui' }).click();
    await page.getByTestId('review-four-eyes').waitFor();
    await expect(page.getByTestId('review-four-eyes').textContent()).resolves.toContain(
      'Anda tidak dapat menyetujui versi ini',
    );
    await expect(page.getByRole('button', { name: 'Setujui & terbitkan' }).isDisabled()).resolves.toBe(true);
    await shots.shot(page, 'submitted-author-cannot-approve');
    expect(errors).toEqual([]);
    await context.close();

    // A second HR admin approves and publishes.
    const second = await newSession(browser);
    await signIn(second.page, server.url, 'admin2');
    await second.page.goto(`${server.url}/#/rulesets/${draftId}/show/review`);
    await second.page.getByRole('button', { name: 'Setujui & terbitkan' }).click();
    await second.page.getByRole('button', { name: 'Konfirmasi' }).click();
    await second.page.getByText('Versi diterbitkan').waitFor();
    await second.page.getByText(/Disetujui dan diterbitkan oleh admin2/).waitFor();
    await shots.shot(second.page, 'published-by-second-admin');
    const row = await db.prisma.ruleSetVersion.findUniqueOrThrow({ where: { id: draftId } });
    const admin2 = await db.prisma.user.findUniqueOrThrow({ where: { username: 'admin2' } });
    expect(row).toMatchObject({ status: 'PUBLISHED', approvedById: admin2.id });
    expect(
      (row.document as any).rules.some(
        (r: any) => r.event.params.predicate === 'SANGAT_BAIK' && r.name.includes('sesuai ekspektasi'),
      ),
    ).toBe(true);
    const audit = await db.prisma.auditEvent.findMany({
      where: { entity: 'rule-set-version', entityId: String(draftId) },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => `${a.actor}:${a.action}`)).toEqual([
      'admin:create-draft',
      'admin:save-draft',
      'admin:submit',
      'admin2:approve',
    ]);
    expect(second.errors).toEqual([]);
    await second.context.close();
  });
});
