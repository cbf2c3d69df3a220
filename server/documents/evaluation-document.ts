/**
 * The printable evaluation document (Dokumen Evaluasi Kinerja Pegawai) of one appraisal, after the form of
 * PermenPANRB 6/2022: the people, the work results with indicators, targets and realizations, the ratings of work
 * results and of the seven BerAKHLAK behaviours, the predicate with why it came out so, the appeal, the allowance,
 * and the signature blocks. A4 portrait, built-in PDF fonts, Bahasa Indonesia.
 */
import PDFDocument from 'pdfkit';
import { MONTH_NAMES_ID } from '../../prisma/month-names';

export interface PersonLine {
  name: string;
  nip: string;
  position: string;
  grade?: string | null;
  unit?: string | null;
}

export interface EvaluationDocumentData {
  appraisalId: number;
  cycleName: string;
  /**
   * The evaluation: the year's final (annual) one, a periodic one (a month, quarter or semester of the year), or the
   * only evaluation of a cycle over a shorter span.
   */
  evaluation: 'ANNUAL' | 'PERIODIC' | 'SINGLE';
  /** The year (the cycle's span), e.g. "Tahunan 2027". */
  yearLabel: string;
  periodLabel: string;
  periodStart: Date;
  periodEnd: Date;
  stage: string;
  employee: PersonLine;
  rater: PersonLine | null;
  raterSuperior: PersonLine | null;
  planStatus: string | null;
  items: {
    kind: 'MAIN' | 'ADDITIONAL';
    title: string;
    parentTitle: string | null;
    indicators: { aspect: string; description: string; target: string; realizations: string[] }[];
  }[];
  review: {
    resultRating: string;
    behaviourRating: string;
    behaviours: Record<string, string>;
    resultComment: string | null;
    behaviourComment: string | null;
    source: string;
  } | null;
  predicate: string | null;
  explanation: { text: string | null; lines: string[]; ruleSet: string | null };
  appeal: { status: string; reason: string; decision: string | null; decisionNote: string | null } | null;
  pay: { baseAmount: number; cutAmount: number; amount: number } | null;
  feedbackCount: number;
  generatedAt: Date;
}

export const RATING_WORDS: Record<string, string> = {
  ABOVE: 'Di atas ekspektasi',
  MEETS: 'Sesuai ekspektasi',
  BELOW: 'Di bawah ekspektasi',
};

export const PREDICATE_WORDS: Record<string, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

/** The seven BerAKHLAK core values, in the order of the regulation. */
export const BERAKHLAK: [string, string][] = [
  ['berorientasiPelayanan', 'Berorientasi Pelayanan'],
  ['akuntabel', 'Akuntabel'],
  ['kompeten', 'Kompeten'],
  ['harmonis', 'Harmonis'],
  ['loyal', 'Loyal'],
  ['adaptif', 'Adaptif'],
  ['kolaboratif', 'Kolaboratif'],
];

const ASPECT_WORDS: Record<string, string> = { QUANTITY: 'Kuantitas', QUALITY: 'Kualitas', TIME: 'Waktu' };
const APPEAL_WORDS: Record<string, string> = {
  FILED: 'Diajukan, menunggu keputusan atasan pejabat penilai',
  DECIDED: 'Diputus',
  ESCALATED: 'Dieskalasi ke SDM',
  CHANGED: 'Hasil diubah',
  UNCHANGED: 'Hasil tetap',
};
const MONTHS = MONTH_NAMES_ID;

/** `23 November 2026`. */
export function tanggal(d: Date): string {
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** `Rp5.250.000` (integer rupiah, dots as thousands separators). */
export function rupiah(n: number): string {
  return `Rp${Math.trunc(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/** Renders the document; resolves to the PDF bytes. */
export function renderEvaluationDocument(d: EvaluationDocumentData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    info: {
      Title: `Dokumen Evaluasi Kinerja Pegawai — ${d.employee.name} — ${d.periodLabel}`,
      Author: 'Capaian',
      Subject: `Penilaian #${d.appraisalId}`,
      CreationDate: d.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const heading = (text: string) => {
    doc.moveDown(0.6);
    if (doc.y > doc.page.height - 120) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(10.5).text(text, left, doc.y, { width });
    doc
      .moveTo(left, doc.y + 1)
      .lineTo(left + width, doc.y + 1)
      .lineWidth(0.5)
      .stroke();
    doc.moveDown(0.3);
    doc.font('Helvetica').fontSize(9.5);
  };
  const row = (label: string, value: string) => {
    const y = doc.y;
    doc.font('Helvetica').fontSize(9.5).text(label, left, y, { width: 150 });
    const afterLabel = doc.y;
    doc.text(`: ${value}`, left + 150, y, { width: width - 150 });
    doc.y = Math.max(doc.y, afterLabel);
  };
  const person = (title: string, p: PersonLine | null) => {
    heading(title);
    if (!p) return void doc.text('— belum ditetapkan —', left, doc.y, { width });
    row('Nama', p.name);
    row('NIP', p.nip);
    row('Jabatan', p.position);
    if (p.grade) row('Pangkat/golongan', p.grade);
    if (p.unit) row('Unit kerja', p.unit);
  };

  doc
    .font('Helvetica-Bold')
    .fontSize(13)
    .text(
      d.evaluation === 'PERIODIC' ? 'DOKUMEN EVALUASI KINERJA PEGAWAI PERIODIK' : 'DOKUMEN EVALUASI KINERJA PEGAWAI',
      left,
      doc.y,
      { width, align: 'center' },
    );
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(
      d.evaluation === 'ANNUAL' && d.periodLabel !== d.yearLabel
        ? `PERIODE: ${d.periodLabel.toUpperCase()} · EVALUASI ${d.yearLabel.toUpperCase()}`
        : `PERIODE: ${d.periodLabel.toUpperCase()}`,
      { width, align: 'center' },
    )
    .text(`${tanggal(d.periodStart)} s.d. ${tanggal(d.periodEnd)} · ${d.cycleName}`, { width, align: 'center' });

  person('PEGAWAI YANG DINILAI', d.employee);
  person('PEJABAT PENILAI KINERJA', d.rater);
  person('ATASAN PEJABAT PENILAI KINERJA', d.raterSuperior);

  heading('HASIL KERJA (SKP)');
  if (!d.items.length) doc.text('SKP belum disusun.', left, doc.y, { width });
  if (d.planStatus) row('Status SKP', d.planStatus);
  for (const [kind, title] of [
    ['MAIN', 'A. Utama'],
    ['ADDITIONAL', 'B. Tambahan'],
  ] as const) {
    const items = d.items.filter((i) => i.kind === kind);
    if (!items.length) continue;
    doc.moveDown(0.3).font('Helvetica-Bold').text(title, left, doc.y, { width });
    items.forEach((item, n) => {
      if (doc.y > doc.page.height - 100) doc.addPage();
      doc.font('Helvetica-Bold').text(`${n + 1}. ${item.title}`, left + 10, doc.y, { width: width - 10 });
      doc.font('Helvetica');
      if (item.parentTitle)
        doc
          .fontSize(8.5)
          .text(`RHK atasan yang diintervensi: ${item.parentTitle}`, left + 22, doc.y, { width: width - 22 })
          .fontSize(9.5);
      for (const ind of item.indicators) {
        doc.text(
          `• ${ASPECT_WORDS[ind.aspect] ?? ind.aspect}: ${ind.description} — target ${ind.target}; realisasi ${
            ind.realizations.length ? ind.realizations.join('; ') : '—'
          }`,
          left + 22,
          doc.y,
          { width: width - 22 },
        );
      }
    });
  }

  heading('RATING');
  if (!d.review) doc.text('Belum dinilai oleh pejabat penilai kinerja.', left, doc.y, { width });
  else {
    row('Rating hasil kerja', RATING_WORDS[d.review.resultRating] ?? d.review.resultRating);
    if (d.review.resultComment) row('Catatan hasil kerja', d.review.resultComment);
    row('Rating perilaku kerja', RATING_WORDS[d.review.behaviourRating] ?? d.review.behaviourRating);
    for (const [key, label] of BERAKHLAK) {
      const v = d.review.behaviours[key];
      if (v) row(`   ${label}`, RATING_WORDS[v] ?? v);
    }
    if (d.review.behaviourComment) row('Catatan perilaku kerja', d.review.behaviourComment);
    if (d.review.source !== 'RATER')
      row('Sumber rating', d.review.source === 'APPEAL' ? 'Keputusan keberatan' : 'Kalibrasi');
  }

  // The final evaluation's predicate is the year's (PermenPANRB 6/2022): it is what the annual report and PP 30/2019's
  // follow-up use.
  heading(
    { ANNUAL: 'PREDIKAT KINERJA PEGAWAI TAHUNAN', PERIODIC: 'PREDIKAT KINERJA PEGAWAI PERIODIK', SINGLE: '' }[
      d.evaluation
    ] || 'PREDIKAT KINERJA PEGAWAI',
  );
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .text(d.predicate ? (PREDICATE_WORDS[d.predicate] ?? d.predicate).toUpperCase() : 'BELUM ADA', left, doc.y, {
      width,
    });
  doc.font('Helvetica').fontSize(9.5);
  if (d.explanation.text) doc.text(`Penjelasan: ${d.explanation.text}`, left, doc.y, { width });
  for (const l of d.explanation.lines) doc.text(`• ${l}`, left + 10, doc.y, { width: width - 10 });
  if (d.explanation.ruleSet) doc.fontSize(8.5).text(d.explanation.ruleSet, left, doc.y, { width }).fontSize(9.5);

  if (d.appeal) {
    heading('KEBERATAN');
    row('Status', APPEAL_WORDS[d.appeal.status] ?? d.appeal.status);
    row('Alasan', d.appeal.reason);
    if (d.appeal.decision) row('Keputusan', APPEAL_WORDS[d.appeal.decision] ?? d.appeal.decision);
    if (d.appeal.decisionNote) row('Pertimbangan', d.appeal.decisionNote);
  }

  if (d.pay) {
    heading('TAMBAHAN PENGHASILAN PEGAWAI (TPP)');
    row('TPP dasar', rupiah(d.pay.baseAmount));
    row('Potongan', rupiah(d.pay.cutAmount));
    row('TPP dibayarkan', rupiah(d.pay.amount));
  }

  // Signature blocks: the rater signs; the employee acknowledges.
  if (doc.y > doc.page.height - 170) doc.addPage();
  doc.moveDown(2);
  const y = doc.y;
  const col = width / 2;
  const sign = (x: number, role: string, p: PersonLine | null) => {
    doc
      .font('Helvetica')
      .fontSize(9.5)
      .text(role, x, y, { width: col - 10, align: 'center' });
    doc.text(p?.name ?? '', x, y + 70, { width: col - 10, align: 'center', underline: !!p });
    doc.text(p ? `NIP ${p.nip}` : '', x, y + 84, { width: col - 10, align: 'center' });
  };
  doc.text(`Dicetak ${tanggal(d.generatedAt)}`, left + col, y - 14, { width: col - 10, align: 'center' });
  sign(left, 'Pegawai yang dinilai,', d.employee);
  sign(left + col, 'Pejabat penilai kinerja,', d.rater);
  doc
    .fontSize(7.5)
    .fillColor('#666666')
    .text(
      `Capaian · penilaian #${d.appraisalId} · tahap ${d.stage} · ${d.feedbackCount} catatan umpan balik · dokumen dibuat ${d.generatedAt.toISOString()}`,
      left,
      doc.page.height - doc.page.margins.bottom - 12,
      { width, align: 'center', lineBreak: false },
    );
  doc.end();
  return done;
}
