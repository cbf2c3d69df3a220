/**
 * HR imports units and employees from CSV in the console (real Chromium, real API and PostgreSQL): the dry run shows
 * a row-by-row report and keeps the import button disabled while any row is invalid; a corrected file imports.
 * Screenshots in test/.artifacts/screenshots/csv-import/.
 */
import { demoConsole, describeInBrowser, newSession, screenshots, signIn } from './harness';

describeInBrowser('CSV import in the console (Chromium)', () => {
  const demo = demoConsole('browser_import');
  const shots = screenshots('csv-import');

  it('dry run with a row-by-row report, then the corrected file imports units and an employee', async () => {
    const { context, page, errors } = await newSession(demo.browser);
    await signIn(page, demo.url, 'admin');
    await page.getByText('Impor CSV', { exact: true }).first().click();
    await page.waitForURL(/#\/imports/);
    const file = (name: string, text: string) =>
      page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

    // Units: one row with a short name and one with an unknown parent.
    await file(
      'unit-salah.csv',
      'code,name,parentCode\nDISKOMINFO,Dinas Komunikasi dan Informatika,\nDK.B1,TI,DISKOMINFO\nDK.B2,Bidang Statistik,TIDAK-ADA\n',
    );
    await page.getByRole('button', { name: 'Uji coba (tanpa menyimpan)' }).click();
    await page.getByTestId('import-report').waitFor();
    await page.getByText('Uji coba: 3 baris, 1 valid, 2 tidak valid').waitFor();
    expect(await page.getByTestId('import-row-error').count()).toBe(2);
    await page.getByTestId('import-row-error').first().getByText('name: Minimal 3 karakter').waitFor();
    await page.getByText(/parentCode: unit induk TIDAK-ADA tidak ada/).waitFor();
    expect(await page.getByRole('button', { name: 'Impor', exact: true }).isDisabled()).toBe(true);
    await shots.shot(page, 'units-dry-run-errors');
    expect(await demo.db.prisma.unit.count({ where: { code: { startsWith: 'DK' } } })).toBe(0);

    // The corrected file: valid in the dry run, then imported.
    await file(
      'unit.csv',
      'code,name,parentCode\nDISKOMINFO,Dinas Komunikasi dan Informatika,\nDK.B1,Bidang Teknologi Informasi,DISKOMINFO\n',
    );
    await page.getByRole('button', { name: 'Uji coba (tanpa menyimpan)' }).click();
    await page.getByText('Uji coba: 2 baris, 2 valid, 0 tidak valid').waitFor();
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByText('Impor selesai: 2 dibuat, 0 diperbarui').first().waitFor();
    await shots.shot(page, 'units-imported');
    const parent = await demo.db.prisma.unit.findUniqueOrThrow({ where: { code: 'DISKOMINFO' } });
    expect(await demo.db.prisma.unit.findUniqueOrThrow({ where: { code: 'DK.B1' } })).toMatchObject({
      parentId: parent.id,
    });

    // Employees: the head of the new field, reporting to an existing head of office.
    const boss = await demo.db.prisma.employee.findFirstOrThrow({ where: { superiorId: null } });
    await page.getByRole('tab', { name: 'Pegawai' }).click();
    await file(
      'pegawai.csv',
      `nip,name,employmentType,position,positionType,grade,unitCode,superiorNip,baseAllowance,email\n198203142006041002,"Yusuf Hidayat, S.Kom.",PNS,Kepala Bidang Teknologi Informasi,ADMINISTRATOR,III/d,DK.B1,${boss.nip},"7.500.000",yusuf@example.go.id\n`,
    );
    await page.getByRole('button', { name: 'Uji coba (tanpa menyimpan)' }).click();
    await page.getByText('Uji coba: 1 baris, 1 valid, 0 tidak valid').waitFor();
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByText('Impor selesai: 1 dibuat, 0 diperbarui').first().waitFor();
    await shots.shot(page, 'employee-imported');
    expect(await demo.db.prisma.employee.findUniqueOrThrow({ where: { nip: '198203142006041002' } })).toMatchObject({
      name: 'Yusuf Hidayat, S.Kom.',
      superiorId: boss.id,
      baseAllowance: 7_500_000,
    });
    expect(await demo.db.prisma.auditEvent.count({ where: { entity: 'import', action: 'import' } })).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
