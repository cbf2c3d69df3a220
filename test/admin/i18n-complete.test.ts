/**
 * The console's Indonesian translation is complete: every message key of react-admin's English (ra-language-english)
 * and of Capaian's English (admin/src/i18n/domain-en.ts) has an Indonesian text, with the same %{placeholders}.
 * The Indonesian messages are built exactly as admin/src/i18n/id.ts builds them, without English underneath.
 */
import englishMessages from 'ra-language-english';
import { domainEn } from '../../admin/src/i18n/domain-en';
import { domainId } from '../../admin/src/i18n/domain-id';
import { raIndonesianFill } from '../../admin/src/i18n/ra-id-fill';
import { flatten, placeholders } from '../helpers/i18n-messages';

// ra-language-indonesian ships CommonJS without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const indonesianMessages = require('ra-language-indonesian') as Record<string, unknown>;

type Messages = { [key: string]: string | Messages };

/** Deep merge, later sources winning (what react-admin's mergeTranslations does). */
function merge(...sources: unknown[]): Messages {
  const out: Messages = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      const prev = out[key];
      out[key] =
        value && typeof value === 'object'
          ? merge(prev && typeof prev === 'object' ? prev : {}, value)
          : (value as string);
    }
  }
  return out;
}

const english = flatten(merge(englishMessages, domainEn));
const indonesian = flatten(merge(indonesianMessages, raIndonesianFill, domainId));

describe('Indonesian console messages', () => {
  it('have every key of the English messages (react-admin and Capaian)', () => {
    expect(english.size).toBeGreaterThan(400);
    const missing = [...english.keys()].filter((key) => !indonesian.has(key));
    expect(missing).toEqual([]);
  });

  it('react-admin keys come from ra-language-indonesian or the fill, never empty', () => {
    const ra = [...flatten(englishMessages).keys()];
    expect(ra.length).toBeGreaterThan(150);
    const english = flatten(englishMessages);
    const empty = ra.filter((key) => english.get(key)!.trim() !== '' && !indonesian.get(key)?.trim());
    expect(empty).toEqual([]);
  });

  it('use the same %{placeholders} as English', () => {
    const mismatched = [...english.entries()]
      .filter(([key]) => indonesian.has(key))
      .filter(([key, text]) => {
        // Smart-count plurals may drop a placeholder in one form; compare the union over all forms.
        const a = [...new Set(placeholders(text))];
        const b = [...new Set(placeholders(indonesian.get(key)!))];
        return a.join(',') !== b.join(',');
      })
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('the fill adds only keys that react-admin has', () => {
    const ra = flatten(englishMessages);
    const extra = [...flatten(raIndonesianFill).keys()].filter((key) => !ra.has(key));
    expect(extra).toEqual([]);
  });

  it('Capaian keys are the same in both languages', () => {
    expect([...flatten(domainId).keys()].sort()).toEqual([...flatten(domainEn).keys()].sort());
  });
});
