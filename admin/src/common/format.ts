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
  const d = typeof value === 'string' ? new Date(value) : value;
  return Math.ceil((d.getTime() - now.getTime()) / 86_400_000);
}
