/**
 * The phone's messages (admin/src/i18n/phone-id.ts and phone-en.ts: the offline message, the camera button) come in
 * both languages with the same keys and %{placeholders}, and every `capaian.phone.*` key the console uses exists.
 */
import { phoneEn } from '../../admin/src/i18n/phone-en';
import { phoneId } from '../../admin/src/i18n/phone-id';
import { flatten, keysUsedByConsole, placeholderMismatches } from '../helpers/i18n-messages';

describe('phone messages', () => {
  const id = flatten(phoneId);
  const en = flatten(phoneEn);

  it('have the same keys and placeholders in Bahasa Indonesia and English', () => {
    expect([...id.keys()].sort()).toEqual([...en.keys()].sort());
    expect(placeholderMismatches(id, en)).toEqual([]);
  });

  it('cover every capaian.phone key the console uses', () => {
    const used = keysUsedByConsole('capaian.phone');
    expect(used.size).toBeGreaterThan(1);
    expect([...used].filter((k) => !id.has(k))).toEqual([]);
  });
});
