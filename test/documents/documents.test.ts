/**
 * Documents of an appraisal (/api/documents) against real PostgreSQL: the evaluation document PDF follows the form of
 * PermenPANRB 6/2022 in words (the people, the organisation's rating, the plan with realizations, the ratings, the
 * BerAKHLAK values, the predicate with its explanation from the published scoring rule set), lies inside its margins
 * with the footer under everything; only those who may see the appraisal get it. Evidence files: upload by the employee in the EVIDENCE stage only,
 * size-limited, audited, downloaded byte for byte.
 *
 * The appraisal is written directly with Prisma (the workflow that normally writes it is proven in test/workflows
 * and in the browser test); its predicate and explanation come from the real scoring rules.
 */
import request from 'supertest';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { scorePredicate } from '../../rules';
import { binaryBody, pdfText } from '../helpers/pdf-text';
import { layoutProblems, pdfGeometry } from './pdf-geometry';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('appraisal documents (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createTestApp>['app'];
  const tokens: Record<string, string> = {};
  let appraisalId: number;
  let employee: { id: number; name: string; nip: string; grade: string | null };
  let rater: { id: number; superiorId: number | null; name: string; nip: string };
  let unitName: string;
  let outsiderToken: string;

  const login = async (username: string) =>
    (await request(app).post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200)).body.token;

  beforeAll(async () => {
    db = await createTestDatabase('documents');
    await seedDemo(db.prisma);
    app = createTestApp(db).app;
    for (const u of ['admin', 'auditor', 'pegawai', 'penilai', 'atasan']) tokens[u] = await login(u);
    const p = db.prisma;
    const user = await p.user.findUniqueOrThrow({ where: { username: 'pegawai' }, include: { employee: true } });
    employee = user.employee!;
    rater = await p.employee.findUniqueOrThrow({ where: { id: user.employee!.superiorId! } });
    unitName = (await p.unit.findUniqueOrThrow({ where: { id: user.employee!.unitId } })).name;
    const outsider = await p.user.findFirstOrThrow({
      where: { employee: { unitId: { not: user.employee!.unitId }, subordinates: { none: {} } } },
    });
    outsiderToken = await login(outsider.username);
    const period = await p.period.findFirstOrThrow({ where: { type: 'QUARTER' }, orderBy: { id: 'asc' } });
    const scoring = await p.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SCORING', status: 'PUBLISHED' } });
    const curve = await p.ruleSetVersion.findFirstOrThrow({ where: { kind: 'DISTRIBUTION', status: 'PUBLISHED' } });
    const cycle = await p.cycle.create({
      data: {
        name: `Penilaian ${period.label}`,
        unitId: user.employee!.unitId,
        periodId: period.id,
        status: 'RUNNING',
        scoringVersionId: scoring.id,
        distributionVersionId: curve.id,
      },
    });
    const scored = scorePredicate(scoring.document, { resultRating: 'ABOVE', behaviourRating: 'MEETS' });
    const a = await p.appraisal.create({
      data: {
        cycleId: cycle.id,
        periodId: cycle.periodId,
        employeeId: employee.id,
        unitId: user.employee!.unitId,
        raterId: rater.id,
        raterSuperiorId: rater.superiorId,
        workflowId: `appraisal-doc-test-${cycle.id}`,
        stage: 'EVIDENCE',
        predicate: scored.predicate,
        predicateExplanation: {
          ruleSet: { kind: 'SCORING', versionId: scoring.id, version: scoring.version, name: scoring.name },
          facts: { resultRating: 'ABOVE', behaviourRating: 'MEETS' },
          source: 'RATER',
          explanation: scored.explanation as any,
        },
        scoringVersionId: scoring.id,
        // Shared: the employee's document carries ratings and predicate only after the result is shared (issue 10).
        resultSharedAt: new Date(),
        feedback: { create: [{ text: 'Laporan Januari sudah rapi; lengkapi rekap kehadiran.' }] },
        plan: {
          create: {
            status: 'APPROVED',
            expectations: 'Laporan selesai tepat waktu dan pegawai baru dibimbing.',
            items: {
              create: [
                {
                  kind: 'MAIN',
                  title: 'Tersusunnya laporan kepegawaian triwulan',
                  position: 0,
                  indicators: {
                    create: [
                      {
                        aspect: 'QUANTITY',
                        description: 'Jumlah laporan',
                        target: '3 laporan',
                        realizations: { create: [{ value: '3 laporan selesai' }] },
                      },
                    ],
                  },
                },
                { kind: 'ADDITIONAL', title: 'Menjadi narasumber sosialisasi SKP', position: 1 },
              ],
            },
          },
        },
        review: {
          create: {
            resultRating: 'ABOVE',
            behaviourRating: 'MEETS',
            berorientasiPelayanan: 'ABOVE',
            akuntabel: 'MEETS',
            kompeten: 'MEETS',
            harmonis: 'MEETS',
            loyal: 'MEETS',
            adaptif: 'MEETS',
            kolaboratif: 'BELOW',
            resultComment: 'Target terlampaui',
          },
        },
      },
    });
    appraisalId = a.id;
    await p.unitCycleRating.create({ data: { cycleId: cycle.id, unitId: user.employee!.unitId, rating: 'BAIK' } });
  });
  afterAll(() => db.drop());

  const getPdf = async (token: string) =>
    (
      await request(app)
        .get(`/api/documents/appraisals/${appraisalId}/evaluation.pdf`)
        .set('Authorization', `Bearer ${token}`)
        .buffer(true)
        .parse(binaryBody)
        .expect(200)
    ).body as Buffer;

  it('the evaluation document follows the form in words: people, organisation, work results, behaviour, predicate', async () => {
    const res = await request(app)
      .get(`/api/documents/appraisals/${appraisalId}/evaluation.pdf`)
      .set('Authorization', `Bearer ${tokens.pegawai}`)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`inline; filename="evaluasi-kinerja-${employee.nip}`),
    );
    const pdf = await getPdf(tokens.pegawai);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    // The header: a cycle over one quarter is evaluated once (test/cycle/year.test.ts prints the periodic ones).
    expect(text).toMatch(/DOKUMEN EVALUASI KINERJA PEGAWAI PERIODE: TRIWULAN I \d{4}/);
    expect(text).toMatch(/PERIODE PENILAIAN: 1 JANUARI \d{4} SD 31 MARET \d{4}/);
    expect(text).toMatch(/PEMERINTAH KOTA /);
    // The identity table, numbered as on the form, both people side by side.
    expect(text).toContain('NO PEGAWAI YANG DINILAI NO PEJABAT PENILAI KINERJA');
    expect(text).toContain(`1 NAMA ${employee.name} 1 NAMA ${rater.name}`);
    expect(text).toContain(`2 NIP ${employee.nip} 2 NIP ${rater.nip}`);
    expect(text).toContain(`3 PANGKAT/GOL. RUANG ${employee.grade}`);
    expect(text).toContain(`5 UNIT KERJA ${unitName}`);
    // The organisation's rating in words; the unit's counts are not shown to an employee of a unit this small.
    expect(text).toContain(`CAPAIAN KINERJA ORGANISASI Baik (${unitName})`);
    expect(text).toContain('POLA DISTRIBUSI - (unit dengan kurang dari 5 pegawai tidak ditampilkan)');
    // The work results with the form's columns, the realization and the rating in words.
    expect(text).toContain('HASIL KERJA');
    expect(text).toContain(
      'NO RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI RENCANA HASIL KERJA ASPEK INDIKATOR KINERJA INDIVIDU TARGET',
    );
    expect(text).toContain('A. UTAMA 1 - Tersusunnya laporan kepegawaian triwulan Kuantitas Jumlah laporan 3 laporan');
    expect(text).toContain('3 laporan selesai');
    expect(text).toContain('B. TAMBAHAN 1 - Menjadi narasumber sosialisasi SKP');
    expect(text).toContain('RATING HASIL KERJA Diatas Ekspektasi');
    expect(text).toContain('Laporan Januari sudah rapi; lengkapi rekap kehadiran.');
    // The seven BerAKHLAK values with their guidance, the leader's expectations and each rating.
    expect(text).toContain(
      '1 Berorientasi Pelayanan - Memahami dan memenuhi kebutuhan masyarakat - Ramah, cekatan, solutif, dan dapat ' +
        'diandalkan - Melakukan perbaikan tiada henti Laporan selesai tepat waktu dan pegawai baru dibimbing. ' +
        'Diatas Ekspektasi',
    );
    expect(text).toMatch(/7 Kolaboratif .* untuk tujuan bersama Dibawah Ekspektasi/);
    expect(text).toContain('RATING PERILAKU KERJA Sesuai Ekspektasi');
    // The predicate in words, why, and the rater's signature.
    expect(text).toContain('PREDIKAT KINERJA PEGAWAI BAIK'); // ABOVE × MEETS in the default matrix
    expect(text).toContain('Rating hasil kerja Diatas Ekspektasi dan rating perilaku kerja Sesuai Ekspektasi');
    const explanation = (await db.prisma.appraisal.findUniqueOrThrow({ where: { id: appraisalId } }))
      .predicateExplanation as any;
    expect(explanation.explanation.text.id.length).toBeGreaterThan(10);
    expect(text).toContain(`Penjelasan: ${explanation.explanation.text.id.slice(0, 30)}`);
    expect(text).toMatch(/Aturan .* versi \d+/);
    expect(text).toContain(`Pejabat Penilai Kinerja, ${rater.name} NIP ${rater.nip}`);
    // No stored code reaches the reader.
    expect(text).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/); // SANGAT_BAIK, DIATAS_EKSPEKTASI, BERORIENTASI_PELAYANAN, …
    expect(text).not.toMatch(/\b(ABOVE|MEETS|BELOW|QUANTITY|QUALITY|APPROVED|EVIDENCE|PERIODIC|MAIN|ADDITIONAL)\b/);
    // Every line inside the margins, nothing printed over anything, the footer under everything on each page.
    const pages = pdfGeometry(pdf);
    expect(layoutProblems(pages, rater)).toEqual([]);
    expect(pages.length).toBeLessThanOrEqual(3);
  });

  it('HR reads the unit’s distribution of predicates; the employee before the result is shared reads no result', async () => {
    const hr = pdfText(await getPdf(tokens.admin));
    expect(hr).toContain('POLA DISTRIBUSI Predikat (1 pegawai) Sangat Baik Baik Butuh Perbaikan Kurang Sangat Kurang');
    expect(hr).toContain('Jumlah pegawai 0 1 0 0 0 Persentase 0,0% 100,0% 0,0% 0,0% 0,0%');
    // The curve of a unit rated Baik, from the DISTRIBUTION rules pinned to the cycle, with whether each limit holds.
    expect(hr).toMatch(/Batas kurva distribusi untuk capaian organisasi ini: .*Baik.*\((terpenuhi|tidak terpenuhi)\)/);
    await db.prisma.appraisal.update({ where: { id: appraisalId }, data: { resultSharedAt: null } });
    try {
      const own = pdfText(await getPdf(tokens.pegawai));
      expect(own).toContain('PREDIKAT KINERJA PEGAWAI BELUM ADA');
      expect(own).toContain('RATING HASIL KERJA Belum ada');
      expect(own).toContain('POLA DISTRIBUSI - (ditampilkan setelah hasil penilaian dibagikan)');
      expect(own).not.toContain('Diatas Ekspektasi');
      expect(own).toContain('Tersusunnya laporan kepegawaian triwulan'); // the plan stays
    } finally {
      await db.prisma.appraisal.update({ where: { id: appraisalId }, data: { resultSharedAt: new Date() } });
    }
  });

  it('the rater, the rater’s superior, HR and auditors may print it; an unrelated employee may not', async () => {
    for (const who of ['penilai', 'atasan', 'admin', 'auditor']) {
      await request(app)
        .get(`/api/documents/appraisals/${appraisalId}/evaluation.pdf`)
        .set('Authorization', `Bearer ${tokens[who]}`)
        .expect(200);
    }
    await request(app)
      .get(`/api/documents/appraisals/${appraisalId}/evaluation.pdf`)
      .set('Authorization', `Bearer ${outsiderToken}`)
      .expect(404);
    await request(app).get(`/api/documents/appraisals/${appraisalId}/evaluation.pdf`).expect(401);
    // A browser opens the PDF through a signed link for that one document; a bearer token in the URL is refused.
    await request(app)
      .get(`/api/documents/appraisals/${appraisalId}/evaluation.pdf?access_token=${tokens.penilai}`)
      .expect(401);
    const link = await request(app)
      .post('/api/auth/download-links')
      .set('Authorization', `Bearer ${tokens.penilai}`)
      .send({ path: `/api/documents/appraisals/${appraisalId}/evaluation.pdf` })
      .expect(201);
    await request(app).get(link.body.url).expect(200);
  });

  it('the employee uploads evidence in the EVIDENCE stage; it is audited and downloads byte for byte', async () => {
    const indicator = await db.prisma.indicator.findFirstOrThrow({
      where: { planItem: { plan: { appraisalId } } },
    });
    const bytes = Buffer.from('%PDF-1.4\nlaporan triwulan\n', 'latin1');
    const res = await request(app)
      .post(`/api/documents/appraisals/${appraisalId}/evidence`)
      .set('Authorization', `Bearer ${tokens.pegawai}`)
      .field('title', 'Laporan triwulan I')
      .field('indicatorId', String(indicator.id))
      .attach('file', bytes, { filename: 'laporan.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(res.body).toMatchObject({
      kind: 'FILE',
      title: 'Laporan triwulan I',
      sizeBytes: bytes.length,
      indicatorId: indicator.id,
    });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'evidence.upload', entityId: String(appraisalId) },
    });
    expect(audit.actor).toBe('pegawai');
    expect(audit.after).toMatchObject({ fileName: 'laporan.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const down = await request(app)
      .get(`/api/documents/evidence/${res.body.id}`)
      .set('Authorization', `Bearer ${tokens.penilai}`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(Buffer.compare(down.body, bytes)).toBe(0);
    expect(down.headers['content-disposition']).toBe('attachment; filename="laporan.pdf"');
    await request(app)
      .get(`/api/documents/evidence/${res.body.id}`)
      .set('Authorization', `Bearer ${outsiderToken}`)
      .expect(404);
  });

  it('refuses evidence from someone else, for another plan’s indicator, too large, or outside the EVIDENCE stage', async () => {
    const url = `/api/documents/appraisals/${appraisalId}/evidence`;
    await request(app)
      .post(url)
      .set('Authorization', `Bearer ${tokens.penilai}`)
      .attach('file', Buffer.from('x'), 'x.txt')
      .expect(403);
    const wrong = await request(app)
      .post(url)
      .set('Authorization', `Bearer ${tokens.pegawai}`)
      .field('indicatorId', '999999')
      .attach('file', Buffer.from('x'), 'x.txt')
      .expect(400);
    expect(wrong.body.error.details.fields[0].field).toBe('indicatorId');
    const none = await request(app)
      .post(url)
      .set('Authorization', `Bearer ${tokens.pegawai}`)
      .field('title', 'x')
      .expect(400);
    expect(none.body.error.details.fields[0].field).toBe('file');
    const big = await request(app)
      .post(url)
      .set('Authorization', `Bearer ${tokens.pegawai}`)
      .attach('file', Buffer.alloc(10 * 1024 * 1024 + 1), 'besar.bin')
      .expect(413);
    expect(big.body.error.details.fields[0].field).toBe('file');
    await db.prisma.appraisal.update({ where: { id: appraisalId }, data: { stage: 'REVIEW' } });
    const late = await request(app)
      .post(url)
      .set('Authorization', `Bearer ${tokens.pegawai}`)
      .attach('file', Buffer.from('x'), 'x.txt')
      .expect(409);
    expect(late.body.error.message).toMatch(/EVIDENCE/);
    expect(await db.prisma.evidence.count({ where: { appraisalId } })).toBe(1);
  });
});
