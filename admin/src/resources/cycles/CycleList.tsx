/**
 * Appraisal cycles: a unit (with its sub-units) and a period, with the rule versions pinned at start. While a cycle
 * runs the table refreshes itself (status and progress follow the workflow, as the cycle's own page does): no
 * reload needed to see a cycle move to calibration or close.
 */
import { useQuery } from '@tanstack/react-query';
import { Datagrid, List, ReferenceField, SelectInput, TextField, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { choices, CYCLE_STATUSES } from '../../common/enums';
import { LocaleDateField } from '../../common/LocaleFields';
import { api } from '../../providers/http';

const filters = [
  <SelectInput key="status" source="status" choices={choices('cycleStatus', CYCLE_STATUSES)} alwaysOn />,
];

/** Started and not finished: the workflow moves it on its own. */
const isLive = (c: { status?: string; startedAt?: string | null; [k: string]: unknown }) =>
  c.status === 'RUNNING' || c.status === 'CALIBRATION' || (c.status === 'DRAFT' && !!c.startedAt);

const REFRESH_MS = 3000;

/** "12 dari 18 selesai" for a cycle under way (the same progress query as the cycle's page). */
function Progress(_: { label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const live = !!record && isLive(record as { status?: string; startedAt?: string | null });
  const { data } = useQuery({
    queryKey: ['cycles', record?.id, 'progress'],
    queryFn: () =>
      api<{ total: number; finished?: number; failed?: number; cancelled?: number }>(`/cycles/${record!.id}/progress`),
    enabled: live,
    refetchInterval: live ? REFRESH_MS : false,
    retry: false,
  });
  if (!record || !live || !data) return <span>{translate('capaian.records.cycles.progress_none')}</span>;
  const done = (data.finished ?? 0) + (data.failed ?? 0) + (data.cancelled ?? 0);
  return (
    <span data-testid={`cycle-progress-${record.id}`}>
      {translate('capaian.records.cycles.progress_value', { done, total: data.total ?? 0 })}
    </span>
  );
}

export default function CycleList() {
  return (
    <List
      filters={filters}
      sort={{ field: 'id', order: 'DESC' }}
      queryOptions={{
        refetchInterval: (query: { state: { data?: { data?: any[] } } }) =>
          query.state.data?.data?.some(isLive) ? REFRESH_MS : false,
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& td': { overflowWrap: 'anywhere' } }}>
        <TextField source="name" />
        <ReferenceField source="unitId" reference="units" link={false} sortable={false} />
        <ReferenceField source="periodId" reference="periods" link={false} sortable={false} />
        <EnumField source="status" list="cycleStatus" />
        <Progress label="capaian.records.cycles.progress" sortable={false} />
        <LocaleDateField source="startedAt" withTime label="resources.cycles.fields.startedAt" />
      </Datagrid>
    </List>
  );
}
