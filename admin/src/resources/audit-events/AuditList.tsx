/** The audit log: every state change, hash-chained; the chain's verification result on top; CSV export. */
import { useQuery } from '@tanstack/react-query';
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Button } from '@mui/material';
import {
  Datagrid,
  DateField,
  DateTimeInput,
  List,
  TextField,
  TextInput,
  TopToolbar,
  useListContext,
  useTranslate,
} from 'react-admin';
import { useDownload } from '../../common/use-download';
import { api } from '../../providers/http';

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

const filters = [
  <TextInput key="actor" source="actor" alwaysOn />,
  <TextInput key="entity" source="entity" alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
  <TextInput key="action" source="action" />,
  <DateTimeInput key="at_gte" source="at_gte" label="capaian.audit.from" />,
  <DateTimeInput key="at_lte" source="at_lte" label="capaian.audit.until" />,
];

export default function AuditList() {
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
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="id" />
          <DateField source="at" showTime />
          <TextField source="actor" />
          <TextField source="action" />
          <TextField source="entity" />
          <TextField source="entityId" />
          <TextField source="hash" sx={{ fontFamily: 'monospace', fontSize: 11 }} sortable={false} />
        </Datagrid>
      </List>
    </>
  );
}
