/**
 * The messages of the tasks, forms and appraisal-page screens (admin/src/i18n/tasks-id.ts and tasks-en.ts) come in
 * both languages with the same keys and the same %{placeholders}, and every `capaian.work.*` key the console's files
 * use exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tasksEn } from '../../admin/src/i18n/tasks-en';
import { tasksId } from '../../admin/src/i18n/tasks-id';

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

describe('tasks, forms and appraisal-page messages', () => {
  const id = flatten(tasksId);
  const en = flatten(tasksEn);

  it('have the same keys and placeholders in Bahasa Indonesia and English', () => {
    expect([...id.keys()].sort()).toEqual([...en.keys()].sort());
    const differ = [...id.keys()].filter((k) => placeholders(id.get(k)!).join() !== placeholders(en.get(k)!).join());
    expect(differ).toEqual([]);
  });

  it('cover every capaian.work key the console uses', () => {
    const src = join(__dirname, '..', '..', 'admin', 'src');
    const used = new Set<string>();
    for (const f of files(src))
      for (const m of readFileSync(f, 'utf8').matchAll(/'(capaian\.work\.[\w.]+)'/g)) used.add(m[1].replace(/\.$/, ''));
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter((k) => !id.has(k) && ![...id.keys()].some((x) => x.startsWith(`${k}.`)));
    expect(missing).toEqual([]);
  });
});
