/**
 * Where the text of a pdfkit PDF stands on its pages, read from the file itself: each page's content stream (inflated),
 * its fonts (/BaseFont of each /F resource) and each text run's matrix (`Tm`), font and size (`Tf`) and string (`TJ`).
 * A run's width is measured with the metrics of the built-in font it names, so a test can check margins and overlaps
 * the way a reader sees the page (top-down y, in points).
 */
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

export interface TextRun {
  page: number;
  text: string;
  font: string;
  size: number;
  x: number;
  /** Top of the line box, from the top of the page. */
  top: number;
  /** Bottom of the descenders, from the top of the page. */
  bottom: number;
  width: number;
}

export interface PageGeometry {
  width: number;
  height: number;
  runs: TextRun[];
}

/** WinAnsi bytes 0x80–0x9F that are not Latin-1 (the rest of the byte range is). */
const WIN_ANSI: Record<number, string> = {
  0x80: '€',
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
};

function object(raw: string, id: string): { dict: string; start: number } {
  const at = raw.search(new RegExp(`(^|\\n)${id} 0 obj`));
  if (at < 0) throw new Error(`object ${id} not found`);
  const end = raw.indexOf('endobj', at);
  return { dict: raw.slice(at, end), start: at };
}

/** Pages of a pdfkit PDF with their text runs, in page order. */
export function pdfGeometry(pdf: Buffer): PageGeometry[] {
  const raw = pdf.toString('latin1');
  const kids = /\/Type \/Pages[^]*?\/Kids \[([^\]]*)\]/.exec(raw)![1];
  const ids = [...kids.matchAll(/(\d+) 0 R/g)].map((m) => m[1]);
  const measure = new PDFDocument({ autoFirstPage: true });
  return ids.map((id, index) => {
    const page = object(raw, id).dict;
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(page)!;
    const height = Number(box[2]);
    const fonts: Record<string, string> = {};
    const resources = object(raw, /\/Resources (\d+) 0 R/.exec(page)![1]).dict;
    for (const f of resources.matchAll(/\/(F\d+) (\d+) 0 R/g))
      fonts[f[1]] = /\/BaseFont \/([\w-]+)/.exec(object(raw, f[2]).dict)![1];
    const contents = object(raw, /\/Contents (\d+) 0 R/.exec(page)![1]);
    const s = raw.indexOf('stream', contents.start);
    const streamStart = raw[s + 6] === '\r' ? s + 8 : s + 7;
    const body = inflateSync(pdf.subarray(streamStart, raw.indexOf('endstream', streamStart))).toString('latin1');
    const runs: TextRun[] = [];
    let font = '';
    let size = 0;
    let x = 0;
    let y = 0;
    for (const m of body.matchAll(
      /([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) Tm|\/(F\d+) ([\d.]+) Tf|\[(.*?)\]\s*TJ/g,
    )) {
      if (m[1] !== undefined) {
        // pdfkit flips the page (1 0 0 -1 0 h cm) and flips it back around each text: Tm is in PDF space.
        x = Number(m[5]);
        y = Number(m[6]);
      } else if (m[7] !== undefined) {
        font = fonts[m[7]];
        size = Number(m[8]);
      } else {
        const bytes = Buffer.from([...m[9].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join(''), 'hex');
        const text = [...bytes].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join('');
        const baseline = height - y;
        runs.push({
          page: index + 1,
          text,
          font,
          size,
          x,
          top: baseline - 0.718 * size,
          bottom: baseline + 0.207 * size,
          width: measure.font(font).fontSize(size).widthOfString(text),
        });
      }
    }
    return { width: Number(box[1]), height, runs };
  });
}

/** True when two runs' boxes intersect (more than a hair: adjacent lines touch). */
export function overlaps(a: TextRun, b: TextRun): boolean {
  const e = 0.5;
  return a.x + e < b.x + b.width && b.x + e < a.x + a.width && a.top + e < b.bottom && b.top + e < a.bottom;
}

/**
 * What a reader would call a layout fault, in words (empty when none): text past a margin of `margin` points, text over
 * other text, a page without exactly one "Halaman i dari n" footer (n the page count), a footer not below everything else
 * on its page, and a signature block ("Pejabat Penilai Kinerja,", the signer's name, "NIP …") split over pages, out of
 * order or not above the footer.
 */
export function layoutProblems(pages: PageGeometry[], signer: { name: string; nip: string }, margin = 40): string[] {
  const out: string[] = [];
  const e = 0.01;
  for (const [i, p] of pages.entries()) {
    const where = (r: TextRun) => `page ${i + 1}, "${r.text.slice(0, 40)}"`;
    for (const r of p.runs) {
      if (r.x < margin - e) out.push(`${where(r)} starts left of the margin at x=${r.x.toFixed(1)}`);
      if (r.x + r.width > p.width - margin + e)
        out.push(`${where(r)} runs past the right margin to x=${(r.x + r.width).toFixed(1)}`);
      if (r.top < margin - e || r.bottom > p.height - margin + e)
        out.push(`${where(r)} is outside the top/bottom margin`);
    }
    for (let a = 0; a < p.runs.length; a++)
      for (let b = a + 1; b < p.runs.length; b++)
        if (overlaps(p.runs[a], p.runs[b])) out.push(`${where(p.runs[a])} overlaps ${where(p.runs[b])}`);
    const footers = p.runs.filter((r) => r.text === `Halaman ${i + 1} dari ${pages.length}`);
    if (footers.length !== 1) {
      out.push(`page ${i + 1} has ${footers.length} footers "Halaman ${i + 1} dari ${pages.length}"`);
      continue;
    }
    const footerTop = Math.min(...p.runs.filter((r) => Math.abs(r.top - footers[0].top) < 1).map((r) => r.top));
    const above = p.runs.filter((r) => Math.abs(r.top - footers[0].top) >= 1);
    const lowest = Math.max(...above.map((r) => r.bottom));
    if (!(footerTop > lowest))
      out.push(`page ${i + 1}: the footer (y=${footerTop.toFixed(1)}) is not below the content`);
  }
  const all = pages.flatMap((p) => p.runs);
  const role = all.filter((r) => r.text === 'Pejabat Penilai Kinerja,');
  if (role.length !== 1) return [...out, `${role.length} signature blocks of the Pejabat Penilai Kinerja`];
  const onPage = all.filter((r) => r.page === role[0].page && r.top > role[0].top);
  const name = onPage.find((r) => signer.name.startsWith(r.text) && r.font === 'Helvetica-Bold');
  const nip = onPage.find((r) => r.text === `NIP ${signer.nip}`);
  if (!name || !nip) return [...out, `the signature block is not on one page with the name and NIP of ${signer.name}`];
  if (!(name.top < nip.top)) out.push('the signer’s NIP is not under the name');
  const footer = pages[role[0].page - 1].runs.find((r) => r.text.startsWith('Halaman '))!;
  if (!(footer.top > nip.bottom)) out.push(`the footer (y=${footer.top}) is not below the signature (y=${nip.bottom})`);
  return out;
}
