/**
 * Ruled tables for the documents: cells wrapped to their column, header rows repeated on every page the table reaches,
 * a row that does not fit moved whole to the next page (or, taller than a page, split between its lines), cells that
 * span columns, and cells that continue the cell above (drawn without the rule between them, as a merged cell).
 */
import { lineHeight, PdfLayout, type Line, type Para } from './pdf-layout';

export interface Cell {
  text: string | Para[];
  /** Lines already wrapped to the column (see mergeDown); `text` is then ignored. */
  lines?: Line[];
  /** Number of columns the cell covers (1 unless said). */
  span?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** The cell continues the one above in its column: no rule between them, as one merged cell. */
  continues?: boolean;
  /** Printed instead of an empty continuing cell when the row is the first of a page. */
  carry?: string;
}

export interface Row {
  cells: (Cell | string)[];
  /** A grey row in bold, like the header (a band such as "A. UTAMA"). */
  shaded?: boolean;
}

export interface TableOptions {
  /** Column widths in points; they add up to the table's width. */
  widths: number[];
  /** Rows repeated at the top of every page the table is on. */
  header?: Row[];
  size?: number;
  headerSize?: number;
  /** Space under the table. */
  gapAfter?: number;
}

const PAD_X = 3;
const PAD_Y = 2.5;
const SHADE = '#e6e6e6';
const RULE = '#444444';

interface Placed {
  x: number;
  width: number;
  lines: Line[];
  cell: Cell;
}

/** Draws a table at the layout's y; the layout's y ends under it. */
export function drawTable(l: PdfLayout, rows: Row[], opts: TableOptions): void {
  const size = opts.size ?? 8;
  const headerSize = opts.headerSize ?? size;
  const header = opts.header ?? [];
  const tableWidth = opts.widths.reduce((a, b) => a + b, 0);
  const place = (row: Row, shaded: boolean, fontSize: number): Placed[] => {
    const out: Placed[] = [];
    let col = 0;
    let x = l.left;
    for (const raw of row.cells) {
      const cell: Cell = typeof raw === 'string' ? { text: raw } : raw;
      const span = cell.span ?? 1;
      const width = opts.widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const bold = shaded || cell.bold;
      const paras: Para[] =
        typeof cell.text === 'string'
          ? [{ text: cell.text, font: bold ? 'Helvetica-Bold' : 'Helvetica', size: fontSize }]
          : cell.text.map((p) => ({ size: fontSize, ...p }));
      out.push({ x, width, lines: cell.lines ?? l.wrapAll(paras, width - 2 * PAD_X), cell });
      x += width;
      col += span;
    }
    return out;
  };
  const heightOf = (cells: Placed[]) => Math.max(...cells.map((c) => PdfLayout.height(c.lines))) + 2 * PAD_Y;
  const headerRows = header.map((r) => place(r, true, headerSize));
  const headerHeight = headerRows.reduce((h, r) => h + heightOf(r), 0);

  const drawRow = (cells: Placed[], shaded: boolean, height: number, firstOnPage: boolean) => {
    const { doc } = l;
    const y = l.y;
    if (shaded) {
      doc.rect(l.left, y, tableWidth, height).fillColor(SHADE).fill();
    }
    doc.lineWidth(0.5).strokeColor(RULE);
    for (const c of cells) {
      if (!c.cell.continues || firstOnPage)
        doc
          .moveTo(c.x, y)
          .lineTo(c.x + c.width, y)
          .stroke();
      doc
        .moveTo(c.x, y)
        .lineTo(c.x, y + height)
        .stroke();
      doc
        .moveTo(c.x + c.width, y)
        .lineTo(c.x + c.width, y + height)
        .stroke();
      l.drawLines(c.lines, c.x + PAD_X, y + PAD_Y, c.width - 2 * PAD_X, c.cell.align);
    }
    l.y = y + height;
  };
  const closeRule = () =>
    l.doc
      .lineWidth(0.5)
      .strokeColor(RULE)
      .moveTo(l.left, l.y)
      .lineTo(l.left + tableWidth, l.y)
      .stroke();
  let fresh = true; // no body row yet on this page
  const drawHeader = () => {
    headerRows.forEach((r) => drawRow(r, true, heightOf(r), true));
    fresh = true;
  };
  const breakPage = () => {
    closeRule();
    l.newPage();
    drawHeader();
  };

  let first = true;
  for (const row of rows) {
    const shaded = !!row.shaded;
    let cells = place(row, shaded, size);
    let height = heightOf(cells);
    const fullPage = l.bottom - l.top - headerHeight;
    if (first) {
      // The header never stands alone at the foot of a page: it goes with the first row (or, for a row taller than a
      // page, with the first lines of it).
      l.ensure(headerHeight + (height <= fullPage ? height : 3 * lineHeight(size) + 2 * PAD_Y));
      drawHeader();
    }
    if (height > l.room() && height <= fullPage) breakPage();
    if (fresh && !first) cells = withCarry(place, row, shaded, size, cells);
    height = heightOf(cells);
    // Taller than what is left even on a fresh page: split between lines.
    while (height > l.room()) {
      const fit = l.room() - 2 * PAD_Y;
      if (fit < 2 * lineHeight(size)) {
        breakPage();
        continue;
      }
      const head = cells.map((c) => ({ ...c, lines: takeLines(c.lines, fit) }));
      const rest = cells.map((c, i) => ({ ...c, lines: c.lines.slice(head[i].lines.length) }));
      drawRow(head, shaded, heightOf(head), fresh);
      breakPage();
      cells = rest.map((c) => ({ ...c, cell: { ...c.cell, continues: false } }));
      height = heightOf(cells);
    }
    drawRow(cells, shaded, height, fresh);
    fresh = false;
    first = false;
  }
  closeRule();
  l.y += opts.gapAfter ?? 6;
}

/**
 * Merges the cells of columns `cols` down a group of rows (a work result over its indicators): the text of the first
 * row's cell is wrapped once and its lines shared out over the rows, each taking what its other cells' height leaves
 * room for and the last the rest, so the merged text reads on without gaps, across a page break too.
 */
export function mergeDown(
  l: PdfLayout,
  rows: Row[],
  cols: number[],
  opts: Pick<TableOptions, 'widths' | 'size'>,
): Row[] {
  const size = opts.size ?? 8;
  const cellOf = (c: Cell | string): Cell => (typeof c === 'string' ? { text: c } : c);
  const paras = (c: Cell): Para[] =>
    typeof c.text === 'string'
      ? [{ text: c.text, font: c.bold ? 'Helvetica-Bold' : 'Helvetica', size }]
      : c.text.map((p) => ({ size, ...p }));
  // Rows of the group have one cell per column (no spans).
  const room = rows.map((row) =>
    Math.max(
      0,
      ...row.cells.map((c, i) =>
        cols.includes(i) ? 0 : PdfLayout.height(l.wrapAll(paras(cellOf(c)), opts.widths[i] - 2 * PAD_X)),
      ),
    ),
  );
  const out: Row[] = rows.map((row) => ({ ...row, cells: row.cells.map(cellOf) }));
  for (const col of cols) {
    const first = cellOf(rows[0].cells[col]);
    const lines = l.wrapAll(paras(first), opts.widths[col] - 2 * PAD_X);
    let next = 0;
    out.forEach((row, j) => {
      const take = j === out.length - 1 ? lines.length - next : takeLines(lines.slice(next), room[j]).length;
      // A row whose share is empty shows the first cell's `carry` when it opens a page.
      row.cells[col] = {
        ...first,
        lines: lines.slice(next, next + take),
        continues: j > 0,
        carry: j > 0 && !take ? first.carry : undefined,
      };
      next += take;
    });
  }
  return out;
}

/** The first lines that fit in `height`. */
function takeLines(lines: Line[], height: number): Line[] {
  const out: Line[] = [];
  let h = 0;
  for (const line of lines) {
    if (h + lineHeight(line.size) > height) break;
    out.push(line);
    h += lineHeight(line.size);
  }
  return out;
}

/** A row at the top of a page: its empty continuing cells show their `carry` text. */
function withCarry(
  place: (row: Row, shaded: boolean, size: number) => Placed[],
  row: Row,
  shaded: boolean,
  size: number,
  cells: Placed[],
): Placed[] {
  if (!row.cells.some((c) => typeof c !== 'string' && c.continues && c.carry)) return cells;
  const carried: Row = {
    ...row,
    cells: row.cells.map((c) =>
      typeof c !== 'string' && c.continues && c.carry ? { ...c, text: c.carry, lines: undefined } : c,
    ),
  };
  return place(carried, shaded, size);
}
