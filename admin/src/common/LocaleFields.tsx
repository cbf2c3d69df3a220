/**
 * Fields that follow the chosen language (format.ts): money, dates, months. They replace react-admin's NumberField and
 * DateField with a fixed `locales`, which kept Indonesian dates and "Rp" in English.
 */
import { useLocaleState, useRecordContext } from 'react-admin';
import { formatDate, formatDay, formatMonth, formatRupiah } from './format';

interface LocaleFieldProps {
  source: string;
  label?: string;
  sortable?: boolean;
  sortBy?: string;
  emptyText?: string;
}

/** Reads a (possibly nested) value from a record. */
export function pick(record: Record<string, any> | undefined, path: string): unknown {
  return path.split('.').reduce<any>((v, k) => (v == null ? v : v[k]), record);
}

/** Integer rupiah: "Rp 4.150.000" / "IDR 4,150,000". */
export function MoneyField({ source }: LocaleFieldProps) {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const value = pick(record, source);
  return <span style={{ whiteSpace: 'nowrap' }}>{typeof value === 'number' ? formatRupiah(value, locale) : '—'}</span>;
}

/** A moment (`withTime`) or a day in the chosen language. */
export function LocaleDateField({ source, withTime, day }: LocaleFieldProps & { withTime?: boolean; day?: boolean }) {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const value = pick(record, source) as string | null | undefined;
  return <span>{day ? formatDay(value, locale) : formatDate(value, locale, withTime)}</span>;
}

/** A month (`2027-03` or the first day of it) in words: "Maret 2027" / "March 2027". */
export function MonthField({ source }: LocaleFieldProps) {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const value = pick(record, source);
  return <span>{typeof value === 'string' ? formatMonth(value.slice(0, 7), locale) : '—'}</span>;
}
