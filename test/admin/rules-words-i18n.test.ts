/** The rules-in-words messages (admin/src/i18n/rules-words-*.ts) have the same keys and placeholders in both languages. */
import { rulesWordsEn } from '../../admin/src/i18n/rules-words-en';
import { rulesWordsId } from '../../admin/src/i18n/rules-words-id';
import { flatten, placeholders } from '../helpers/i18n-messages';

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
