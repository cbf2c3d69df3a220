/**
 * The evaluation document with long data, against real PostgreSQL: an annual evaluation of an employee with a very long
 * name, ten work results of 300 characters with three indicators each, linked to long results of the rater's plan,
 * with realizations (one longer than a page) and evidence. Every line stays inside the margins, nothing is printed over anything, the table
 * header comes back on every page the table reaches, the footer is under everything, and the signatures of the annual
 * document (employee, rater, rater's superior) stay together above the footer.
 *
 * Where `pdftoppm` (poppler-utils) is installed, page 1 is saved as a PNG under the system's temp dir
 * (capaian-documents/evaluasi-panjang-1.png) for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { binaryBody, pdfText } from '../helpers/pdf-text';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { layoutProblems, pdfGeometry } from './pdf-geometry';

/** `n` characters of `words` repeated, cut at a word. */
const long = (n: number, words: string) =>
  (words + ' ')
    .repeat(Math.ceil(n / (words.length + 1)) + 1)
    .slice(0, n)
    .replace(/\s+\S*$/, '')
    .trim();

describe('evaluation document with long data (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createTestApp>['app'];
  let admin: string;

  beforeAll(async () => {
    db = await createTestDatabase('documents_layout');
    await seedDemo(db.prisma);
    app = createTestApp(db).app;
    admin = (
      await request(app).post('/api/auth/login').send({ username: 'admin', password: DEMO_PASSWORD }).expect(200)
    ).body.token;
  });
  afterAll(() => db.drop());

  it('ten long work results with three indicators each lay out inside the margins, the footer under everything', async () => {
    const p = db.prisma;
    const pegawai = await p.user.findUniqueOrThrow({ where: { username: 'pegawai' }, include: { employee: true } });
    const rater = await p.employee.findUniqueOrThrow({ where: { id: pegawai.employee!.superiorId! } });
    const atasan = await p.employee.findUniqueOrThrow({ where: { id: rater.superiorId! } });
    const name = `Raden Ajeng ${long(130, 'Sri Kusumaningrum Wulandari Hadiningrat')}, S.Sos., M.A.P.`;
    const employee = await p.employee.create({
      data: {
        nip: '199001012015032999',
        name,
        employmentType: 'PNS',
        position: long(120, 'Penelaah Teknis Kebijakan Bidang Pengembangan Kompetensi Aparatur'),
        positionType: 'PELAKSANA',
        grade: 'III/a',
        unitId: pegawai.employee!.unitId,
        superiorId: rater.id,
      },
    });
    const year = await p.period.findFirstOrThrow({ where: { type: 'YEAR' }, orderBy: { id: 'asc' } });
    const cycle = await p.cycle.create({
      data: { name: `Penilaian ${year.label}`, unitId: employee.unitId, periodId: year.id, status: 'RUNNING' },
    });
    const base = {
      cycleId: cycle.id,
      periodId: year.id,
      unitId: employee.unitId,
      final: true,
      stage: 'DONE' as const,
    };
    // The rater's own plan: the results the employee's results contribute to.
    const raterAppraisal = await p.appraisal.create({
      data: {
        ...base,
        employeeId: rater.id,
        raterId: atasan.id,
        workflowId: `doc-layout-rater-${cycle.id}`,
        plan: {
          create: {
            status: 'APPROVED',
            items: {
              create: Array.from({ length: 5 }, (_, i) => ({
                kind: 'MAIN' as const,
                position: i,
                title: `${i + 1}. ${long(200, 'Terwujudnya pelayanan administrasi kepegawaian yang prima dan akuntabel')}`,
              })),
            },
          },
        },
      },
      include: { plan: { include: { items: { orderBy: { position: 'asc' } } } } },
    });
    const parents = raterAppraisal.plan!.items;
    const titles = Array.from(
      { length: 10 },
      (_, i) => `RHK ${i + 1}: ${long(292, 'Meningkatnya kualitas layanan administrasi kepegawaian bagi aparatur')}`,
    );
    // One title carries a token longer than its column (a link): it is cut, not pushed past the margin.
    titles[4] = `${titles[4].slice(0, 200)} https://dokumen.contoh.go.id/skp/2027/lampiran-rencana-hasil-kerja-bidang-kompetensi`;
    const a = await p.appraisal.create({
      data: {
        ...base,
        employeeId: employee.id,
        raterId: rater.id,
        raterSuperiorId: atasan.id,
        workflowId: `doc-layout-${cycle.id}`,
        predicate: 'SANGAT_BAIK',
        resultSharedAt: new Date(),
        plan: {
          create: {
            status: 'APPROVED',
            expectations: long(400, 'Menyelesaikan setiap layanan tepat waktu dan membimbing rekan kerja'),
            items: {
              create: titles.map((title, i) => ({
                kind: i < 7 ? ('MAIN' as const) : ('ADDITIONAL' as const),
                position: i,
                title,
                parentItemId: i < 7 ? parents[i % parents.length].id : null,
                indicators: {
                  create: (['QUANTITY', 'QUALITY', 'TIME'] as const).map((aspect, j) => ({
                    aspect,
                    description: `IKI ${i + 1}.${j + 1}: ${long(140, 'Persentase dokumen kepegawaian yang diselesaikan')}`,
                    target: `${90 + j} persen dokumen`,
                    // One realization is longer than a page: its row is split between lines.
                    realizations: {
                      create: [
                        {
                          value:
                            i === 1 && j === 0
                              ? long(5000, 'rincian realisasi per bulan beserta kendala dan tindak lanjutnya')
                              : `${88 + j} persen dokumen selesai`,
                        },
                      ],
                    },
                  })),
                },
              })),
            },
          },
        },
        review: {
          create: {
            resultRating: 'ABOVE',
            behaviourRating: 'ABOVE',
            berorientasiPelayanan: 'ABOVE',
            akuntabel: 'ABOVE',
            kompeten: 'ABOVE',
            harmonis: 'MEETS',
            loyal: 'ABOVE',
            adaptif: 'ABOVE',
            kolaboratif: 'ABOVE',
          },
        },
        feedback: { create: [{ text: long(300, 'Pertahankan ketepatan waktu laporan dan dokumentasi bukti dukung') }] },
      },
      include: { plan: { include: { items: { include: { indicators: true } } } } },
    });
    const indicator = a.plan!.items[0].indicators[0];
    await p.evidence.create({
      data: {
        appraisalId: a.id,
        indicatorId: indicator.id,
        kind: 'LINK',
        title: 'laporan-triwulan-keempat-bidang-pengembangan-kompetensi-aparatur-final.pdf',
        url: 'https://contoh.go.id/laporan',
      },
    });

    const res = await request(app)
      .get(`/api/documents/appraisals/${a.id}/evaluation.pdf`)
      .set('Authorization', `Bearer ${admin}`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const pdf = res.body as Buffer;
    const text = pdfText(pdf);
    const pages = pdfGeometry(pdf);

    // What a person reads: the annual form, the long name whole, every work result, the year's predicate in words.
    expect(text).toMatch(/DOKUMEN EVALUASI KINERJA PEGAWAI PERIODE: TAHUNAN \d{4}/);
    expect(text).toContain(`1 NAMA ${name} 1 NAMA ${rater.name}`);
    expect(text).toContain(`NO ATASAN PEJABAT PENILAI KINERJA 1 NAMA ${atasan.name}`);
    // A work result's title is one cell merged down its indicators' rows: read its column from top to bottom.
    const runs = pages.flatMap((pg) => pg.runs);
    const x = runs.find((r) => r.text.startsWith('RHK 1:'))!.x;
    const column = runs
      .filter((r) => Math.abs(r.x - x) < 0.5 && r.font === 'Helvetica' && r.text !== '(lanjutan)')
      .map((r) => r.text)
      .join(' ');
    for (const [i, title] of titles.entries()) expect(column).toContain(i === 4 ? title.slice(0, 200) : title);
    expect(text).toContain('laporan-triwulan-keempat-bidang-pengembangan-kompetensi-aparatur-final.pdf'.slice(0, 20));
    expect(text).toContain('PREDIKAT KINERJA PEGAWAI TAHUNAN SANGAT BAIK');
    expect(text).toContain(`Pegawai yang Dinilai,`);
    expect(text).toContain(`Mengetahui, Atasan Pejabat Penilai Kinerja, ${atasan.name} NIP ${atasan.nip}`);
    expect(text).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);

    // The layout: margins, no text over text, one footer per page under everything, signatures kept together.
    expect(layoutProblems(pages, rater)).toEqual([]);
    const headerPages = pages.filter((pg) =>
      pg.runs.some((r) => r.text === 'INDIKATOR KINERJA' || r.text.startsWith('INDIKATOR KINERJA')),
    );
    expect(headerPages.length).toBeGreaterThan(1); // the work-results table spans pages; its header comes back on each
    const signaturePage = pages.findIndex((pg) => pg.runs.some((r) => r.text === 'Pegawai yang Dinilai,'));
    for (const who of [name, rater.name, atasan.name])
      expect(pages[signaturePage].runs.some((r) => r.font === 'Helvetica-Bold' && who.startsWith(r.text))).toBe(true);

    if (existsSync('/usr/bin/pdftoppm')) {
      const dir = join(tmpdir(), 'capaian-documents');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'evaluasi-panjang.pdf'), pdf);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        join(dir, 'evaluasi-panjang.pdf'),
        join(dir, 'evaluasi-panjang'),
      ]);
    }
  });
});
