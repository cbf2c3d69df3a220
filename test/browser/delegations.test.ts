/**
 * Plt/Plh in the console (issue 11 item 2) in a real Chromium, with the real delegation workflow (Temporal test
 * server, worker): HR records a Plt. for a rater after a confirmation that says who acts for whom and when, reads it in
 * the list in words (names, "Plt.", dates in Indonesian, "Berlaku"), then ends it early after a confirmation that
 * says the open tasks go back. Screenshots in test/.artifacts/screenshots/delegations/.
 */
import { until } from '../cycle/cycle-driver';
import { describeInBrowser, newSession, signIn } from './harness';
import { journeySuite } from './journey';

const DAY = 24 * 60 * 60 * 1000;
/** A local (WIB) date `days` after today, as the date inputs take it. */
const wibDate = (days = 0) => new Date(Date.now() + 7 * 60 * 60 * 1000 + days * DAY).toISOString().slice(0, 10);
const indonesian = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

describeInBrowser('Plt/Plh in the console (Chromium, Temporal)', () => {
  const { j } = journeySuite('browser_delegations', 'delegations');

  it('HR records a Plt. for a rater after a confirmation, reads it in words, and ends it early after another', async () => {
    const prisma = j.t.db.prisma;
    const rater = await prisma.user.findUniqueOrThrow({ where: { username: 'penilai' }, include: { employee: true } });
    const principal = rater.employee!;
    const hrEmployees = (await prisma.user.findMany({ where: { roles: { has: 'HR_ADMIN' } } })).map(
      (u) => u.employeeId,
    );
    const acting = await prisma.employee.findFirstOrThrow({
      where: {
        status: 'ACTIVE',
        positionType: { in: ['ADMINISTRATOR', 'PENGAWAS'] },
        id: { notIn: [principal.id, ...hrEmployees.filter((id): id is number => id !== null)] },
      },
      orderBy: { id: 'asc' },
    });
    const [from, to] = [wibDate(0), wibDate(30)];

    const { context, page, errors } = await newSession(j.browser);
    await signIn(page, j.url, 'admin');
    const menu = page.locator('.RaSidebar-fixed, .MuiDrawer-root').first();
    await menu.getByText('Plt/Plh', { exact: true }).click();
    await page.getByText('Pelaksana Tugas (Plt) dan Pelaksana Harian (Plh)').first().waitFor();
    await page.getByRole('link', { name: /Buat/ }).first().click();
    await page.getByText(/Selama masa penugasan, tugas pejabat definitif/).waitFor();
    for (const [label, person] of [
      [/Pejabat definitif/, principal],
      [/Pelaksana/, acting],
    ] as const) {
      await page.getByLabel(label).first().fill(person.nip);
      await page.getByRole('option', { name: new RegExp(person.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
    }
    await page.getByLabel(/Mulai/).fill(from);
    await page.getByLabel(/Sampai dengan/).fill(to);
    await page.getByLabel(/Nomor surat perintah/).fill('800/123/BKPSDM/2026');
    await j.shots.shot(page, 'hr-create');

    // Saving asks first, in words; nothing is recorded until HR confirms.
    await page.getByRole('button', { name: 'Simpan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Catat penugasan ini?').waitFor();
    await dialog
      .getByText(
        `${acting.name} menjadi Plt. untuk ${principal.name} mulai ${indonesian(from)} sampai dengan ${indonesian(to)}.`,
        { exact: false },
      )
      .waitFor();
    await dialog.getByText(/tugas menilai, menyetujui SKP dan memutus keberatan/).waitFor();
    await j.shots.shot(page, 'hr-create-confirm');
    expect(await prisma.delegation.count()).toBe(0);
    await dialog.getByRole('button', { name: 'Catat' }).click();

    // The list, in words, once the delegation's workflow has started it.
    const row = await until(
      () => prisma.delegation.findFirst({ where: { principalId: principal.id, status: 'ACTIVE' } }),
      'delegation active',
    );
    expect(row.letterNumber).toBe('800/123/BKPSDM/2026');
    await page.goto(`${j.url}/#/delegations`);
    await page.reload(); // the list as stored now, not as it was right after saving (SCHEDULED)
    const list = page.getByTestId('delegation-list');
    await list.getByText(`Plt. ${acting.name} (${acting.nip})`).waitFor();
    await list.getByText(`${principal.name} — ${principal.position}`).waitFor();
    await list.getByText('Plt. (pelaksana tugas)').waitFor();
    await list.getByText(indonesian(from), { exact: true }).waitFor();
    await list.getByText(indonesian(to), { exact: true }).waitFor();
    await list.getByText('Berlaku', { exact: true }).waitFor();
    await list.getByText('800/123/BKPSDM/2026').waitFor();
    await j.shots.shot(page, 'hr-list');

    // Ended early after a confirmation that says what happens to the open tasks.
    await list.getByRole('button', { name: 'Akhiri lebih awal' }).click();
    await dialog.getByText('Akhiri penugasan lebih awal?').waitFor();
    await dialog
      .getByText(
        `Penugasan Plt. ${acting.name} untuk ${principal.name} berakhir sekarang; tugas yang masih terbuka kembali ke ${principal.name}.`,
      )
      .waitFor();
    await j.shots.shot(page, 'hr-end-confirm');
    await dialog.getByRole('button', { name: /Konfirmasi|Ya/ }).click();
    await page.getByText('Penugasan diakhiri').first().waitFor();
    await list.getByText('Berakhir', { exact: true }).waitFor();
    expect(await list.getByRole('button', { name: 'Akhiri lebih awal' }).count()).toBe(0);
    await j.shots.shot(page, 'hr-ended');
    expect(await prisma.delegation.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'ENDED' });
    expect(await prisma.auditEvent.count({ where: { entity: 'delegation', entityId: String(row.id) } })).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });
});
