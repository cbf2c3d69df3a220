/**
 * Documents of an appraisal (/api/documents) against real PostgreSQL: the evaluation document PDF shows the people,
 * the plan with realizations, the ratings, the predicate with its explanation from the published scoring rule set;
 * only those who may see the appraisal get it. Evidence files: upload by the employee in the EVIDENCE stage only,
 * size-limited, audited, downloaded byte for byte.
 *
 * The appraisal is written directly with Prisma (the workflow that normally writes it is proven in test/workflows
 * and in the browser test); its predicate and explanation come from the real scoring rules.
 */
import request from 'supertest';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { scorePredicate } from '../../rules';
import { pdfText } from '../helpers/pdf-text';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('appraisal documents (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createTestApp>['app'];
  const tokens: Record<string, string> = {};
  let appraisalId: number;
  let employee: { id: number; name: string; nip: string };
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
    const rater = await p.employee.findUniqueOrThrow({ where: { id: user.employee!.superiorId! } });
    const outsider = await p.user.findFirstOrThrow({
      where: { employee: { unitId: { not: user.employee!.unitId }, subordinates: { none: {} } } },
    });
    outsiderToken = await login(outsider.username);
    const period = await p.period.findFirstOrThrow({ where: { type: 'QUARTER' }, orderBy: { id: 'asc' } });
    const cycle = await p.cycle.create({
      data: {
        name: `Penilaian ${period.label}`,
        unitId: user.employee!.unitId,
        periodId: period.id,
        status: 'RUNNING',
      },
    });
    const scoring = await p.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SCORING', status: 'PUBLISHED' } });
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
        plan: {
          create: {
            status: 'APPROVED',
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
  });
  afterAll(() => db.drop());

  it('the evaluation document is a PDF with the people, the plan, the ratings, the predicate and why', async () => {
    const res = await request(app)
      .get(`/api/documents/appraisals/${appraisalId}/evaluation.pdf`)
      .set('Authorization', `Bearer ${tokens.pegawai}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`inline; filename="evaluasi-kinerja-${employee.nip}`),
    );
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('DOKUMEN EVALUASI KINERJA PEGAWAI');
    expect(text).toContain(employee.name);
    expect(text).toContain(employee.nip);
    expect(text).toContain('Tersusunnya laporan kepegawaian triwulan');
    expect(text).toContain('realisasi 3 laporan selesai');
    expect(text).toContain('Menjadi narasumber sosialisasi SKP');
    expect(text).toContain('Rating hasil kerja');
    expect(text).toContain('Di atas ekspektasi');
    expect(text).toContain('Kolaboratif');
    expect(text).toContain('PREDIKAT KINERJA PEGAWAI BAIK Penjelasan:'); // ABOVE × MEETS in the default matrix
    const explanation = (await db.prisma.appraisal.findUniqueOrThrow({ where: { id: appraisalId } }))
      .predicateExplanation as any;
    expect(explanation.explanation.text.id.length).toBeGreaterThan(10);
    expect(text).toContain(explanation.explanation.text.id.slice(0, 30));
    expect(text).toMatch(/Aturan .* versi \d+/);
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
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
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
