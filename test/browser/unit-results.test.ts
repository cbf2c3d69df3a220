/**
 * The public served in the console (issue 15, item 4; real Chromium, real API and PostgreSQL): HR imports a unit's
 * satisfaction index on the import page's "Hasil unit (IKM)" tab — the dry run words every bad row, the corrected file
 * imports — and the cycle page, whose DISTRIBUTION version proposes unit ratings from the index, shows the proposed
 * rating with words naming the figure and its source, in both languages.
 * Screenshots in test/.artifacts/screenshots/unit-results/.
 */
import { withSatisfaction } from '../helpers/satisfaction-rules';
import { checkA11y, demoConsole, describeInBrowser, newSession, screenshots, signIn, switchLanguage } from './harness';

describeInBrowser('unit results and the unit rating they propose, in the console (Chromium)', () => {
  const demo = demoConsole('browser_unit_results');
  const shots = screenshots('unit-results');

  it('HR imports the satisfaction index and reads the proposed unit rating with its figure and source', async () => {
    const db = demo.db.prisma;
    const pegawai = await db.employee.findFirstOrThrow({ where: { user: { username: 'pegawai' } } });
    const unit = await db.unit.findUniqueOrThrow({ where: { id: pegawai.unitId } });
    const span = await db.period.findFirstOrThrow({ where: { type: 'YEAR' }, orderBy: { year: 'desc' } });
    const year = span.year;
    // A DISTRIBUTION version with the proposal rules, published (the lifecycle is proven in test/imports), pinned.
    const v1 = await db.ruleSetVersion.findFirstOrThrow({ where: { kind: 'DISTRIBUTION', status: 'PUBLISHED' } });
    const doc = { ...withSatisfaction(v1.document), version: v1.version + 1 };
    const v2 = await db.ruleSetVersion.create({
      data: {
        ruleSetId: v1.ruleSetId,
        kind: 'DISTRIBUTION',
        version: v1.version + 1,
        name: doc.name,
        effectiveFrom: v1.effectiveFrom,
        document: doc,
        contentHash: 'uji-ikm',
        status: 'PUBLISHED',
        publishedAt: new Date(),
      },
    });
    const cycle = await db.cycle.create({
      data: {
        name: `Penilaian Kinerja ${year} (IKM)`,
        unitId: unit.id,
        periodId: span.id,
        status: 'RUNNING',
        distributionVersionId: v2.id,
        workflowId: `cycle-ikm-ui-${year}`,
      },
    });

    const { context, page, errors } = await newSession(demo.browser);
    await signIn(page, demo.url, 'admin');
    await page.getByText('Impor CSV', { exact: true }).first().click();
    await page.waitForURL(/#\/imports/);
    await page.getByRole('tab', { name: 'Hasil unit (IKM)' }).click();
    await page.getByText('kodeUnit,periode,jenis,nilai,sumber').waitFor();
    await page
      .getByTestId('unit-results-help')
      .getByText(/indeks kepuasan masyarakat hasil SKM/)
      .waitFor();
    const file = (name: string, text: string) =>
      page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await file(
      'ikm-salah.csv',
      ['kodeUnit;periode;jenis;nilai;sumber', `${unit.code};${year};IKM;120;Survei SKM`, `X-9;${year};IKM;80;`].join(
        '\n',
      ),
    );
    await page.getByRole('button', { name: 'Uji coba (tanpa menyimpan)' }).click();
    await page.getByText('Uji coba: 2 baris, 0 valid, 2 tidak valid').waitFor();
    await page.getByText('nilai: indeks kepuasan 120 di luar 0–100', { exact: true }).waitFor();
    await page.getByText('kodeUnit: kode unit X-9 tidak dikenal', { exact: true }).waitFor();
    await page.getByText('sumber: Wajib diisi: sebutkan sumber angka ini', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Impor', exact: true }).isDisabled()).toBe(true);
    await shots.shot(page, 'dry-run-errors');
    expect(await db.unitResult.count()).toBe(0);

    const source = 'Survei SKM Triwulan I, BPS Kota';
    await file(
      'ikm.csv',
      ['kodeUnit;periode;jenis;nilai;sumber', `${unit.code};${year};IKM;88,50;${source}`].join('\n'),
    );
    await page.getByRole('button', { name: 'Uji coba (tanpa menyimpan)' }).click();
    await page.getByText('Uji coba: 1 baris, 1 valid, 0 tidak valid').waitFor();
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByText('Impor selesai: 1 dibuat, 0 diperbarui').first().waitFor();
    await shots.shot(page, 'imported');

    await page.goto(`${demo.url}/#/cycles/${cycle.id}/show`);
    const proposals = page.getByTestId('unit-rating-proposals');
    await proposals.getByText('Usulan predikat unit dari hasil unit (IKM)').waitFor();
    const row = proposals.getByTestId('unit-rating-proposal');
    await row.getByText('Istimewa', { exact: true }).waitFor();
    expect(await row.innerText()).toContain(
      `Indeks Kepuasan Masyarakat 88,5 (${source}) ≥ 88,31 → usulan predikat unit Istimewa (mutu pelayanan A, Sangat Baik)`,
    );
    expect(await row.innerText()).toContain(unit.name);
    await checkA11y(page, 'Siklus: usulan predikat unit');
    await shots.shot(page, 'proposal');

    await switchLanguage(page, 'en');
    await proposals.getByText('Unit ratings proposed from unit results (IKM)').waitFor();
    expect(await row.innerText()).toContain(
      `Community Satisfaction Index 88.5 (${source}) ≥ 88.31 → proposed unit rating Exceptional`,
    );
    await shots.shot(page, 'proposal-english');
    await switchLanguage(page, 'id');
    expect(errors).toEqual([]);
    await context.close();
  });
});
