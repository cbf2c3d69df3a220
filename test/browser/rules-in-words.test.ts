/**
 * The rule screens in words, in a real Chromium, in Bahasa Indonesia and English (issue 13, part "con-rules"):
 * - the decision table is a grid of work result × behaviour, each cell the predicate in words, the deciding rule on
 *   hover and on keyboard focus (cells are tab stops);
 * - the golden tests say facts, expected and actual outcome in words;
 * - the comparison of two versions reads older → newer in words, whichever version the page stands on;
 * - submitting, deleting and publishing a version ask first, naming the version and what follows;
 * - an appraisal's explanation is worded from the stored facts and rule trace: no "(ABOVE)", no "SCORING versi 1",
 *   even for an explanation stored with the old wording (kept intact for auditors).
 * Screenshots in test/.artifacts/screenshots/rules-in-words/.
 */
import type { Page } from 'playwright-core';
import { seedPastCycle } from './fixtures';
import { demoConsole, describeInBrowser, newSession, screenshots, signIn, switchLanguage } from './harness';

const text = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).first().innerText()).replace(/\s+/g, ' ').trim();

/** A table as a person reads it: one object per body row, keyed by the column headings (row spans resolved). */
function readTable(page: Page, testId: string): Promise<Record<string, string>[]> {
  return page.getByTestId(testId).evaluate((root: any) => {
    const table = root.tagName === 'TABLE' ? root : root.querySelector('table');
    const heads: string[] = [...table.querySelectorAll('thead th')].map((th: any) => String(th.textContent).trim());
    const carried: (string | null)[] = heads.map(() => null);
    const left: number[] = heads.map(() => 0);
    return [...table.querySelectorAll('tbody tr')].map((tr: any) => {
      const cells: any[] = [...tr.querySelectorAll('td, th')];
      const row: Record<string, string> = {};
      let c = 0;
      heads.forEach((h, i) => {
        if (left[i] > 0) {
          left[i] -= 1;
          row[h] = carried[i]!;
          return;
        }
        const td = cells[c++];
        row[h] = String(td?.textContent ?? '').trim();
        if (td?.rowSpan > 1) {
          carried[i] = row[h];
          left[i] = td.rowSpan - 1;
        }
      });
      return row;
    });
  });
}

/** No code of the domain, no raw JSON on what the page shows. */
async function noCodes(page: Page, testId: string) {
  const shown = await text(page, testId);
  expect(shown).not.toMatch(/\b(ABOVE|MEETS|BELOW|SANGAT_BAIK|BUTUH_PERBAIKAN|SANGAT_KURANG|SCORING)\b|[{}"]\w+":/);
}

const cell = (page: Page, row: string, column: string) =>
  page.locator(`[data-testid="decision-cell"][data-row="${row}"][data-column="${column}"]`);

describeInBrowser('rules in words: decision table, golden tests, diff, confirmations, explanations (Chromium)', () => {
  const demo = demoConsole('browser_rules_words');
  const shots = screenshots('rules-in-words');

  it('an explanation reads in words from the stored facts and rules, even when stored with the old codes', async () => {
    const prisma = demo.db.prisma;
    const past = await seedPastCycle(prisma, 9);
    const appraisals = await prisma.appraisal.findMany({
      where: { cycleId: past.cycle.id },
      include: { review: true },
      orderBy: { id: 'asc' },
    });
    const target = appraisals.find((a) => a.review?.resultRating === 'ABOVE' && a.review?.behaviourRating === 'MEETS')!;
    // Stored as explanations were worded before: codes in brackets, the rule set as "SCORING versi 1".
    const stored = structuredClone(target.predicateExplanation) as any;
    const rule = stored.explanation.fired[0] as string;
    const legacy = {
      id: `Predikat Baik (BAIK) karena rating hasil kerja di atas ekspektasi (ABOVE) dan rating perilaku sesuai ekspektasi (MEETS) (aturan "${rule}", SCORING versi 1)`,
      en: `Predicate Good (BAIK) because work-result rating above expectations (ABOVE) and behaviour rating meets expectations (MEETS) (rule "${rule}", SCORING version 1)`,
    };
    stored.explanation.text = legacy;
    for (const r of stored.explanation.rules) if (r.fired) r.text = legacy;
    await prisma.appraisal.update({ where: { id: target.id }, data: { predicateExplanation: stored } });

    const { context, page, errors } = await newSession(demo.browser);
    await signIn(page, demo.url, 'admin');
    await page.goto(`${demo.url}/#/appraisals/${target.id}/show`);
    await page.getByTestId('explanation-text').waitFor();
    await expect(text(page, 'explanation-text')).resolves.toBe(
      'Predikat Baik karena rating hasil kerja di atas ekspektasi dan rating perilaku sesuai ekspektasi',
    );
    await expect(text(page, 'explanation-ruleset')).resolves.toBe(
      'Ditentukan oleh aturan "Hasil kerja di atas ekspektasi, perilaku sesuai ekspektasi: Baik" dalam aturan ' +
        'Predikat kinerja versi 1 (berlaku mulai 1 Jan 2026).',
    );
    await noCodes(page, 'predicate-explanation');
    await shots.shot(page, 'explanation');

    await switchLanguage(page, 'en');
    await page.getByTestId('explanation-text').filter({ hasText: 'because' }).waitFor();
    await expect(text(page, 'explanation-text')).resolves.toMatch(
      /^Predicate Good\b.* because work-result rating above expectations and behaviour rating meets expectations$/,
    );
    await expect(text(page, 'explanation-ruleset')).resolves.toMatch(
      /^Decided by the rule "Hasil kerja di atas ekspektasi, perilaku sesuai ekspektasi: Baik" of the rule set .+ version 1 \(in force from 1 Jan 2026\)\.$/,
    );
    await noCodes(page, 'predicate-explanation');
    await shots.shot(page, 'explanation-en');
    await switchLanguage(page, 'id');

    // What auditors rely on is stored as it was.
    const after = await prisma.appraisal.findUniqueOrThrow({ where: { id: target.id } });
    expect((after.predicateExplanation as any).explanation.text).toEqual(legacy);
    expect((after.predicateExplanation as any).facts).toEqual({ resultRating: 'ABOVE', behaviourRating: 'MEETS' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the decision table is a grid of predicates in words, the deciding rule on hover and keyboard focus', async () => {
    const v1 = await demo.db.prisma.ruleSetVersion.findFirstOrThrow({
      where: { kind: 'SCORING', status: 'PUBLISHED' },
    });
    const { context, page, errors } = await newSession(demo.browser);
    await signIn(page, demo.url, 'admin');
    await page.goto(`${demo.url}/#/rulesets/${v1.id}/show/table`);
    await page.getByTestId('decision-table').waitFor();
    // The app bar names the version in words, not "SCORING v1".
    await page.locator('header').getByText('Aturan Predikat kinerja versi 1').waitFor();
    expect(await readTable(page, 'decision-table')).toEqual([
      {
        'rating hasil kerja \\ rating perilaku': 'Di atas ekspektasi',
        'Di atas ekspektasi': 'Predikat Sangat Baik',
        'Sesuai ekspektasi': 'Predikat Baik',
        'Di bawah ekspektasi': 'Predikat Kurang',
      },
      {
        'rating hasil kerja \\ rating perilaku': 'Sesuai ekspektasi',
        'Di atas ekspektasi': 'Predikat Baik',
        'Sesuai ekspektasi': 'Predikat Baik',
        'Di bawah ekspektasi': 'Predikat Kurang',
      },
      {
        'rating hasil kerja \\ rating perilaku': 'Di bawah ekspektasi',
        'Di atas ekspektasi': 'Predikat Butuh Perbaikan',
        'Sesuai ekspektasi': 'Predikat Butuh Perbaikan',
        'Di bawah ekspektasi': 'Predikat Sangat Kurang',
      },
    ]);
    await expect(text(page, 'decision-table-coverage')).resolves.toBe('Setiap kombinasi diatur tepat satu aturan.');
    await noCodes(page, 'decision-table');

    // From the keyboard: the first cell, then Tab to the next; the tooltip names the deciding rule in words.
    await cell(page, 'ABOVE', 'ABOVE').focus();
    await page.keyboard.press('Tab');
    await expect(
      page.evaluate(() => (globalThis as any).document.activeElement?.dataset?.column as string),
    ).resolves.toBe('MEETS');
    await page
      .getByRole('tooltip')
      .filter({ hasText: 'Aturan yang menentukan: "Hasil kerja di atas ekspektasi, perilaku sesuai ekspektasi: Baik"' })
      .waitFor();
    await expect(cell(page, 'ABOVE', 'MEETS').getAttribute('aria-label')).resolves.toBe(
      'rating hasil kerja di atas ekspektasi dan rating perilaku sesuai ekspektasi: Predikat Baik',
    );
    await shots.shot(page, 'decision-table-focus');
    // With the pointer.
    await cell(page, 'BELOW', 'BELOW').hover();
    await page
      .getByRole('tooltip')
      .filter({ hasText: 'Hasil kerja di bawah ekspektasi, perilaku di bawah ekspektasi: Sangat Kurang' })
      .waitFor();
    await shots.shot(page, 'decision-table-hover');

    // English.
    await switchLanguage(page, 'en');
    await page.getByText('Rows: work-result rating.', { exact: false }).waitFor();
    await page
      .locator('header')
      .getByText(/^Rule set .+ version 1$/)
      .waitFor();
    const en = await readTable(page, 'decision-table');
    expect(Object.keys(en[0])).toEqual([
      'work-result rating \\ behaviour rating',
      'Above expectations',
      'Meets expectations',
      'Below expectations',
    ]);
    expect(en.map((r) => r['work-result rating \\ behaviour rating'])).toEqual([
      'Above expectations',
      'Meets expectations',
      'Below expectations',
    ]);
    await expect(cell(page, 'MEETS', 'MEETS').innerText()).resolves.toMatch(/^Predicate \S/);
    await cell(page, 'MEETS', 'BELOW').hover();
    await page
      .getByRole('tooltip')
      .filter({ hasText: /^Deciding rule: "Hasil kerja sesuai ekspektasi, perilaku di bawah ekspektasi: .+"$/ })
      .waitFor();
    await noCodes(page, 'decision-table');
    await shots.shot(page, 'decision-table-en');
    // The version's dates follow the language too.
    await page.getByRole('tab', { name: 'Summary' }).click();
    await expect(text(page, 'ruleset-effective-from')).resolves.toBe('1 January 2026');
    await switchLanguage(page, 'id');
    await page.getByTestId('ruleset-effective-from').filter({ hasText: 'Januari' }).waitFor();
    await expect(text(page, 'ruleset-effective-from')).resolves.toBe('1 Januari 2026');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('golden tests and the comparison read in words, older → newer; submit, delete and publish ask first', async () => {
    const prisma = demo.db.prisma;
    const v1 = await prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SCORING', status: 'PUBLISHED' } });
    const { context, page, errors } = await newSession(demo.browser);
    await signIn(page, demo.url, 'admin');
    await page.goto(`${demo.url}/#/rulesets/${v1.id}/show`);
    await page.getByRole('button', { name: 'Buat draf dari versi ini' }).click();
    await page.waitForURL(/#\/rulesets\/\d+$/);
    const id = Number(/#\/rulesets\/(\d+)$/.exec(page.url())![1]);
    // ABOVE × MEETS becomes SANGAT_BAIK; its golden test still expects BAIK (so it fails).
    const doc = JSON.parse(await page.locator('textarea[name="document"]').inputValue());
    const rule = doc.rules.find(
      (r: any) => r.conditions.all[0].value === 'ABOVE' && r.conditions.all[1].value === 'MEETS',
    );
    rule.event.params.predicate = 'SANGAT_BAIK';
    await page.locator('textarea[name="document"]').fill(JSON.stringify(doc, null, 2));
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Draf disimpan dan valid').waitFor();
    await page.getByRole('button', { name: 'Kembali ke versi' }).click();

    // Golden tests: the failed case in words.
    await page.getByRole('tab', { name: 'Uji emas' }).click();
    await page.getByRole('button', { name: 'Jalankan uji emas' }).click();
    await page.getByTestId('golden-table').waitFor();
    const golden = await readTable(page, 'golden-table');
    expect(golden.find((r) => r.Hasil === 'Gagal')).toEqual({
      Kasus: 'hasil di atas ekspektasi × perilaku sesuai ekspektasi → Baik',
      Hasil: 'Gagal',
      Fakta: 'rating hasil kerja: di atas ekspektasi; rating perilaku: sesuai ekspektasi',
      'Hasil yang diharapkan': 'Predikat Baik',
      'Hasil sebenarnya': 'Predikat Sangat Baik',
    });
    expect(golden.find((r) => r.Kasus === 'rating perilaku wajib diisi')).toMatchObject({
      Hasil: 'Lulus',
      Fakta: 'rating hasil kerja: sesuai ekspektasi',
      'Hasil yang diharapkan': 'ditolak: rating perilaku tidak sah',
    });
    await noCodes(page, 'golden-table');
    await shots.shot(page, 'golden-failed');
    await switchLanguage(page, 'en');
    await page.getByRole('button', { name: 'Run golden tests' }).click();
    await page.getByText('Expected outcome').waitFor();
    const goldenEn = await readTable(page, 'golden-table');
    const failedEn = goldenEn.find((r) => r['Actual outcome'] !== '');
    expect(failedEn).toMatchObject({
      Facts: 'work-result rating: above expectations; behaviour rating: meets expectations',
    });
    expect(failedEn!['Expected outcome']).toMatch(/^Predicate Good\b/);
    await noCodes(page, 'golden-table');
    await shots.shot(page, 'golden-failed-en');
    await switchLanguage(page, 'id');

    // The golden test follows the rule; saved again.
    await page.goto(`${demo.url}/#/rulesets/${id}`);
    const test = doc.tests.find((t: any) => t.facts.resultRating === 'ABOVE' && t.facts.behaviourRating === 'MEETS');
    test.expect.events[0].params.predicate = 'SANGAT_BAIK';
    await page.locator('textarea[name="document"]').fill(JSON.stringify(doc, null, 2));
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Draf disimpan dan valid').waitFor();
    await page.getByRole('button', { name: 'Kembali ke versi' }).click();

    // The comparison from the draft: version 1 → version 2.
    await page.getByRole('tab', { name: 'Perbandingan' }).click();
    await page.getByTestId('version-diff-summary').waitFor();
    await expect(text(page, 'version-diff-summary')).resolves.toBe(
      'Versi 1 (Terbit) → versi 2 (Draf): "Sebelum" adalah versi 1, "Sesudah" adalah versi 2.',
    );
    const ruleRow = {
      Nama: 'Hasil kerja di atas ekspektasi, perilaku sesuai ekspektasi: Baik',
      Perubahan: 'Diubah',
      Bagian: 'Hasil',
      Sebelum: 'Predikat Baik',
      Sesudah: 'Predikat Sangat Baik',
    };
    expect(await readTable(page, 'diff-rules')).toEqual([ruleRow]);
    expect(await readTable(page, 'diff-tests')).toEqual([
      {
        Nama: 'hasil di atas ekspektasi × perilaku sesuai ekspektasi → Baik',
        Perubahan: 'Diubah',
        Bagian: 'Hasil yang diharapkan',
        Sebelum: 'Predikat Baik',
        Sesudah: 'Predikat Sangat Baik',
      },
    ]);
    await noCodes(page, 'version-diff');
    await shots.shot(page, 'diff-from-draft');

    // From version 1's own page, compared with the draft: still older as "Sebelum", newer as "Sesudah".
    await page.goto(`${demo.url}/#/rulesets/${v1.id}/show/diff`);
    await page.getByRole('combobox', { name: 'Bandingkan dengan versi' }).click();
    await page.getByRole('option', { name: /versi 2/ }).click();
    await page.getByTestId('version-diff-summary').filter({ hasText: 'versi 2 (Draf)' }).waitFor();
    await expect(text(page, 'version-diff-summary')).resolves.toBe(
      'Versi 1 (Terbit) → versi 2 (Draf): "Sebelum" adalah versi 1, "Sesudah" adalah versi 2.',
    );
    expect(await readTable(page, 'diff-rules')).toEqual([ruleRow]);
    await shots.shot(page, 'diff-from-published');
    await switchLanguage(page, 'en');
    await page.getByTestId('version-diff-summary').filter({ hasText: 'Version 1' }).waitFor();
    await expect(text(page, 'version-diff-summary')).resolves.toBe(
      'Version 1 (Published) → version 2 (Draft): "Before" is version 1, "After" is version 2.',
    );
    const en = await readTable(page, 'diff-rules');
    expect(en).toHaveLength(1);
    expect(en[0]).toMatchObject({ Change: 'Changed', Part: 'Outcome' });
    expect(en[0].Before).toMatch(/^Predicate Good\b/);
    expect(en[0].After).toMatch(/^Predicate Outstanding\b/);
    await noCodes(page, 'version-diff');
    await shots.shot(page, 'diff-from-published-en');

    // Submitting asks first, naming the version and what follows (English, then Indonesian).
    await page.goto(`${demo.url}/#/rulesets/${id}/show`);
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(text(page, 'confirm-text')).resolves.toBe(
      'Submit Predicate version 2 for approval? Its golden tests must pass, and another HR admin must ' +
        'approve it before it applies to cycles starting from 1 Jan 2026.',
    );
    await page.getByRole('button', { name: 'Cancel' }).click();
    await switchLanguage(page, 'id');
    await page.getByRole('button', { name: 'Ajukan' }).click();
    await expect(text(page, 'confirm-text')).resolves.toBe(
      'Ajukan Predikat kinerja versi 2 untuk disetujui? Kasus uji emas harus lulus, dan admin SDM lain harus ' +
        'menyetujuinya sebelum versi ini berlaku untuk siklus yang dimulai sejak 1 Jan 2026.',
    );
    await shots.shot(page, 'confirm-submit');
    await page.getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByText('Status aturan diperbarui').waitFor();
    expect((await prisma.ruleSetVersion.findUniqueOrThrow({ where: { id } })).status).toBe('SUBMITTED');

    // Deleting a draft asks first too (a second draft, deleted).
    await page.goto(`${demo.url}/#/rulesets/${v1.id}/show`);
    await page.getByRole('button', { name: 'Buat draf dari versi ini' }).click();
    await page.waitForURL(/#\/rulesets\/\d+$/);
    const other = Number(/#\/rulesets\/(\d+)$/.exec(page.url())![1]);
    await page.goto(`${demo.url}/#/rulesets/${other}/show`);
    await page.getByRole('button', { name: 'Hapus' }).click();
    await expect(text(page, 'confirm-text')).resolves.toBe(
      'Hapus draf Predikat kinerja versi 3? Draf ini hilang dan tidak dapat dipulihkan.',
    );
    await shots.shot(page, 'confirm-delete');
    await page.getByRole('button', { name: 'Konfirmasi' }).click();
    await page.waitForURL(/#\/rulesets$/);
    expect(await prisma.ruleSetVersion.findUnique({ where: { id: other } })).toBeNull();
    expect(errors).toEqual([]);
    await context.close();

    // A second admin publishes: the question names the version it replaces.
    const second = await newSession(demo.browser);
    await signIn(second.page, demo.url, 'admin2');
    await second.page.goto(`${demo.url}/#/rulesets/${id}/show/review`);
    await second.page.getByRole('button', { name: 'Setujui & terbitkan' }).click();
    await expect(text(second.page, 'confirm-text')).resolves.toBe(
      'Setujui dan terbitkan Predikat kinerja versi 2? Versi ini menggantikan versi 1: siklus yang dimulai sejak ' +
        '1 Jan 2026 akan memakainya. Tindakan ini tidak dapat dibatalkan.',
    );
    await shots.shot(second.page, 'confirm-publish');
    await second.page.getByRole('button', { name: 'Konfirmasi' }).click();
    await second.page.getByText('Versi diterbitkan').waitFor();
    expect((await prisma.ruleSetVersion.findUniqueOrThrow({ where: { id } })).status).toBe('PUBLISHED');
    expect(second.errors).toEqual([]);
    await second.context.close();
  });
});
