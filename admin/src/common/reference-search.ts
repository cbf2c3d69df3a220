/**
 * Search for reference autocompletes, newest first where time matters. Periods have no text search on the server:
 * what is typed is read as a year ("2027") and a kind of period ("triwulan", "Maret", "semester", "tahunan"), the
 * filters /api/periods has; cycles, units and employees search by `q`.
 */

const MONTHS =
  /\b(bulan|bulanan|month|monthly|jan|feb|mar|apr|mei|may|jun|jul|agu|aug|sep|okt|oct|nov|des|dec)[a-z]*\b/i;

/** `{ year, type }` from what was typed: "Triwulan II 2027" → `{ type: 'QUARTER', year: 2027 }`. */
export function periodFilterToQuery(text: string): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  const year = /\b(19|20|21)\d{2}\b/.exec(text);
  if (year) filter.year = Number(year[0]);
  if (/\b(triwulan|tw|quarter|kuartal)/i.test(text)) filter.type = 'QUARTER';
  else if (/\bsemester/i.test(text)) filter.type = 'SEMESTER';
  else if (/\b(tahun|tahunan|year|annual)/i.test(text)) filter.type = 'YEAR';
  else if (MONTHS.test(text)) filter.type = 'MONTH';
  return filter;
}

/** Newest period first. */
export const PERIODS_NEWEST_FIRST = { field: 'startDate', order: 'DESC' } as const;
/** Newest cycle first. */
export const CYCLES_NEWEST_FIRST = { field: 'id', order: 'DESC' } as const;

/** Text search by `q` (cycles by name, units by code or name, employees by name, NIP or position). */
export const byText = (q: string) => (q ? { q } : {});
