/**
 * Shows a value of a closed list as a translated chip: one wording per value and language (the keys
 * `capaian.enum.<list>.<value>`; records-en.ts sets the English predicates). An appraisal whose stage is PAY while
 * HR's sanction decision is open says so ("Menunggu keputusan sanksi") instead of the stage's name.
 */
import { Chip } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { PREDICATE_COLOR } from './enums';
import { pick } from './LocaleFields';

interface EnumFieldProps {
  source: string;
  list: string;
  label?: string;
  sortable?: boolean;
}

type Color = 'success' | 'primary' | 'warning' | 'error' | 'default' | 'info';

function EnumChip({ list, value, color }: { list: string; value: string; color?: Color }) {
  const translate = useTranslate();
  const tone = color ?? (list === 'predicate' ? (PREDICATE_COLOR[value] ?? 'default') : 'default');
  return (
    <Chip
      size="small"
      color={tone}
      variant={list === 'predicate' ? 'filled' : 'outlined'}
      label={translate(`capaian.enum.${list}.${value}`, { _: value })}
      sx={{ maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }}
    />
  );
}

/** Whether HR's sanction decision on this appraisal is open: from its tasks when loaded, else from its sanctions. */
function useWaitingForSanctionDecision(record: Record<string, any>): boolean {
  const tasks = Array.isArray(record.tasks) ? (record.tasks as { type: string; status: string }[]) : null;
  const { data } = useGetList(
    'sanctions',
    {
      filter: { appraisalId: record.id, status: 'RECOMMENDED' },
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'id', order: 'DESC' },
    },
    { enabled: !tasks && record.id !== undefined, retry: false },
  );
  if (tasks) return tasks.some((t) => t.type === 'sanction.decide' && t.status === 'OPEN');
  return !!data?.some((s) => s.taskId);
}

function PayStage({ record }: { record: Record<string, any> }) {
  const translate = useTranslate();
  const waiting = useWaitingForSanctionDecision(record);
  if (!waiting) return <EnumChip list="stage" value="PAY" />;
  return (
    <Chip
      size="small"
      color="warning"
      variant="outlined"
      label={translate('capaian.records.stage_waiting_sanction')}
      data-testid="stage-waiting-sanction"
      sx={{ maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }}
    />
  );
}

export function EnumField({ source, list }: EnumFieldProps) {
  const record = useRecordContext();
  if (!record) return null;
  const value = pick(record, source);
  if (value === null || value === undefined || value === '') return <span>—</span>;
  if (list === 'stage' && value === 'PAY') return <PayStage record={record} />;
  return <EnumChip list={list} value={String(value)} />;
}

/** Translates one enum value outside a record context. */
export function useEnumLabel() {
  const translate = useTranslate();
  return (list: string, value: unknown) =>
    value === null || value === undefined
      ? '—'
      : translate(`capaian.enum.${list}.${String(value)}`, { _: String(value) });
}
