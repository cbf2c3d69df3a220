/**
 * The phone's messages (admin/src/i18n/phone-id.ts and phone-en.ts: the offline message, the camera button) come in
 * both languages with the same keys and %{placeholders}, and every `capaian.phone.*` key the console uses exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { phoneEn } from '../../admin/src/i18n/phone-en';
import { phoneId } from '../../admin/src/i18n/phone-id';

function flatten(messages: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(messages as Record<string, unknown>)) {
    if (value && typeof value === 'object') flatten(value, `${prefix}${key}.`, out);
    else out.set(`${prefix}${key}`, String(value));
  }
  return out;
}
const placeholders = (text: string) => [...new Set([...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]))].sort();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('phone messages', () => {
  const id = flatten(phoneId);
  const en = flatten(phoneEn);

  it('have the same keys and placeholders in Bahasa Indonesia and English', () => {
    expect([...id.keys()].sort()).toEqual([...en.keys()].sort());
    const differ = [...id.keys()].filter((k) => placeholders(id.get(k)!).join() !== placeholders(en.get(k)!).join());
    expect(differ).toEqual([]);
  });

  it('cover every capaian.phone key the console uses', () => {
    const used = new Set<string>();
    for (const f of files(join(__dirname, '..', '..', 'admin', 'src')))
      for (const m of readFileSync(f, 'utf8').matchAll(/'(capaian\.phone\.[\w.]+)'/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(1);
    expect([...used].filter((k) => !id.has(k))).toEqual([]);
  });
});
