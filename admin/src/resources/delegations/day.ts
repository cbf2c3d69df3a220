/** A calendar day (YYYY-MM-DD) in the user's language: "3 Desember 2026" / "3 December 2026". */
export function dayText(value: string, locale: string): string {
  return new Date(`${value}T00:00:00Z`).toLocaleDateString(locale === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
