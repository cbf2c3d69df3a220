/**
 * Peer feedback (360) through the console in a real Chromium, against the real API, a Temporal time-skipping server
 * with a worker, and PostgreSQL: on the rating form the rater asks three colleagues ("Minta umpan balik rekan"), each
 * answers the seven BerAKHLAK values on their task form, and the rater's rating form shows the three answers in words,
 * in Bahasa Indonesia and in English; the employee's 360 tab shows the anonymous summary. The plan, its approval and the evidence go through the API.
 * Screenshots in test/.artifacts/screenshots/peer-feedback/.
 */
import { PLAN, completeOk, defaultAnswers, openTask, singleEmployeeUnits, startSingle } from '../cycle/cycle-driver';
import { describeInBrowser, newSession, signIn, switchLanguage } from './harness';
import { journeySuite } from './journey';

const VALUES = ['berorientasiPelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'];

describeInBrowser('peer feedback through the console (Chromium, Temporal, PostgreSQL)', () => {
  const { helpers } = journeySuite('browser_peer_feedback', 'peer-feedback');

  it('the rater asks three colleagues, they answer on their forms, the rating form shows the answers', async () => {
    const { t, url, browser, shots, openFromList, sent } = helpers();
    const units = await singleEmployeeUnits(t);
    const { appraisal } = await startSingle(t, units[1]);
    await completeOk(t, appraisal.id, 'plan.submit', PLAN);
    await completeOk(t, appraisal.id, 'plan.review', { decision: 'APPROVE' });
    const evidence = await openTask(t, 'evidence.submit', { appraisalId: appraisal.id });
    await completeOk(t, appraisal.id, 'evidence.submit', await defaultAnswers(t)['evidence.submit'](evidence));
    const reviewTask = await openTask(t, 'review.submit', { appraisalId: appraisal.id });
    const raterUser = await t.db.prisma.user.findUniqueOrThrow({ where: { employeeId: appraisal.raterId! } });
    const colleagues = (
      await t.db.prisma.user.findMany({
        where: {
          employee: { status: 'ACTIVE', id: { notIn: [appraisal.employeeId, appraisal.raterId!] } },
          roles: { equals: ['EMPLOYEE'] },
        },
        include: { employee: true },
        orderBy: { id: 'asc' },
        take: 3,
      })
    ).map((u) => ({ ...u.employee!, username: u.username }));
    expect(colleagues).toHaveLength(3);

    // 1. The rater asks three colleagues from the rating form, each picked by a search.
    const rater = await newSession(browser);
    await signIn(rater.page, url, raterUser.username);
    const r = rater.page;
    await openFromList(r, reviewTask);
    await r.getByTestId('peer-feedback').getByText('Belum ada rekan yang diminta').waitFor();
    await r.getByRole('button', { name: 'Minta umpan balik rekan' }).click();
    const dialog = r.getByRole('dialog');
    await dialog.getByText('Pilih paling banyak 3 rekan lagi').waitFor();
    for (const [i, c] of colleagues.entries()) {
      await dialog.getByLabel(`Rekan ke-${i + 1}`).fill(c.nip);
      await r
        .getByRole('option', { name: new RegExp(`^${c.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) })
        .click();
    }
    await shots.shot(r, 'rater-asks-three');
    await dialog.getByRole('button', { name: 'Kirim permintaan' }).click();
    await r.getByText('Permintaan umpan balik dikirim').first().waitFor();
    await r.getByTestId('peer-count').getByText('0 dari 3 rekan sudah menjawab').waitFor();
    for (const c of colleagues)
      await r.getByTestId('peer-feedback').getByText(`${c.name} — Menunggu jawaban`).waitFor();

    // 2. Each colleague answers on their task form: the seven values, one note each, an overall note.
    const ratings = ['ABOVE', 'MEETS', 'BELOW'] as const;
    for (const [i, c] of colleagues.entries()) {
      const task = await t.db.prisma.task.findFirstOrThrow({
        where: { appraisalId: appraisal.id, type: 'peer.feedback', assigneeId: c.id },
      });
      const s = await newSession(browser);
      await signIn(s.page, url, c.username);
      await openFromList(s.page, task);
      const p = s.page;
      await p
        .getByTestId('peer-intro')
        .getByText(/pegawai yang dinilai hanya melihat ringkasan tanpa nama/i)
        .waitFor();
      for (const k of VALUES) await p.locator(`input[name="values.${k}.rating"][value="${ratings[i]}"]`).check();
      await p.locator('input[name="values.harmonis.note"]').fill(`Catatan harmonis dari rekan ${i + 1}`);
      await p
        .locator('textarea[name="note"]')
        .first()
        .fill(`Umpan balik umum rekan ${i + 1}`);
      if (i === 0) await shots.shot(p, 'colleague-answers');
      await p.getByRole('button', { name: 'Kirim umpan balik' }).click();
      await sent(p);
      expect(s.errors).toEqual([]);
      await s.context.close();
    }

    // 3. The rating form shows the three answers in words, with who gave them.
    await r.reload();
    await r.getByTestId('peer-count').getByText('3 dari 3 rekan sudah menjawab').waitFor();
    const panel = r.getByTestId('peer-feedback');
    for (const [i, c] of colleagues.entries()) {
      const row = panel.getByTestId('peer-answer').filter({ hasText: c.name });
      await row.getByText(`${c.name} — Sudah menjawab`).waitFor();
      const words = ['Di atas ekspektasi', 'Sesuai ekspektasi', 'Di bawah ekspektasi'][i];
      await row.getByText(`Berorientasi Pelayanan: ${words}`).waitFor();
      await row.getByText(`Harmonis: ${words} — Catatan harmonis dari rekan ${i + 1}`).waitFor();
      await row.getByText(`Catatan: Umpan balik umum rekan ${i + 1}`).waitFor();
    }
    await shots.shot(r, 'rating-form-with-answers');
    await switchLanguage(r, 'en');
    await r.getByTestId('peer-count').getByText('3 of 3 colleague(s) answered').waitFor();
    await panel.getByText(`${colleagues[0].name} — Answered`).waitFor();
    await panel.getByText('Service orientation (Berorientasi Pelayanan): Above expectations').first().waitFor();
    await shots.shot(r, 'rating-form-with-answers-en');
    const text = await panel.innerText();
    expect(text).not.toMatch(/capaian\.|ABOVE|MEETS|BELOW|ANSWERED/);
    expect(rater.errors).toEqual([]);
    await rater.context.close();

    // 4. The employee's 360 tab: the anonymous summary in words, no colleague named.
    const employeeUser = await t.db.prisma.user.findUniqueOrThrow({ where: { employeeId: appraisal.employeeId } });
    const emp = await newSession(browser);
    await signIn(emp.page, url, employeeUser.username);
    await emp.page.goto(`${url}/#/appraisals/${appraisal.id}/show/peer`);
    const summary = emp.page.getByTestId('peer-summary');
    await summary.getByText('Ringkasan tanpa nama dari 3 rekan yang menjawab.').waitFor();
    await summary
      .getByText(
        'Harmonis: di atas ekspektasi 1, sesuai ekspektasi 1, di bawah ekspektasi 1 — Catatan harmonis dari rekan 1',
        { exact: false },
      )
      .waitFor();
    await shots.shot(emp.page, 'employee-anonymous-summary');
    const seen = await emp.page.getByTestId('peer-feedback').innerText();
    for (const c of colleagues) expect(seen).not.toContain(c.name);
    expect(seen).not.toContain('Minta umpan balik rekan');
    expect(emp.errors).toEqual([]);
    await emp.context.close();
  });
});
