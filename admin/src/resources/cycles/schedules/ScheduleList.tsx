/**
 * Recurring cycles, in words: which unit, what period opens when (in WIB, WITA or WIT), how often it is evaluated,
 * whether it runs or is paused, its next and last run; HR pauses, resumes, runs one now or deletes one, each after a
 * confirmation that says what happens (a deleted schedule leaves the cycles it opened running).
 */
import { useState } from 'react';
import { Chip } from '@mui/material';
import {
  Button,
  Confirm,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  ReferenceField,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useAction } from '../../../common/use-action';
import { When } from '../../tasks/When';

type Action = 'pause' | 'unpause' | 'trigger' | 'delete';

function ScheduleAction({ action }: { action: Action }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run, isPending } = useAction({ successMessage: `capaian.work.schedule_done.${action}` });
  if (!record) return null;
  if (action === 'pause' && record.paused) return null;
  if (action === 'unpause' && !record.paused) return null;
  const name = record.name as string;
  return (
    <>
      <Button
        label={`capaian.work.schedule_action.${action}`}
        color={action === 'delete' ? 'error' : 'primary'}
        disabled={isPending}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      />
      <Confirm
        isOpen={open}
        loading={isPending}
        title={translate(`capaian.work.schedule_action.${action}`) + ` — ${name}`}
        content={translate(`capaian.work.schedule_confirm.${action}`, { name })}
        confirm={`capaian.work.schedule_action.${action}`}
        onConfirm={async () => {
          const path = `/cycle-schedules/${encodeURIComponent(String(record.id))}`;
          await (action === 'delete' ? run(path, undefined, 'DELETE') : run(`${path}/${action}`, {}));
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

function Actions() {
  const { permissions } = usePermissions<{ roles: string[] }>();
  return <TopToolbar>{permissions?.roles?.includes('HR_ADMIN') && <CreateButton />}</TopToolbar>;
}

export default function ScheduleList() {
  const translate = useTranslate();
  const { permissions } = usePermissions<{ roles: string[] }>();
  const hr = !!permissions?.roles?.includes('HR_ADMIN');
  return (
    <List actions={<Actions />} empty={false} pagination={false} perPage={100} sort={{ field: 'id', order: 'ASC' }}>
      <Datagrid bulkActionButtons={false} rowClick={false} data-testid="schedule-list">
        <TextField source="name" label="capaian.work.schedule_name" sortable={false} />
        <ReferenceField
          source="unitId"
          reference="units"
          label="resources.cycles.fields.unitId"
          link={false}
          sortable={false}
        />
        <FunctionField
          label="capaian.work.schedule_period"
          sortable={false}
          render={(r: any) =>
            `${translate(`capaian.work.opens.${r.periodType}`, { _: r.periodType })} · ${translate(
              `capaian.year.frequency_value.${r.evaluationFrequency ?? 'NONE'}`,
            )}`
          }
        />
        <FunctionField
          label="capaian.work.time_zone"
          sortable={false}
          render={(r: any) => translate(`capaian.work.zone.${r.timeZone}`, { _: r.timeZone })}
        />
        <FunctionField
          label="resources.cycles.fields.status"
          sortable={false}
          render={(r: any) => (
            <Chip
              size="small"
              color={r.paused ? 'warning' : 'success'}
              label={translate(r.paused ? 'capaian.work.schedule_paused' : 'capaian.work.schedule_active')}
            />
          )}
        />
        <FunctionField
          label="capaian.work.next_run"
          sortable={false}
          render={(r: any) => <When value={r.nextRunAt} time />}
        />
        <FunctionField
          label="capaian.work.last_run"
          sortable={false}
          render={(r: any) => <When value={r.lastRunAt} time />}
        />
        {hr && <ScheduleAction action="pause" />}
        {hr && <ScheduleAction action="unpause" />}
        {hr && <ScheduleAction action="trigger" />}
        {hr && <ScheduleAction action="delete" />}
      </Datagrid>
    </List>
  );
}
