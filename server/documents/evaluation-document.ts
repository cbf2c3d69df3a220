/**
 * The printable evaluation document of one appraisal, after the form "Evaluasi Kinerja Pegawai" in the lampiran of
 * PermenPANRB 6/2022: the header with the government and the period, the identity table of the employee and the rater,
 * the organisation's rating and the distribution, the work results (RHK) with indicators, targets, realizations and
 * evidence, the rating of work results, the seven BerAKHLAK values with their guidance, the rating of behaviour, the
 * predicate in words (with why), the appeal and the allowance where there are, and the signature block. A4 portrait,
 * built-in PDF fonts, Bahasa Indonesia. Layout and tables: pdf-layout.ts and pdf-table.ts.
 */
import { PdfLayout } from './pdf-layout';
import { drawTable, type Row } from './pdf-table';
import { behaviourSection, distributionSection, predicateSection, resultsSection } from './evaluation-sections';
import { APPEAL_WORDS, localTime, rupiah, tanggal, words } from './evaluation-words';

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
  /** The government and the agency above the employee's unit, top first (e.g. "Pemerintah Kota …", "Dinas …"). */
  agency: string[];
  employee: PersonLine;
  rater: PersonLine | null;
  raterSuperior: PersonLine | null;
  planStatus: string | null;
  /** The rater's expectations stated with the plan (ekspektasi pimpinan). */
  expectations: string | null;
  items: {
    kind: 'MAIN' | 'ADDITIONAL';
    title: string;
    parentTitle: string | null;
    indicators: {
      aspect: string;
      description: string;
      target: string;
      realizations: string[];
      /** Titles of the evidence (bukti dukung) attached to this indicator. */
      evidence: string[];
    }[];
  }[];
  /** Continuous feedback (umpan balik berkelanjutan) recorded during the period, oldest first. */
  feedback: { at: Date; text: string }[];
  /** The unit's rating by the superior organisation (capaian kinerja organisasi), or null when none is recorded. */
  unitRating: { rating: string; unitName: string; defaulted: boolean } | null;
  /** The unit's predicates in this period and the curve's limits for its rating; `withheld` says why not shown. */
  distribution:
    | { counts: Record<string, number>; total: number; limits: { text: string; holds: boolean }[] }
    | { withheld: string }
    | null;
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
  /** The day the document is signed for: the day the result was shared, else the day it is printed. */
  signedAt: Date;
  utcOffsetHours: number;
  generatedAt: Date;
}

/** Renders the document; resolves to the PDF bytes. */
export function renderEvaluationDocument(d: EvaluationDocumentData): Promise<Buffer> {
  const l = new PdfLayout({
    Title: `Evaluasi Kinerja Pegawai — ${d.employee.name} — ${d.periodLabel}`,
    Author: 'Capaian',
    Subject: `Penilaian #${d.appraisalId}`,
    CreationDate: d.generatedAt,
  });
  header(l, d);
  identity(l, d);
  distributionSection(l, d);
  resultsSection(l, d);
  behaviourSection(l, d);
  predicateSection(l, d);
  notes(l, d);
  signatures(l, d);
  const printed = localTime(d.generatedAt, d.utcOffsetHours);
  return l.finish(
    () =>
      `Capaian · dokumen evaluasi penilaian #${d.appraisalId} · ${d.cycleName} · dicetak ${tanggal(printed.day)} ${printed.clock}`,
  );
}

function header(l: PdfLayout, d: EvaluationDocumentData) {
  const title =
    d.evaluation === 'PERIODIC' ? 'DOKUMEN EVALUASI KINERJA PEGAWAI PERIODIK' : 'DOKUMEN EVALUASI KINERJA PEGAWAI';
  const period =
    d.evaluation === 'ANNUAL' && d.periodLabel !== d.yearLabel
      ? `PERIODE: ${d.periodLabel.toUpperCase()} · EVALUASI ${d.yearLabel.toUpperCase()}`
      : `PERIODE: ${d.periodLabel.toUpperCase()}`;
  for (const [text, size] of [
    [title, 12.5],
    [period, 10],
  ] as const) {
    const lines = l.wrap({ text, font: 'Helvetica-Bold', size }, l.width);
    l.y = l.drawLines(lines, l.left, l.y, l.width, 'center') + 2;
  }
  l.y += 6;
  // The government and agency at the left, the period of appraisal at the right, as on the form.
  const spanText = `PERIODE PENILAIAN: ${tanggal(d.periodStart).toUpperCase()} SD ${tanggal(d.periodEnd).toUpperCase()}`;
  const right = Math.min(l.measure(spanText, 'Helvetica-Bold', 8.5) + 1, l.width * 0.55);
  const left = l.width - right - 12;
  const agency = l.wrapAll(
    d.agency.map((a) => ({ text: a.toUpperCase(), font: 'Helvetica-Bold' as const, size: 8.5 })),
    left,
  );
  const span = l.wrap({ text: spanText, font: 'Helvetica-Bold', size: 8.5 }, right);
  const bottom = Math.max(
    l.drawLines(agency, l.left, l.y, left),
    l.drawLines(span, l.left + l.width - right, l.y, right, 'right'),
  );
  l.y = bottom + 6;
}

function personRows(people: (PersonLine | null)[]): Row[] {
  const fields: [string, (p: PersonLine) => string][] = [
    ['NAMA', (p) => p.name],
    ['NIP', (p) => p.nip],
    ['PANGKAT/GOL. RUANG', (p) => p.grade || '-'],
    ['JABATAN', (p) => p.position || '-'],
    ['UNIT KERJA', (p) => p.unit || '-'],
  ];
  return fields.map(([label, get], i) => ({
    cells: people.flatMap((p) => [{ text: String(i + 1), align: 'center' as const }, label, p ? get(p) : '-']),
  }));
}

function identity(l: PdfLayout, d: EvaluationDocumentData) {
  const half = [18, 74, l.width / 2 - 92];
  drawTable(l, personRows([d.employee, d.rater]), {
    widths: [...half, ...half],
    header: [
      {
        cells: [
          { text: 'NO', align: 'center' },
          { text: 'PEGAWAI YANG DINILAI', span: 2 },
          { text: 'NO', align: 'center' },
          { text: 'PEJABAT PENILAI KINERJA', span: 2 },
        ],
      },
    ],
  });
  // The annual document names the rater's superior too (the rater's superior decides an appeal).
  if (d.evaluation === 'ANNUAL')
    drawTable(l, personRows([d.raterSuperior]), {
      widths: half,
      header: [
        {
          cells: [
            { text: 'NO', align: 'center' },
            { text: 'ATASAN PEJABAT PENILAI KINERJA', span: 2 },
          ],
        },
      ],
    });
}

function notes(l: PdfLayout, d: EvaluationDocumentData) {
  const kv = (title: string, rows: [string, string][]) => {
    l.heading(title, 40);
    drawTable(
      l,
      rows.map(([k, v]) => ({ cells: [{ text: k, bold: true }, v] })),
      { widths: [150, l.width - 150] },
    );
  };
  if (d.appeal) {
    const rows: [string, string][] = [
      ['Status', words(APPEAL_WORDS, d.appeal.status)],
      ['Alasan keberatan', d.appeal.reason],
    ];
    if (d.appeal.decision) rows.push(['Keputusan', words(APPEAL_WORDS, d.appeal.decision)]);
    if (d.appeal.decisionNote) rows.push(['Pertimbangan', d.appeal.decisionNote]);
    kv('KEBERATAN', rows);
  }
  if (d.pay)
    kv('TAMBAHAN PENGHASILAN PEGAWAI (TPP) PERIODE INI', [
      ['TPP dasar', rupiah(d.pay.baseAmount)],
      ['Potongan', rupiah(d.pay.cutAmount)],
      ['TPP dibayarkan', rupiah(d.pay.amount)],
    ]);
}

/**
 * The place and date and the signature of the Pejabat Penilai Kinerja; the annual document adds the employee and, where
 * the data has one, the Atasan Pejabat Penilai Kinerja. The block is kept on one page.
 */
function signatures(l: PdfLayout, d: EvaluationDocumentData) {
  const col = (l.width - 20) / 2;
  const signed = `...................., ${tanggal(localTime(d.signedAt, d.utcOffsetHours).day)}`;
  const block = (role: string, p: PersonLine | null, dated: boolean) => [
    ...(dated ? [{ text: signed, size: 9 }] : [{ text: ' ', size: 9 }]),
    { text: role, size: 9 },
    { text: '\n\n\n\n', size: 9 },
    { text: p?.name ?? '-', font: 'Helvetica-Bold' as const, size: 9 },
    { text: p ? `NIP ${p.nip}` : '', size: 9 },
  ];
  const pairs: [ReturnType<typeof block> | null, ReturnType<typeof block>][] =
    d.evaluation === 'ANNUAL'
      ? [[block('Pegawai yang Dinilai,', d.employee, true), block('Pejabat Penilai Kinerja,', d.rater, true)]]
      : [[null, block('Pejabat Penilai Kinerja,', d.rater, true)]];
  if (d.evaluation === 'ANNUAL' && d.raterSuperior)
    pairs.push([null, block('Mengetahui,\nAtasan Pejabat Penilai Kinerja,', d.raterSuperior, false)]);
  const laid = pairs.map(([a, b]) => [a ? l.wrapAll(a, col) : [], l.wrapAll(b, col)]);
  const height = laid.reduce((h, [a, b]) => h + Math.max(PdfLayout.height(a), PdfLayout.height(b)) + 12, 12);
  l.ensure(height);
  l.y += 12;
  laid.forEach(([a, b], i) => {
    // The rater signs at the right; the superior's acknowledgement of the annual document sits centred under both.
    const x = i > 0 ? l.left + (l.width - col) / 2 : l.left + l.width - col;
    const end = Math.max(l.drawLines(a, l.left, l.y, col, 'center'), l.drawLines(b, x, l.y, col, 'center'));
    l.y = end + 12;
  });
}
