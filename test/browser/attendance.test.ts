/**
 * Attendance in the console (real Chromium, real API and PostgreSQL): HR imports the attendance system's CSV on the
 * import page's "Kehadiran" tab — the dry run words every bad row (unknown NIP, unknown status, a day twice) and
 * keeps the import disabled; the corrected file imports — then reads the "Kehadiran" list filtered by month and
 * status; the employee sees only their own days. Screenshots in test/.artifacts/screenshots/attendance/.
 */
import type { Page } from 'playwright-core';
import { demoConsole, describeInBrowser, newSession, screenshots, signIn } from './harness';

describeInBrowser('attendance import and list in the console (Chromium)', () => {
  const demo = demoConsole('browser_attendance');
  const shots = screenshots('attendance');

  /** The rows of the attendance list as a person reads them. */
  const rowsText = async (page: Page) =>
    (await page.getByTestId('attendance-list').locator('tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));

  it('HR imports attendance with a worded row report and reads it; the employee sees their own days', async () => {
    const pegawai = await demo.db.prisma.user.findUniqueOrThrow({
      where: { username: 'pegawai' },
      include: { employee: true },
    });
    const me = pegawai.employee!;
    const other = await demo.db.prisma.employee.findFirstOrThrow({
      where: { id: { not: me.id }, superiorId: { not: me.id } },
      orderBy: { id: 'desc' },
    });
    const year = (await demo.db.prisma.period.findFirstOrThrow({ orderBy: { year: 'asc' } })).year;

    const { context, page, errors } = await newSession(demo.browser);
    await signIn(page, demo.url, 'admin');
    await page.getByText('Impor CSV', { exact: true }).first().click();
    await page.waitForURL(/#\/imports/);
    await page.getByRole('tab', { name: 'Kehadiran' }).click();
    await page.getByText('nip,tanggal,status,tidakApel').waitFor();
    await page
      .getByTestId('attendance-help')
      .getByText(/ALPA \(tanpa keterangan sah\)/)
      .waitFor();
    const file = (name: string, text: string) =>
      page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

    await file(
      'presensi-salah.csv',
      [
        'nip,tanggal,status,tidakApel',
        `${me.nip},${year}-01-05,HADIR,ya`,
        `199001012015011999,${year}-01-05,ALPA,`,
        `${me.nip},${year}-01-06,MANGKIR,`,
        `${me.nip},05/01/${year},ALPA,`,
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Uji coba (tanpa menyimpan)' }).click();
    await page.getByText('Uji coba: 4 baris, 1 valid, 3 tidak valid').waitFor();
    await page.getByText('nip: NIP 199001012015011999 tidak dikenal', { exact: true }).waitFor();
    await page.getByText(/status: status MANGKIR tidak dikenal; pilih HADIR, ALPA, IZIN, SAKIT, CUTI, DINAS/).waitFor();
    await page.getByText(/tanggal: hari yang sama untuk NIP ini sudah ada di baris 2/).waitFor();
    expect(await page.getByRole('button', { name: 'Impor', exact: true }).isDisabled()).toBe(true);
    await shots.shot(page, 'dry-run-errors');
    expect(
      await demo.db.prisma.attendanceRecord.count({
        where: { employeeId: me.id, date: { lt: new Date(`${year}-02-01`) } },
      }),
    ).toBe(0);

    await file(
      'presensi.csv',
      [
        'nip,tanggal,status,tidakApel',
        `${me.nip},${year}-01-05,HADIR,ya`,
        `${me.nip},${year}-01-06,ALPA,`,
        `${me.nip},${year}-01-07,SAKIT,`,
        `${other.nip},${year}-01-06,ALPA,`,
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Uji coba (tanpa menyimpan)' }).click();
    await page.getByText('Uji coba: 4 baris, 4 valid, 0 tidak valid').waitFor();
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByText('Impor selesai: 4 dibuat, 0 diperbarui').first().waitFor();
    await shots.shot(page, 'imported');

    // The list: January, only the unexcused days.
    await page.locator('a[href="#/attendance"]').first().click();
    await page.waitForURL(/#\/attendance/);
    await page.locator('input[name="month"]').fill(`${year}-01`);
    await page.getByText(`5 Januari ${year}`).waitFor();
    expect(await rowsText(page)).toHaveLength(4);
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Alpa (tanpa keterangan)' }).click();
    await page.waitForFunction(
      () => (globalThis as any).document.querySelectorAll('[data-testid="attendance-list"] tbody tr').length === 2,
    );
    const alpa = await rowsText(page);
    expect(alpa.every((t) => t.includes('Alpa (tanpa keterangan)') && t.includes(`6 Januari ${year}`))).toBe(true);
    expect(alpa.some((t) => t.includes(me.name))).toBe(true);
    expect(alpa.some((t) => t.includes(other.name))).toBe(true);
    await shots.shot(page, 'list-hr-alpa');
    await context.close();

    // The employee: their own three January days, in words, and nobody else's.
    const own = await newSession(demo.browser);
    await signIn(own.page, demo.url, 'pegawai');
    await own.page.locator('a[href="#/attendance"]').first().click();
    await own.page.locator('input[name="month"]').fill(`${year}-01`);
    await own.page.getByText(`7 Januari ${year}`).waitFor();
    const mine = await rowsText(own.page);
    expect(mine).toHaveLength(3);
    expect(mine.every((t) => t.includes(me.name))).toBe(true);
    expect(mine.join('\n')).toMatch(/Hadir.*Ya/);
    expect(mine.join('\n')).toContain('Sakit');
    expect(mine.join('\n')).not.toContain(other.name);
    await shots.shot(own.page, 'list-employee');
    expect([...errors, ...own.errors]).toEqual([]);
    await own.context.close();
  });
});
