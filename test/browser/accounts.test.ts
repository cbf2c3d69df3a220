/**
 * Accounts in the console (issue 11, item 1) in a real Chromium: HR opens "Pengguna & Peran", creates an account for
 * a new employee and reads the one-time password off the dialog; the employee signs in with it, is held on
 * "Akun Saya" until the password is changed (a weak one is refused with the policy's words), then sees their tasks.
 * HR imports employees with their accounts and downloads the one-time passwords once; such an employee reads, in the
 * menu and on any other page, that only Akun Saya is open until the password is changed.
 * Screenshots in test/.artifacts/screenshots/accounts/.
 */
import { readFileSync } from 'node:fs';
import { demoConsole, describeInBrowser, newSession, screenshots, signIn } from './harness';

describeInBrowser('accounts: HR creates an account, the employee changes the one-time password (Chromium)', () => {
  const demo = demoConsole('browser_accounts');
  const shots = screenshots('accounts');

  it('HR creates the account, the employee must change the one-time password, then sees their tasks', async () => {
    const prisma = demo.db.prisma;
    const unit = await prisma.unit.findFirstOrThrow({ where: { parentId: { not: null } }, orderBy: { id: 'asc' } });
    const superior = await prisma.employee.findFirstOrThrow({ where: { unitId: unit.id }, orderBy: { id: 'asc' } });
    const employee = await prisma.employee.create({
      data: {
        nip: '199803152025022001',
        name: 'Sekar Ayuningtyas',
        employmentType: 'PNS',
        position: 'Analis Kepegawaian Ahli Pertama',
        positionType: 'FUNGSIONAL',
        unitId: unit.id,
        superiorId: superior.id,
      },
    });
    await prisma.task.create({
      data: {
        key: `browser-accounts:${employee.id}:plan.submit`,
        type: 'plan.submit',
        title: 'Susun SKP tahunan Sekar',
        assigneeId: employee.id,
        workflowId: 'browser-accounts',
        updateName: 'submitPlan',
      },
    });

    // HR: Pengguna & Peran → Buat → the employee, role Pegawai → the one-time password, shown once.
    const hr = await newSession(demo.browser);
    await signIn(hr.page, demo.url, 'admin');
    const menu = hr.page.locator('.RaSidebar-fixed, .MuiDrawer-root').first();
    await menu.getByText('Pengguna & Peran', { exact: true }).first().click();
    await hr.page.getByText('Nama pengguna', { exact: true }).first().waitFor();
    await hr.page.getByRole('link', { name: /Buat/ }).first().click();
    await hr.page.getByText(/Nama pengguna adalah NIP pegawai/).waitFor();
    const picker = hr.page.getByLabel(/Pegawai/).first();
    await picker.fill('Sekar');
    await hr.page.getByRole('option', { name: /Sekar Ayuningtyas/ }).click();
    await hr.page.getByText('Kalibrator', { exact: true }).waitFor(); // the roles, in words
    await shots.shot(hr.page, 'hr-create-account');
    await hr.page.getByRole('button', { name: /Simpan/ }).click();
    const dialog = hr.page.getByTestId('one-time-password-dialog');
    await dialog.getByText('Kata sandi sekali pakai', { exact: true }).waitFor();
    await dialog.getByText(new RegExp(`Berikan kata sandi ini kepada ${employee.nip}`)).waitFor();
    await dialog.getByRole('button', { name: 'Salin' }).waitFor();
    const oneTime = (await hr.page.getByTestId('one-time-password').innerText()).trim();
    expect(oneTime).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await shots.shot(hr.page, 'hr-one-time-password');
    await dialog.getByRole('button', { name: 'Selesai' }).click();
    await hr.page.locator('input[name="q"]').fill(employee.nip);
    await hr.page.getByText('Sekar Ayuningtyas', { exact: true }).first().waitFor();
    await hr.page.getByText(employee.nip, { exact: true }).first().waitFor();
    await hr.page.getByText('Aktif', { exact: true }).first().waitFor();
    await shots.shot(hr.page, 'hr-users-list');
    expect(hr.errors).toEqual([]);
    await hr.context.close();

    // The employee signs in with the one-time password and is held on Akun Saya.
    const staff = await newSession(demo.browser);
    await signIn(staff.page, demo.url, employee.nip, oneTime);
    await staff.page.getByTestId('must-change-password').waitFor();
    await staff.page.getByText(/Anda masuk dengan kata sandi sekali pakai/).waitFor();
    await staff.page.goto(`${demo.url}/#/tasks`);
    await staff.page.getByText(/Halaman ini terbuka setelah Anda mengganti kata sandi sekali pakai/).waitFor();
    await staff.page.getByRole('link', { name: 'Ganti kata sandi di Akun Saya' }).click();
    await staff.page.getByTestId('must-change-password').waitFor();
    await shots.shot(staff.page, 'employee-must-change');
    const fill = async (current: string, next: string) => {
      await staff.page.locator('input[name="currentPassword"]').fill(current);
      await staff.page.locator('input[name="newPassword"]').fill(next);
      await staff.page.locator('input[name="confirm"]').fill(next);
      await staff.page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    };
    await fill(oneTime, 'sekarsaja');
    await staff.page
      .getByText(/Kata sandi baru.*minimal 10 karakter/)
      .first()
      .waitFor();
    await shots.shot(staff.page, 'employee-weak-password');
    await fill(oneTime, 'Sekar-Kinerja-2027');
    await staff.page.getByText('Kata sandi diganti').first().waitFor();

    // Now the console is open: their tasks, in words.
    await staff.page.getByText(/Selamat datang/).waitFor();
    await staff.page.goto(`${demo.url}/#/tasks`);
    await staff.page.getByText('Tugas Saya', { exact: true }).first().waitFor();
    await staff.page.getByText('Susun SKP tahunan Sekar').waitFor();
    await staff.page.getByText('Susun SKP', { exact: true }).first().waitFor();
    await shots.shot(staff.page, 'employee-tasks');
    expect(staff.errors).toEqual([]);
    await staff.context.close();

    const user = await prisma.user.findUniqueOrThrow({ where: { username: employee.nip } });
    expect(user).toMatchObject({ mustChangePassword: false, roles: ['EMPLOYEE'], active: true });
  });

  it('HR imports employees with their accounts and downloads the passwords once; the menu says why only Akun Saya is open', async () => {
    const prisma = demo.db.prisma;
    const unit = await prisma.unit.findFirstOrThrow({ where: { parentId: { not: null } }, orderBy: { id: 'asc' } });
    const superior = await prisma.employee.findFirstOrThrow({ where: { unitId: unit.id }, orderBy: { id: 'asc' } });
    const nip = '199406212020122003';
    const csv =
      'nip,name,employmentType,position,positionType,grade,unitCode,superiorNip,baseAllowance,email,status\n' +
      `${nip},"Larasati Putri, S.E.",PPPK,Penata Keuangan,PELAKSANA,IX,${unit.code},${superior.nip},,,AKTIF\n`;

    const hr = await newSession(demo.browser);
    await signIn(hr.page, demo.url, 'admin');
    await hr.page.goto(`${demo.url}/#/imports`);
    await hr.page.getByRole('tab', { name: 'Pegawai' }).click();
    await hr.page.getByText(/Buat juga akun pegawai \(nama pengguna = NIP\)/).click();
    await hr.page
      .getByTestId('import-file')
      .setInputFiles({ name: 'pegawai.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await hr.page.getByRole('button', { name: 'Uji coba (tanpa menyimpan)' }).click();
    await hr.page.getByText('Akun: 1 akan dibuat, 0 pegawai sudah punya akun.').waitFor();
    await hr.page.getByTestId('import-row-ok').getByText('akun baru', { exact: true }).waitFor();
    await hr.page.getByRole('button', { name: 'Impor', exact: true }).click();
    await hr.page.getByText('Akun: 1 dibuat, 0 pegawai sudah punya akun.').waitFor();
    await hr.page.getByText(/hanya ada di halaman ini dan bisa diunduh satu kali/).waitFor();
    await shots.shot(hr.page, 'hr-import-accounts');
    const [download] = await Promise.all([
      hr.page.waitForEvent('download'),
      hr.page.getByRole('button', { name: 'Unduh kata sandi sekali pakai (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('kata-sandi-sekali-pakai.csv');
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('nip,nama,namaPengguna,kataSandiSekaliPakai');
    const [, name, username, oneTime] = lines[1].match(/^\d{18},("[^"]*"),(\d{18}),([a-z2-9-]+)$/)!;
    expect([name, username]).toEqual(['"Larasati Putri, S.E."', nip]);
    await hr.page.getByText('Sudah diunduh: kata sandi sekali pakai tidak lagi ada di halaman ini.').waitFor();
    expect(await hr.page.getByRole('button', { name: 'Unduh kata sandi sekali pakai (CSV)' }).count()).toBe(0);
    expect(await hr.page.getByText(oneTime).count()).toBe(0);
    expect(hr.errors).toEqual([]);
    await hr.context.close();

    // The employee: the menu holds only Akun Saya, and says why; another page says it opens after the change.
    const staff = await newSession(demo.browser);
    await signIn(staff.page, demo.url, username, oneTime);
    await staff.page.getByTestId('must-change-password').waitFor();
    await staff.page.getByText(/kata sandi itu sudah dilihat orang lain \(admin SDM\)/).waitFor();
    const menu = staff.page.locator('.RaSidebar-fixed, .MuiDrawer-root').first();
    await menu.getByText('Menu lain terbuka setelah kata sandi diganti.').waitFor();
    await menu.getByText('Akun Saya', { exact: true }).waitFor();
    for (const closed of ['Tugas Saya', 'Penilaian', 'Dasbor']) expect(await menu.getByText(closed).count()).toBe(0);
    await shots.shot(staff.page, 'import-employee-menu');
    await staff.page.goto(`${demo.url}/#/appraisals`);
    await staff.page.getByText('Ganti kata sandi dulu').first().waitFor();
    await staff.page.getByText(/Sampai saat itu menu hanya berisi Akun Saya \(dan Keluar\)/).waitFor();
    await shots.shot(staff.page, 'import-employee-closed-page');
    await staff.page.getByRole('link', { name: 'Ganti kata sandi di Akun Saya' }).click();
    await staff.page.locator('input[name="currentPassword"]').fill(oneTime);
    await staff.page.locator('input[name="newPassword"]').fill('Laras-Keuangan-2027');
    await staff.page.locator('input[name="confirm"]').fill('Laras-Keuangan-2027');
    await staff.page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await staff.page.getByText('Kata sandi diganti').first().waitFor();
    await menu.getByText('Tugas Saya', { exact: true }).waitFor();
    expect(await menu.getByText('Menu lain terbuka setelah kata sandi diganti.').count()).toBe(0);
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });
});
