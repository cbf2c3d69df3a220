/**
 * The middle sections of the evaluation document, in the order of the form of PermenPANRB 6/2022: CAPAIAN KINERJA
 * ORGANISASI and POLA DISTRIBUSI, HASIL KERJA with RATING HASIL KERJA, PERILAKU KERJA with RATING PERILAKU KERJA, and
 * PREDIKAT KINERJA PEGAWAI. What the system does not hold is printed as "-".
 */
import type { EvaluationDocumentData } from './evaluation-document';
import { PdfLayout, type Para } from './pdf-layout';
import { drawTable, mergeDown, type Row } from './pdf-table';
import {
  ASPECT_WORDS,
  BERAKHLAK,
  persen,
  PLAN_STATUS_WORDS,
  PREDICATE_WORDS,
  RATING_WORDS,
  REVIEW_SOURCE_WORDS,
  localTime,
  tanggal,
  UNIT_RATING_WORDS,
  words,
} from './evaluation-words';

type D = EvaluationDocumentData;

/** A two-column table of labels (bold) and values. */
function labelled(l: PdfLayout, rows: [string, string | Para[]][], labelWidth = 190, size = 8.5) {
  drawTable(
    l,
    rows.map(([k, v]) => ({ cells: [{ text: k, bold: true }, { text: v }] })),
    { widths: [labelWidth, l.width - labelWidth], size },
  );
}

const PREDICATE_ORDER = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

/** CAPAIAN KINERJA ORGANISASI (the unit's rating in words) and POLA DISTRIBUSI (the unit's predicates and its curve). */
export function distributionSection(l: PdfLayout, d: D) {
  const rating = d.unitRating
    ? `${words(UNIT_RATING_WORDS, d.unitRating.rating)} (${d.unitRating.unitName}${
        d.unitRating.defaulted ? '; rating bawaan siklus, belum ditetapkan untuk unit ini' : ''
      })`
    : '-';
  const dist = d.distribution;
  const rows: [string, string][] = [['CAPAIAN KINERJA ORGANISASI', rating]];
  if (!dist || 'withheld' in dist) rows.push(['POLA DISTRIBUSI', dist ? `- (${dist.withheld})` : '-']);
  labelled(l, rows);
  if (!dist || 'withheld' in dist) return;
  l.heading('POLA DISTRIBUSI', 60);
  const w = (l.width - 115) / 5;
  drawTable(
    l,
    [
      {
        cells: [
          { text: 'Jumlah pegawai', bold: true },
          ...PREDICATE_ORDER.map((p) => ({ text: String(dist.counts[p] ?? 0), align: 'center' as const })),
        ],
      },
      {
        cells: [
          { text: 'Persentase', bold: true },
          ...PREDICATE_ORDER.map((p) => ({
            text: dist.total ? persen(((dist.counts[p] ?? 0) * 100) / dist.total) : '-',
            align: 'center' as const,
          })),
        ],
      },
    ],
    {
      widths: [115, w, w, w, w, w],
      size: 8.5,
      header: [
        {
          cells: [
            `Predikat (${dist.total} pegawai)`,
            ...PREDICATE_ORDER.map((p) => ({ text: PREDICATE_WORDS[p], align: 'center' as const })),
          ],
        },
      ],
      gapAfter: 2,
    },
  );
  if (dist.limits.length)
    l.paragraphs(
      [
        { text: 'Batas kurva distribusi untuk capaian organisasi ini:', size: 8 },
        ...dist.limits.map((x) => ({
          text: `• ${x.text} (${x.holds ? 'terpenuhi' : 'tidak terpenuhi'})`,
          size: 8,
          indent: 6,
        })),
      ],
      6,
    );
}

/** The realization cell of an indicator: what was achieved, then its evidence. */
function realisasi(ind: D['items'][number]['indicators'][number]): Para[] {
  const out: Para[] = [{ text: ind.realizations.length ? ind.realizations.join('; ') : '-' }];
  if (ind.evidence.length) out.push({ text: `Bukti dukung: ${ind.evidence.join('; ')}`, font: 'Helvetica-Oblique' });
  return out;
}

/** HASIL KERJA: one row per indicator; the work result's cells span its indicators. */
export function resultsSection(l: PdfLayout, d: D) {
  l.heading('HASIL KERJA', 130);
  l.paragraphs([{ text: `Status SKP: ${words(PLAN_STATUS_WORDS, d.planStatus)}`, size: 8 }], 2);
  const widths = [18, 72, 86, 44, 80, 52, 82, 81];
  const rows: Row[] = [];
  if (!d.items.length) rows.push({ cells: [{ text: 'SKP belum disusun.', span: widths.length }] });
  for (const [kind, title] of [
    ['MAIN', 'A. UTAMA'],
    ['ADDITIONAL', 'B. TAMBAHAN'],
  ] as const) {
    const items = d.items.filter((i) => i.kind === kind);
    if (!items.length) continue;
    rows.push({ shaded: true, cells: [{ text: title, span: widths.length }] });
    items.forEach((item, n) => {
      const indicators = item.indicators.length
        ? item.indicators
        : [{ aspect: '', description: '-', target: '-', realizations: [], evidence: [] }];
      const group: Row[] = indicators.map((ind) => ({
        cells: [
          { text: `${n + 1}`, align: 'center', carry: `${n + 1}` },
          { text: item.parentTitle ?? '-', carry: item.parentTitle ? '(lanjutan)' : '-' },
          { text: item.title, carry: '(lanjutan)' },
          ASPECT_WORDS[ind.aspect] ?? '-',
          ind.description,
          ind.target,
          { text: realisasi(ind) },
          // Feedback is recorded on the appraisal, not on a work result: it is listed under the table.
          '-',
        ],
      }));
      rows.push(...mergeDown(l, group, [0, 1, 2, 7], { widths, size: 7.5 }));
    });
  }
  drawTable(l, rows, {
    widths,
    size: 7.5,
    headerSize: 6.6,
    header: [
      {
        cells: [
          { text: 'NO', align: 'center' },
          'RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI',
          'RENCANA HASIL KERJA',
          'ASPEK',
          'INDIKATOR KINERJA INDIVIDU',
          'TARGET',
          'REALISASI BERDASARKAN BUKTI DUKUNG',
          'UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG',
        ],
      },
    ],
    gapAfter: 4,
  });
  const feedback: Para[] = d.feedback.length
    ? d.feedback.map((f) => ({ text: `${tanggal(localTime(f.at, d.utcOffsetHours).day)}: ${f.text}` }))
    : [{ text: '-' }];
  const rows2: [string, string | Para[]][] = [
    ['RATING HASIL KERJA', d.review ? words(RATING_WORDS, d.review.resultRating) : 'Belum ada'],
    ['Umpan balik berkelanjutan selama periode', feedback],
  ];
  if (d.review?.resultComment) rows2.push(['Catatan pejabat penilai atas hasil kerja', d.review.resultComment]);
  labelled(l, rows2);
}

/** PERILAKU KERJA: the seven BerAKHLAK values with their guidance, the leader's expectations and each rating. */
export function behaviourSection(l: PdfLayout, d: D) {
  l.heading('PERILAKU KERJA', 110);
  const widths = [18, 250, 157, l.width - 425];
  const rows: Row[] = BERAKHLAK.map((v, i) => ({
    cells: [
      { text: String(i + 1), align: 'center' },
      {
        text: [{ text: v.name, font: 'Helvetica-Bold' }, ...v.guidance.map((g) => ({ text: `- ${g}`, indent: 4 }))],
      },
      // The plan holds one statement of the leader's expectations for all seven values: one merged cell.
      { text: d.expectations || '-', carry: d.expectations ? '(lanjutan)' : undefined },
      d.review ? words(RATING_WORDS, d.review.behaviours[v.key]) : 'Belum ada',
    ],
  }));
  drawTable(l, mergeDown(l, rows, [2], { widths, size: 7.5 }), {
    widths,
    size: 7.5,
    headerSize: 6.6,
    header: [
      {
        cells: [
          { text: 'NO', align: 'center' },
          'PERILAKU KERJA',
          'EKSPEKTASI KHUSUS PIMPINAN',
          'RATING PEJABAT PENILAI KINERJA',
        ],
      },
    ],
    gapAfter: 4,
  });
  const rows2: [string, string][] = [
    ['RATING PERILAKU KERJA', d.review ? words(RATING_WORDS, d.review.behaviourRating) : 'Belum ada'],
  ];
  if (d.review?.behaviourComment)
    rows2.push(['Catatan pejabat penilai atas perilaku kerja', d.review.behaviourComment]);
  labelled(l, rows2);
}

/** PREDIKAT KINERJA PEGAWAI in words (the year's on the annual document), the ratings it follows from, and why. */
export function predicateSection(l: PdfLayout, d: D) {
  const label =
    d.evaluation === 'ANNUAL'
      ? 'PREDIKAT KINERJA PEGAWAI TAHUNAN'
      : d.evaluation === 'PERIODIC'
        ? 'PREDIKAT KINERJA PEGAWAI PERIODIK'
        : 'PREDIKAT KINERJA PEGAWAI';
  const value = d.predicate ? words(PREDICATE_WORDS, d.predicate).toUpperCase() : 'BELUM ADA';
  const why: Para[] = [];
  if (d.review) {
    why.push({
      text: `Rating hasil kerja ${words(RATING_WORDS, d.review.resultRating)} dan rating perilaku kerja ${words(
        RATING_WORDS,
        d.review.behaviourRating,
      )}; rating oleh: ${words(REVIEW_SOURCE_WORDS, d.review.source)}.`,
    });
  }
  if (d.explanation.text) why.push({ text: `Penjelasan: ${d.explanation.text}` });
  for (const line of d.explanation.lines) why.push({ text: `• ${line}`, indent: 4 });
  if (d.explanation.ruleSet) why.push({ text: d.explanation.ruleSet, font: 'Helvetica-Oblique', size: 7.5 });
  l.ensure(40);
  drawTable(
    l,
    [
      {
        cells: [
          { text: [{ text: label, font: 'Helvetica-Bold', size: 9.5 }] },
          { text: [{ text: value, font: 'Helvetica-Bold', size: 10.5 }] },
        ],
      },
      ...(why.length ? [{ cells: [{ text: why, span: 2 }] }] : []),
    ],
    { widths: [230, l.width - 230], size: 8.5 },
  );
}
