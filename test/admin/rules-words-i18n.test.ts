/** The rules-in-words messages (admin/src/i18n/rules-words-*.ts) have the same keys and placeholders in both languages. */
import { rulesWordsEn } from '../../admin/src/i18n/rules-words-en';
import { rulesWordsId } from '../../admin/src/i18n/rules-words-id';

function flatten(messages: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(messages as Record<string, unknown>)) {
    if (value && typeof value === 'object') flatten(value, `${prefix}${key}.`, out);
    else out.set(`${prefix}${key}`, String(value));
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('rules-in-words messages', () => {
  const id = flatten(rulesWordsId);
  const en = flatten(rulesWordsEn);

  it('have the same keys in Bahasa Indonesia and English', () => {
    expect([...id.keys()].sort()).toEqual([...en.keys()].sort());
    expect(id.size).toBeGreaterThan(60);
  });

  it('use the same placeholders', () => {
    const differ = [...en.keys()].filter((k) => placeholders(en.get(k)!).join() !== placeholders(id.get(k)!).join());
    expect(differ).toEqual([]);
  });
});
