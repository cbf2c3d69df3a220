/**
 * The audit log: every state change, hash-chained; the chain's verification result on top; CSV export. Each entry
 * in words — who (a person's name, or which workflow), what was done to which record, when in the chosen language —
 * in a table that fits a laptop screen (the hashes are on the entry's own page).
 */
import { useQuery } from '@tanstack/react-query';
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Button } from '@mui/material';
import {
  AutocompleteInput,
  Datagrid,
  DateTimeInput,
  List,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useListContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField } from '../../common/LocaleFields';
import { useDownload } from '../../common/use-download';
import { api } from '../../providers/http';
import { AuditActor, AuditWhat } from './AuditActor';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from './audit-codes';
import { useActionChoices, useAuditWords } from './audit-words';

function Verification() {
  const translate = useTranslate();
  const { data, error, isPending, refetch, isFetching } = useQuery({
    queryKey: ['audit-events', 'verify'],
    queryFn: () =>
      api<{ ok: boolean; checked: number; firstBroken: { id: string; reason: string } | null }>('/audit-events/verify'),
  });
  if (isPending) return <Alert severity="info">{translate('capaian.audit.verifying')}</Alert>;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  return (
    <Alert
      data-testid="audit-verification"
      severity={data.ok ? 'success' : 'error'}
      action={
        <Button color="inherit" size="small" onClick={() => refetch()} disabled={isFetching}>
          {translate('capaian.audit.verify_again')}
        </Button>
      }
    >
      {data.ok
        ? translate('capaian.audit.chain_ok', { checked: data.checked })
        : translate('capaian.audit.chain_broken', {
            checked: data.checked,
            id: data.firstBroken?.id ?? '?',
            reason: translate(`capaian.audit.reason_${(data.firstBroken?.reason ?? 'edited').replace('-', '_')}`),
          })}
    </Alert>
  );
}

function ExportCsv() {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const download = useDownload();
  return (
    <Button
      size="small"
      startIcon={<DownloadIcon />}
      onClick={() => download('/audit-events/export.csv', { filter: JSON.stringify(filterValues ?? {}) })}
    >
      {translate('capaian.audit.export_csv')}
    </Button>
  );
}

function useFilters() {
  const words = useAuditWords();
  const actions = useActionChoices(AUDIT_ACTIONS);
  const entities = AUDIT_ENTITIES.map((id) => ({ id, name: words.entity(id) })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  return [
    <TextInput key="actor" source="actor" alwaysOn />,
    <SelectInput key="entity" source="entity" choices={entities} alwaysOn />,
    <AutocompleteInput key="action" source="action" choices={actions} sx={{ minWidth: 260 }} />,
    <TextInput key="entityId" source="entityId" />,
    <DateTimeInput key="at_gte" source="at_gte" label="capaian.audit.from" />,
    <DateTimeInput key="at_lte" source="at_lte" label="capaian.audit.until" />,
  ];
}

export default function AuditList() {
  const filters = useFilters();
  return (
    <>
      <Verification />
      <List
        filters={filters}
        sort={{ field: 'id', order: 'DESC' }}
        perPage={50}
        actions={
          <TopToolbar>
            <ExportCsv />
          </TopToolbar>
        }
      >
        <Datagrid
          rowClick="show"
          bulkActionButtons={false}
          sx={{ tableLayout: 'fixed', '& td': { verticalAlign: 'top' }, '& .column-id': { width: 64 } }}
        >
          <TextField source="id" />
          <LocaleDateField source="at" withTime label="resources.audit-events.fields.at" />
          <AuditActor label="resources.audit-events.fields.actor" sortable={false} />
          <AuditWhat label="resources.audit-events.fields.action" sortBy="action" />
        </Datagrid>
      </List>
    </>
  );
}
