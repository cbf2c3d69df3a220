/** Formatting for the console: rupiah as integers, dates in the user's locale. */

/** Rupiah without decimals (money is kept in integer rupiah). */
export function formatRupiah(value: number | null | undefined, locale = 'id'): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'id-ID', {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(value);
}

/** A date (and time) in the user's locale. */
export function formatDate(value: string | Date | null | undefined, locale = 'id', withTime = false): string {
  if (!value) return '—';
  const d = typeof value === 'string' ? new Date(value) : value;
  return d.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  });
}

/** Whole days from now until a date (negative when past). */
export function daysUntil(value: string | Date, now = new Date()): number {
  // Calendar days in the user's time zone: a deadline at the end of the day in 14 days is "14 days left", not 15;
  // 0 means the deadline is today, negative that it has passed.
  const d = typeof value === 'string' ? new Date(value) : value;
  const day = (x: Date) => Date.UTC(x.getFullYear(), x.getMonth(), x.getDate());
  return Math.round((day(d) - day(now)) / 86_400_000) - (d.getTime() < now.getTime() && day(d) === day(now) ? 1 : 0);
}

/** A month `YYYY-MM` as words in the user's language: "Maret 2027", "March 2027". */
export function formatMonth(month: string, locale = 'id'): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(locale === 'en' ? 'en-GB' : 'id-ID', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
