/**
 * The messages of the tasks, forms and appraisal-page screens (admin/src/i18n/tasks-id.ts and tasks-en.ts) come in
 * both languages with the same keys and the same %{placeholders}, and every `capaian.work.*` key the console's files
 * use exists.
 */
import { tasksEn } from '../../admin/src/i18n/tasks-en';
import { tasksId } from '../../admin/src/i18n/tasks-id';
import { flatten, keysUsedByConsole, placeholderMismatches } from '../helpers/i18n-messages';

describe('tasks, forms and appraisal-page messages', () => {
  const id = flatten(tasksId);
  const en = flatten(tasksEn);

  it('have the same keys and placeholders in Bahasa Indonesia and English', () => {
    expect([...id.keys()].sort()).toEqual([...en.keys()].sort());
    expect(placeholderMismatches(id, en)).toEqual([]);
  });

  it('cover every capaian.work key the console uses', () => {
    const used = keysUsedByConsole('capaian.work');
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter((k) => !id.has(k) && ![...id.keys()].some((x) => x.startsWith(`${k}.`)));
    expect(missing).toEqual([]);
  });
});
