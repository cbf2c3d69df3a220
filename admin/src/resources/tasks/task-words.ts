/** A task in words: whose case (or which unit), which cycle and which evaluation period, from the task list's rows. */
import type { TranslateFunction } from 'react-admin';

/** The fields of a task row (GET /api/tasks) that say what it is about. */
export type TaskRow = {
  type: string;
  title: string;
  context?: { unitName?: string; periodLabel?: string; acting?: { principalName?: string } } | null;
  appraisal?: { employee?: { name?: string } | null; period?: { label?: string } | null } | null;
  cycle?: { name?: string } | null;
};

/** Whose plan, rating or appeal it is; the unit for a calibration. */
export function taskSubject(t: TaskRow): string {
  return t.appraisal?.employee?.name ?? t.context?.unitName ?? '—';
}

/** The evaluation period. */
export function taskPeriod(t: TaskRow): string {
  return t.appraisal?.period?.label ?? t.context?.periodLabel ?? '—';
}

/**
 * The task's name in the chosen language: the workflow's own title in Indonesian (it may say more, e.g. a revision);
 * in English the type in words, with the revision number when the title has one.
 */
export function taskName(t: TaskRow, translate: TranslateFunction, locale: string): string {
  if (locale !== 'en') return t.title;
  const revision = /revisi (\d+)/.exec(t.title)?.[1];
  const name = translate(`capaian.taskType.${t.type}`, { _: t.title });
  return revision ? `${name} (${translate('capaian.work.revision', { n: revision })})` : name;
}
