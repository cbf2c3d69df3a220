/** The days left until an open task's deadline, or how long it is overdue, as a chip coloured by urgency. */
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { daysUntil } from '../../common/format';

export function DueChip({ task }: { task: { dueAt?: string | null; status?: string } }) {
  const translate = useTranslate();
  if (!task.dueAt || task.status !== 'OPEN') return null;
  const days = daysUntil(task.dueAt);
  return (
    <Chip
      size="small"
      color={days < 0 ? 'error' : days <= 3 ? 'warning' : 'default'}
      label={translate(days < 0 ? 'capaian.tasks.overdue' : 'capaian.tasks.days_left', {
        smart_count: Math.abs(days),
      })}
    />
  );
}
