/**
 * Four eyes on rule sets in a real Chromium. `admin` drafts a SCORING change (ABOVE × MEETS becomes SANGAT_BAIK, its
 * golden test follows, one test added) and submits it; the review tab tells them in words that they may not approve
 * it (in Bahasa Indonesia and in English). `admin2` reads the review — who drafted and submitted, the rule and
 * golden-test changes in words, codes in names too, with the older wording under "Sebelum" and the newer under
 * "Sesudah" — and publishes. Then the
 * two-step retirement: `admin` requests it, a stale tab of theirs trying again is refused by the server's four-eyes
 * rule (worded, not a code), `admin` withdraws and requests again, and `admin2` approves. Screenshots in
 * test/.artifacts/screenshots/rule-review/.
 */
import type { Page } from 'playwright-core';
import { demoConsole, describeInBrowser, newSession, screenshots, signIn } from './harness';

/** A table of the review as a person reads it: one object per row, keyed by the column headings (row spans resolved). */
function readTable(page: Page, testId: string): Promise<Record<string, string>[]> {
  return page.getByTestId(testId).evaluate((root: any) => {
    const table = root.querySelector('table');
    const heads: string[] = [...table.querySelectorAll('thead th')].map((th: any) => String(th.textContent).trim());
    const carried: (string | null)[] = heads.map(() => null);
    const left: number[] = heads.map(() => 0);
    return [...table.querySelectorAll('tbody tr')].map((tr: any) => {
      const cells: any[] = [...tr.querySelectorAll('td')];
      const row: Record<string, string> = {};
      let c = 0;
      heads.forEach((h, i) => {
        if (left[i] > 0) {
          left[i] -= 1;
          row[h] = carried[i]!;
          return;
        }
        const td = cells[c++];
        row[h] = String(td.textContent).trim();
        if (td.rowSpan > 1) {
          carried[i] = row[h];
          left[i] = td.rowSpan - 1;
        }
      });
      return row;
    });
  });
}

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

/** The text of an element once it reads `pattern` (the screen refreshes after the server's answer). */
async function textOnce(page: Page, testId: string, pattern: RegExp): Promise<string> {
  await page.getByTestId(testId).filter({ hasText: pattern }).waitFor();
  return text(page, testId);
}

async function confirm(page: Page, question: string) {
  await expect(page.getByTestId('confirm-text').innerText()).resolves.toBe(question);
  await page.getByRole('button', { name: 'Konfirmasi' }).click();
}

describeInBrowser('rule-set review: four eyes in words, publish, two-step retirement (Chromium)', () => {
  const demo = demoConsole('browser_review');
  const shots = screenshots('rule-review');

  it('the author cannot approve; a second admin reads the changes and publishes; retirement takes two admins', async () => {
    const prisma = demo.db.prisma;
    const v1 = await prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SCORING', status: 'PUBLISHED' } });
    const author = await newSession(demo.browser);
    const page = author.page;
    await signIn(page, demo.url, 'admin');

    // admin drafts from the published version and changes one rule and its golden test, and adds a test.
    await page.goto(`${demo.url}/#/rulesets/${v1.id}/show`);
    await page.getByRole('button', { name: 'Buat draf dari versi ini' }).click();
    await page.waitForURL(/#\/rulesets\/\d+$/);
    const id = Number(/#\/rulesets\/(\d+)$/.exec(page.url())![1]);
    const doc = JSON.parse(await page.locator('textarea[name="document"]').inputValue());
    const rule = doc.rules.find(
      (r: any) => r.conditions.all[0].value === 'ABOVE' && r.conditions.all[1].value === 'MEETS',
    );
    rule.event.params.predicate = 'SANGAT_BAIK';
    rule.name = 'Hasil kerja di atas ekspektasi, perilaku sesuai ekspektasi: SANGAT_BAIK';
    const test = doc.tests.find((t: any) => t.facts.resultRating === 'ABOVE' && t.facts.behaviourRating === 'MEETS');
    test.name = 'hasil ABOVE × perilaku MEETS → SANGAT_BAIK';
    test.expect.events[0].params.predicate = 'SANGAT_BAIK';
    doc.tests.push({
      name: 'hasil BELOW × perilaku ABOVE → BUTUH_PERBAIKAN (kasus tambahan)',
      facts: { resultRating: 'BELOW', behaviourRating: 'ABOVE' },
      expect: { events: [{ type: 'predicate', params: { predicate: 'BUTUH_PERBAIKAN' } }] },
    });
    await page.locator('textarea[name="document"]').fill(JSON.stringify(doc, null, 2));
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Draf disimpan dan valid').waitFor();
    await page.getByRole('button', { name: 'Kembali ke versi' }).click();
    await page.getByRole('button', { name: 'Ajukan' }).click();
    await page.getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByText('Status aturan diperbarui').waitFor();
    expect((await prisma.ruleSetVersion.findUniqueOrThrow({ where: { id } })).status).toBe('SUBMITTED');

    // The review tells the author, in words, why they may not approve; the button is off.
    await page.getByRole('link', { name: 'Tinjau & setujui' }).click();
    await page.waitForURL(new RegExp(`#/rulesets/${id}/show/review$`));
    await expect(text(page, 'review-four-eyes')).resolves.toBe(
      'Anda tidak dapat menyetujui versi ini karena Anda menyusun, mengubah dan mengajukan versi ini. ' +
        'Aturan empat mata: persetujuan harus oleh admin SDM lain, bukan admin.',
    );
    await expect(page.getByRole('button', { name: 'Setujui & terbitkan' }).isDisabled()).resolves.toBe(true);
    await expect(text(page, 'review-people')).resolves.toContain('Disusun oleh admin (Anda).');
    await shots.shot(page, 'author-cannot-approve');
    // The same in English, on the language switch.
    await page.locator('button[aria-controls="simple-menu"]', { hasText: 'Bahasa Indonesia' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('You cannot approve', { exact: false }).waitFor();
    await expect(text(page, 'review-four-eyes')).resolves.toBe(
      'You cannot approve this version because you drafted, edited and submitted it. ' +
        'Four-eyes rule: another HR admin must approve, not admin.',
    );
    await shots.shot(page, 'author-cannot-approve-en');
    await page.locator('button[aria-controls="simple-menu"]', { hasText: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Bahasa Indonesia' }).click();
    await page.getByText('Anda tidak dapat menyetujui', { exact: false }).waitFor();

    // admin2 reads the review.
    const second = await newSession(demo.browser);
    const p2 = second.page;
    await signIn(p2, demo.url, 'admin2');
    await p2.goto(`${demo.url}/#/rulesets/${id}/show/review`);
    await p2.getByTestId('ruleset-review').waitFor();
    await expect(text(p2, 'review-replaces')).resolves.toBe('Menggantikan versi 1 (berlaku mulai 1 Jan 2026).');
    const people = await text(p2, 'review-people');
    expect(people).toContain('Disusun oleh admin.');
    expect(people).toContain('Diubah oleh admin.');
    expect(people).toMatch(/Diajukan oleh admin pada \d{1,2} \w{3} \d{4}/);
    await expect(text(p2, 'review-golden')).resolves.toBe(`Semua ${doc.tests.length} kasus uji emas lulus.`);
    await expect(text(p2, 'review-four-eyes')).resolves.toBe(
      'Anda tidak menyusun, mengubah, atau mengajukan versi ini: Anda dapat menyetujuinya.',
    );
    await expect(text(p2, 'review-rules-counts')).resolves.toBe('0 ditambah, 0 dihapus, 1 diubah');
    expect(await readTable(p2, 'review-rules')).toEqual([
      {
        Nama: 'Hasil kerja di atas ekspektasi, perilaku sesuai ekspektasi: Sangat Baik',
        Perubahan: 'Diubah',
        Bagian: 'Nama',
        Sebelum: 'Hasil kerja di atas ekspektasi, perilaku sesuai ekspektasi: Baik',
        Sesudah: 'Hasil kerja di atas ekspektasi, perilaku sesuai ekspektasi: Sangat Baik',
      },
      {
        Nama: 'Hasil kerja di atas ekspektasi, perilaku sesuai ekspektasi: Sangat Baik',
        Perubahan: 'Diubah',
        Bagian: 'Hasil',
        Sebelum: 'Predikat Baik',
        Sesudah: 'Predikat Sangat Baik',
      },
    ]);
    await expect(text(p2, 'review-tests-counts')).resolves.toBe('1 ditambah, 0 dihapus, 1 diubah');
    expect(await readTable(p2, 'review-tests')).toEqual([
      {
        Nama: 'hasil di atas ekspektasi × perilaku sesuai ekspektasi → Sangat Baik',
        Perubahan: 'Diubah',
        Bagian: 'Nama',
        Sebelum: 'hasil di atas ekspektasi × perilaku sesuai ekspektasi → Baik',
        Sesudah: 'hasil di atas ekspektasi × perilaku sesuai ekspektasi → Sangat Baik',
      },
      {
        Nama: 'hasil di atas ekspektasi × perilaku sesuai ekspektasi → Sangat Baik',
        Perubahan: 'Diubah',
        Bagian: 'Hasil yang diharapkan',
        Sebelum: 'Predikat Baik',
        Sesudah: 'Predikat Sangat Baik',
      },
      {
        Nama: 'hasil di bawah ekspektasi × perilaku di atas ekspektasi → Butuh Perbaikan (kasus tambahan)',
        Perubahan: 'Ditambah',
        Bagian: 'Fakta uji',
        Sebelum: '—',
        Sesudah: 'rating hasil kerja: di bawah ekspektasi; rating perilaku: di atas ekspektasi',
      },
      {
        Nama: 'hasil di bawah ekspektasi × perilaku di atas ekspektasi → Butuh Perbaikan (kasus tambahan)',
        Perubahan: 'Ditambah',
        Bagian: 'Hasil yang diharapkan',
        Sebelum: '—',
        Sesudah: 'Predikat Butuh Perbaikan',
      },
    ]);
    await shots.shot(p2, 'second-admin-review');

    await p2.getByRole('button', { name: 'Setujui & terbitkan' }).click();
    await confirm(
      p2,
      'Setujui dan terbitkan Predikat kinerja versi 2? Versi ini menggantikan versi 1: siklus yang dimulai sejak ' +
        '1 Jan 2026 akan memakainya. Tindakan ini tidak dapat dibatalkan.',
    );
    await p2.getByText('Versi diterbitkan').waitFor();
    await p2.getByText(/Disetujui dan diterbitkan oleh admin2 \(Anda\) pada/).waitFor();
    const admin2 = await prisma.user.findUniqueOrThrow({ where: { username: 'admin2' } });
    expect(await prisma.ruleSetVersion.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'PUBLISHED',
      approvedById: admin2.id,
    });
    await shots.shot(p2, 'published');

    // Retirement, step one: admin requests it. A second tab of theirs, opened before, is left stale.
    await page.reload();
    await expect(text(page, 'review-retire-status')).resolves.toBe('Belum ada permintaan pensiun.');
    const stale = await author.context.newPage();
    await stale.goto(`${demo.url}/#/rulesets/${id}/show/review`);
    await stale.getByTestId('review-retire-status').waitFor();
    await page.getByRole('button', { name: 'Minta pensiun' }).click();
    await confirm(
      page,
      'Minta pensiun Predikat kinerja versi 2? Versi ini tetap berlaku sampai admin SDM lain menyetujui permintaan.',
    );
    await page.getByText('Permintaan pensiun dicatat; menunggu admin SDM lain').waitFor();
    await expect(textOnce(page, 'review-retire-status', /^Pensiun diminta/)).resolves.toMatch(
      /^Pensiun diminta oleh admin \(Anda\) pada .+; menunggu persetujuan admin SDM lain\.$/,
    );
    expect(await page.getByRole('button', { name: 'Setujui pensiun' }).count()).toBe(0);
    await shots.shot(page, 'retire-requested');

    // The stale tab still offers the request; the server refuses the requester's second call, in words.
    await stale.getByRole('button', { name: 'Minta pensiun' }).click();
    await stale.getByRole('button', { name: 'Konfirmasi' }).click();
    await expect(
      stale
        .getByTestId('review-refusal')
        .innerText({ timeout: 20_000 })
        .then((s) => s.trim()),
    ).resolves.toBe(
      'Ditolak oleh aturan empat mata: pensiun versi ini diminta oleh admin. Admin SDM lain yang harus menyetujuinya.',
    );
    expect(await stale.getByText('FOUR_EYES').count()).toBe(0);
    await shots.shot(stale, 'stale-tab-refused');
    await stale.close();
    expect((await prisma.ruleSetVersion.findUniqueOrThrow({ where: { id } })).status).toBe('PUBLISHED');

    // admin withdraws, then asks again.
    await page.getByRole('button', { name: 'Tarik permintaan' }).click();
    await confirm(page, 'Tarik permintaan pensiun Predikat kinerja versi 2? Versi ini tetap berlaku.');
    await page.getByText('Permintaan pensiun ditarik').waitFor();
    await page.getByText('Belum ada permintaan pensiun.').waitFor();
    await page.getByRole('button', { name: 'Minta pensiun' }).click();
    await page.getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByText(/Pensiun diminta oleh admin \(Anda\)/).waitFor();

    // Step two: admin2 approves.
    await p2.reload();
    await expect(text(p2, 'review-retire-status')).resolves.toMatch(
      /^Pensiun diminta oleh admin pada .+; menunggu persetujuan admin SDM lain\.$/,
    );
    await p2.getByRole('button', { name: 'Setujui pensiun' }).click();
    await confirm(
      p2,
      'Pensiunkan Predikat kinerja versi 2 yang diminta oleh admin? Siklus baru tidak dapat lagi memakainya.',
    );
    await p2.getByText('Versi dipensiunkan').waitFor();
    await p2.getByText('Dipensiunkan oleh admin2 (Anda).').waitFor();
    await shots.shot(p2, 'retired');
    expect(await prisma.ruleSetVersion.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'RETIRED',
      retiredById: admin2.id,
    });
    const audit = await prisma.auditEvent.findMany({
      where: { entity: 'rule-set-version', entityId: String(id) },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => `${a.actor}:${a.action}`)).toEqual([
      'admin:create-draft',
      'admin:save-draft',
      'admin:submit',
      'admin2:approve',
      'admin:retire-request',
      'admin:retire-withdraw',
      'admin:retire-request',
      'admin2:retire',
    ]);
    expect(author.errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await author.context.close();
    await second.context.close();
  });
});
