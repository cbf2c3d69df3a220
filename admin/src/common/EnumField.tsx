/** Shows a value of a closed list as a translated chip. */
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { PREDICATE_COLOR } from './enums';

interface EnumFieldProps {
  source: string;
  list: string;
  label?: string;
  sortable?: boolean;
}

/** Reads a (possibly nested) value from a record. */
function pick(record: Record<string, any>, path: string): unknown {
  return path.split('.').reduce<any>((v, k) => (v == null ? v : v[k]), record);
}

export function EnumField({ source, list }: EnumFieldProps) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const value = pick(record, source);
  if (value === null || value === undefined || value === '') return <span>—</span>;
  const color = list === 'predicate' ? (PREDICATE_COLOR[String(value)] ?? 'default') : 'default';
  return (
    <Chip
      size="small"
      color={color}
      variant={list === 'predicate' ? 'filled' : 'outlined'}
      label={translate(`capaian.enum.${list}.${String(value)}`, { _: String(value) })}
    />
  );
}

/** Translates one enum value outside a record context. */
export function useEnumLabel() {
  const translate = useTranslate();
  return (list: string, value: unknown) =>
    value === null || value === undefined
      ? '—'
      : translate(`capaian.enum.${list}.${String(value)}`, { _: String(value) });
}
