/** How often a cycle's plan is evaluated, in words ("Triwulanan", or "Sekali untuk seluruh periode"). */
import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export const FREQUENCIES = ['MONTH', 'QUARTER', 'SEMESTER'] as const;

/** The words for a cycle's evaluation frequency (null: evaluated once over the whole span). */
export function useFrequencyLabel() {
  const translate = useTranslate();
  return (frequency: string | null | undefined) =>
    translate(`capaian.year.frequency_value.${frequency ?? 'NONE'}`, { _: frequency ?? '' });
}

export function FrequencyField(_props: { label?: string }) {
  const record = useRecordContext();
  const label = useFrequencyLabel();
  if (!record) return null;
  return (
    <Typography variant="body2" data-testid="cycle-frequency">
      {label(record.evaluationFrequency)}
    </Typography>
  );
}
