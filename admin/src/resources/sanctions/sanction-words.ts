/**
 * A sanction or follow-up recommendation in words, in the chosen language: its title as the SANCTION rules wrote it
 * (`label` in Bahasa Indonesia, `titleEn` among the stored rule parameters), else the known title of its code; its
 * severity (RINGAN … PENGHARGAAN) likewise. Codes such as PENGHARGAAN never reach the screen.
 */
import { useLocaleState, useTranslate } from 'react-admin';

/** A code in plain letters when nothing names it: "UJI_KOMPETENSI_JPT" → "Uji kompetensi jpt". */
const plain = (code: string) => {
  const s = code.replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
};

export function useSanctionWords() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const en = locale === 'en';
  const known = (kind: 'code' | 'severity', code: string) => {
    const key = `capaian.records.sanction.${kind}.${code}`;
    const t = translate(key, { _: '' });
    return t && t !== key ? t : null;
  };
  return {
    title(r: { code?: string; label?: string | null; title?: string; explanation?: any } | null | undefined): string {
      if (!r) return '—';
      const code = String(r.code ?? '');
      const stored = en ? r.explanation?.params?.titleEn : (r.label ?? r.title);
      return (typeof stored === 'string' && stored) || known('code', code) || (r.label ?? plain(code));
    },
    severity(value: unknown): string {
      if (typeof value !== 'string' || !value) return '—';
      return known('severity', value) ?? plain(value);
    },
  };
}
