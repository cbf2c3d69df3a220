/**
 * Page layout for the documents the API prints with pdfkit: A4, fixed margins, a footer band reserved at the bottom of
 * every page, and text that is wrapped here (measured with pdfkit's own font metrics) and drawn line by line without
 * pdfkit's flowing text, so that no line passes the margins and no page is added behind the layout's back.
 */
import PDFDocument from 'pdfkit';

export type FontName = 'Helvetica' | 'Helvetica-Bold' | 'Helvetica-Oblique' | 'Helvetica-BoldOblique';

export interface TextStyle {
  font?: FontName;
  size?: number;
  color?: string;
}

/** One wrapped line and the style it is drawn in. */
export interface Line {
  text: string;
  font: FontName;
  size: number;
  /** Horizontal offset inside its box (an indented bullet's continuation). */
  indent: number;
}

/** A paragraph of a cell or block: text in one style, optionally indented. */
export interface Para {
  text: string;
  font?: FontName;
  size?: number;
  indent?: number;
}

export const MARGIN = 40;
/** Height of the band under the content that only the footer uses. */
export const FOOTER_BAND = 26;
const LINE_FACTOR = 1.22;

/** Line height for a font size. */
export function lineHeight(size: number): number {
  return size * LINE_FACTOR;
}

export class PdfLayout {
  readonly doc: PDFKit.PDFDocument;
  readonly left = MARGIN;
  readonly top = MARGIN;
  readonly width: number;
  readonly pageHeight: number;
  /** The lowest y content may reach; below it only the footer. */
  readonly bottom: number;
  y: number;
  private readonly chunks: Buffer[] = [];
  /** Widths already measured (words repeat; the same cells are wrapped to measure and to draw). */
  private readonly widths = new Map<string, number>();
  private readonly done: Promise<Buffer>;

  constructor(info: PDFKit.DocumentInfo) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      info,
    });
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.width = this.doc.page.width - 2 * MARGIN;
    this.pageHeight = this.doc.page.height;
    this.bottom = this.pageHeight - MARGIN - FOOTER_BAND;
    this.y = this.top;
  }

  /** Width of a text in a style (pdfkit's metrics of the built-in fonts, kerning included). */
  measure(text: string, font: FontName, size: number): number {
    const key = `${font}|${size}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.doc.font(font).fontSize(size).widthOfString(text);
      this.widths.set(key, width);
    }
    return width;
  }

  /**
   * Lines of a paragraph no wider than `width`: words are kept whole where they fit; a word wider than the line is cut
   * where it no longer fits (a long code, a URL). Newlines start new lines.
   */
  wrap(p: Para, width: number): Line[] {
    const font = p.font ?? 'Helvetica';
    const size = p.size ?? 9;
    const indent = p.indent ?? 0;
    const w = Math.max(width - indent, size);
    const lines: Line[] = [];
    const push = (text: string) => lines.push({ text, font, size, indent });
    // A line's width is taken as the sum of its words and spaces: every kerning pair of these fonts that involves a
    // space is negative, so the sum is never less than what is drawn (and words are measured once).
    const space = this.measure(' ', font, size);
    for (const para of p.text.split(/\r?\n/)) {
      let line = '';
      let lineWidth = 0;
      for (let word of para.split(/\s+/).filter(Boolean)) {
        let wordWidth = this.measure(word, font, size);
        if (line && lineWidth + space + wordWidth <= w) {
          line = `${line} ${word}`;
          lineWidth += space + wordWidth;
          continue;
        }
        if (line) push(line);
        while (wordWidth > w) {
          let n = 1;
          while (n < word.length && this.measure(word.slice(0, n + 1), font, size) <= w) n++;
          push(word.slice(0, n));
          word = word.slice(n);
          wordWidth = this.measure(word, font, size);
        }
        line = word;
        lineWidth = wordWidth;
      }
      push(line);
    }
    return lines;
  }

  /** Lines of several paragraphs. */
  wrapAll(paras: Para[], width: number): Line[] {
    return paras.flatMap((p) => this.wrap(p, width));
  }

  /** Height of wrapped lines. */
  static height(lines: Line[]): number {
    return lines.reduce((h, l) => h + lineHeight(l.size), 0);
  }

  /** Draws lines from (x, y) in a box `width` wide; returns the y under the last line. */
  drawLines(lines: Line[], x: number, y: number, width: number, align: 'left' | 'center' | 'right' = 'left'): number {
    for (const l of lines) {
      this.put(l.text, x + l.indent, y, { font: l.font, size: l.size }, width - l.indent, align);
      y += lineHeight(l.size);
    }
    return y;
  }

  /** One line of text, never wrapped or flowed by pdfkit. */
  put(
    text: string,
    x: number,
    y: number,
    style: TextStyle,
    width?: number,
    align: 'left' | 'center' | 'right' = 'left',
  ) {
    if (!text) return;
    const font = style.font ?? 'Helvetica';
    const size = style.size ?? 9;
    let at = x;
    if (width !== undefined && align !== 'left') {
      const free = width - this.measure(text, font, size);
      at = x + (align === 'center' ? free / 2 : free);
    }
    this.doc
      .font(font)
      .fontSize(size)
      .fillColor(style.color ?? '#000000')
      .text(text, at, y, { lineBreak: false });
  }

  /** Space left on this page above the footer band. */
  room(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  /** Starts a new page unless `height` fits under the current y; true when it did. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  /** Wrapped paragraphs across the content width, moving to a new page between lines when needed. */
  paragraphs(paras: Para[], gapAfter = 4): void {
    for (const l of this.wrapAll(paras, this.width)) {
      this.ensure(lineHeight(l.size));
      this.drawLines([l], this.left, this.y, this.width);
      this.y += lineHeight(l.size);
    }
    this.y += gapAfter;
  }

  /** A section title kept on the page of what follows it (`keepWith` points of it). */
  heading(text: string, keepWith = 60): void {
    const lines = this.wrap({ text, font: 'Helvetica-Bold', size: 9.5 }, this.width);
    if (this.y > this.top) this.y += 4;
    this.ensure(PdfLayout.height(lines) + keepWith);
    this.y = this.drawLines(lines, this.left, this.y, this.width) + 2;
  }

  /**
   * The footer of every page, drawn last into the reserved band: `left(i, n)` at the left, "Halaman i dari n" at the
   * right. Returns the finished PDF.
   */
  finish(left: (page: number, pages: number) => string): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    const y = this.pageHeight - MARGIN - 9;
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const right = `Halaman ${i + 1} dari ${range.count}`;
      const rightWidth = this.measure(right, 'Helvetica', 7.5);
      this.doc
        .moveTo(this.left, y - 5)
        .lineTo(this.left + this.width, y - 5)
        .lineWidth(0.4)
        .strokeColor('#999999')
        .stroke();
      const [first] = this.wrap({ text: left(i + 1, range.count), size: 7.5 }, this.width - rightWidth - 12);
      this.put(first.text, this.left, y, { size: 7.5, color: '#555555' });
      this.put(right, this.left, y, { size: 7.5, color: '#555555' }, this.width, 'right');
    }
    this.doc.end();
    return this.done;
  }
}
