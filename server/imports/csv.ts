/**
 * CSV reading for the imports: a header row naming the columns, then one record per row. Comma or semicolon
 * (spreadsheets in Indonesian locale save with `;`), UTF-8 with or without BOM. Each record keeps its line number,
 * so that the validation report points at the line the user sees in the spreadsheet.
 */
import { parse } from 'csv-parse/sync';
import { ApiError } from '../http/api-error';

export interface CsvRow {
  /** Line of the record in the file (the header is line 1). */
  line: number;
  values: Record<string, string>;
  /** Set when the record has more or fewer cells than the header. */
  shapeError?: string;
}

export const MAX_ROWS = 50_000;

/** The delimiter of the header line: `;` when it has semicolons and no commas, else `,`. */
export function detectDelimiter(text: string): ',' | ';' {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

/**
 * Parses the CSV text; refuses (400) an empty file, a malformed file, a header without a required column, an unknown
 * or repeated column, and more than MAX_ROWS records.
 */
export function readCsv(
  text: string,
  columns: { required: string[]; optional: string[]; alias?: (header: string) => string | undefined },
): CsvRow[] {
  if (!text || !text.trim()) {
    throw ApiError.badRequest('Berkas CSV kosong / empty CSV file', {
      fields: [{ field: '(file)', message: 'kosong' }],
    });
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw ApiError.badRequest(`CSV tidak dapat dibaca${e.lines ? ` (baris ${e.lines})` : ''}: ${e.message}`, {
      fields: [{ field: '(file)', message: e.message }],
    });
  }
  const [header, ...body] = records;
  // A column may be named by an alias (e.g. the header of an attendance system's export): read under its own name.
  const names = header.record.map((h) => columns.alias?.(h.trim()) ?? h.trim());
  const known = new Set([...columns.required, ...columns.optional]);
  const problems: { field: string; message: string }[] = [];
  for (const c of columns.required)
    if (!names.includes(c)) problems.push({ field: c, message: 'kolom wajib tidak ada di baris judul' });
  names.forEach((n, i) => {
    if (!known.has(n)) problems.push({ field: n || `(kolom ${i + 1})`, message: 'kolom tidak dikenal' });
    else if (names.indexOf(n) !== i) problems.push({ field: n, message: 'kolom muncul dua kali' });
  });
  if (problems.length) {
    throw ApiError.badRequest(
      `Baris judul CSV tidak sesuai: ${problems.map((p) => `${p.field} — ${p.message}`).join('; ')}. ` +
        `Kolom: ${[...columns.required, ...columns.optional].join(',')}`,
      { fields: problems },
    );
  }
  if (body.length > MAX_ROWS) {
    throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `Paling banyak ${MAX_ROWS} baris per impor / too many rows`);
  }
  return body.map(({ record, info }) => {
    const values: Record<string, string> = {};
    names.forEach((n, i) => (values[n] = (record[i] ?? '').trim()));
    return {
      line: info.lines,
      values,
      shapeError:
        record.length !== names.length
          ? `baris berisi ${record.length} kolom, baris judul ${names.length} kolom`
          : undefined,
    };
  });
}
