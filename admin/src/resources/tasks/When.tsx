/** A date (and time) in the chosen language through Intl: "3 Des 2026 14.00" / "3 Dec 2026, 14:00". */
import { useLocaleState } from 'react-admin';
import { formatDate } from '../../common/format';

export function When({ value, time = false }: { value: string | Date | null | undefined; time?: boolean }) {
  const [locale] = useLocaleState();
  return <>{formatDate(value, locale, time)}</>;
}

/** A calendar day in long words: "17 Desember 2026" / "17 December 2026". */
export function longDay(value: string | Date, locale: string): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return d.toLocaleDateString(locale === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Jakarta',
  });
}
