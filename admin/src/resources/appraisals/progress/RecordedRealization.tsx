/**
 * The evidence step starts from what was recorded during the period: the task's `context.recorded` (written by the
 * server when the task opens and after every entry) gives each indicator's realisation so far, which the form takes as
 * its starting value and names beside the field, for the employee to confirm or correct.
 */
import { Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDay } from '../../../common/format';
import { withUnit } from './IndicatorProgressRow';

interface Recorded {
  indicatorId: number;
  value: string;
  numericValue: number | null;
  entries: number;
  aggregation: 'SUM' | 'LATEST';
  lastWorkDate: string | null;
}

function recordedOf(task: any, indicatorId: number): Recorded | undefined {
  const list: Recorded[] = Array.isArray(task?.context?.recorded) ? task.context.recorded : [];
  return list.find((r) => r.indicatorId === indicatorId);
}

/** The form's starting value of an indicator's realisation: what was recorded, or empty. */
export function recordedValue(task: any, indicatorId: number): string {
  return recordedOf(task, indicatorId)?.value ?? '';
}

/** "Tercatat selama periode: 9 laporan (jumlah 3 catatan) …" under the indicator, when something was recorded. */
export function RecordedRealization({
  task,
  indicatorId,
  unit,
}: {
  task: any;
  indicatorId: number;
  unit?: string | null;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const r = recordedOf(task, indicatorId);
  if (!r) return null;
  return (
    <Typography variant="body2" data-testid="evidence-recorded" sx={{ color: 'info.dark' }}>
      {translate('capaian.progress.evidence_recorded', {
        value: r.numericValue === null ? r.value : withUnit(r.numericValue, unit ?? null, locale),
        how: translate(`capaian.progress.aggregation.${r.aggregation}`, { count: r.entries }),
        date: formatDay(r.lastWorkDate, locale),
      })}
    </Typography>
  );
}
