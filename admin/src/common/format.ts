/**
 * Formatting for the console, always through Intl in the chosen language (`locale`: the console's `id` or `en`):
 * money is one form per language — "Rp 4.150.000" in Bahasa Indonesia, "IDR 4,150,000" in English — dates, months,
 * numbers and percentages likewise. Use these rather than react-admin's NumberField/DateField `locales`.
 */
import { serverNow } from '../providers/server-clock';

/** The Intl locale of the console's language. */
export function intlLocale(locale = 'id'): string {
  return locale === 'en' ? 'en-GB' : 'id-ID';
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Rupiah without decimals (money is kept in integer rupiah): "Rp 4.150.000" / "IDR 4,150,000". */
export function formatRupiah(value: number | null | undefined, locale = 'id'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const key = locale === 'en' ? 'en-US' : 'id-ID';
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(key, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
    moneyFormats.set(key, f);
  }
  return f.format(value);
}

/** The console's one money format (an alias of formatRupiah). */
export const formatMoney = formatRupiah;

/** A number in the user's language: 1.234,5 / 1,234.5. */
export function formatNumber(value: number | null | undefined, locale = 'id', digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);
}

/** A percentage given as a number of percent (25 → "25%", 2.5 → "2,5%" / "2.5%"). */
export function formatPercent(percent: number | null | undefined, locale = 'id'): string {
  if (percent === null || percent === undefined || Number.isNaN(percent)) return '—';
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 2 }).format(
    percent / 100,
  );
}

/** A date (and time) in the user's locale. */
export function formatDate(value: string | Date | null | undefined, locale = 'id', withTime = false): string {
  if (!value) return '—';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleString(intlLocale(locale), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  });
}

/** Whole days from now (by the server's clock: server-clock.ts) until a date (negative when past). */
export function daysUntil(value: string | Date, now = serverNow()): number {
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
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(intlLocale(locale), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A calendar day stored as a date (`2027-03-01` or midnight UTC) in words: "1 Mar 2027", never shifted a day. */
export function formatDay(value: string | Date | null | undefined, locale = 'id'): string {
  if (!value) return '—';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleDateString(intlLocale(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
