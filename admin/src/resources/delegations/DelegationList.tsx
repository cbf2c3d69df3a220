/**
 * "Plt/Plh": acting superiors. HR sees every delegation, records new ones and ends one early (or cancels one that has
 * not started) after a confirmation; the official and the acting person see theirs; auditors read all.
 */
import { useState } from 'react';
import {
  Button,
  Confirm,
  CreateButton,
  Datagrid,
  ExportButton,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { choices, DELEGATION_KINDS, DELEGATION_STATUSES } from '../../common/enums';
import { useAction } from '../../common/use-action';
import { sessionUser } from '../../providers/auth-provider';
import { dayText } from './day';

const filters = [
  <SelectInput key="status" source="status" choices={choices('delegation_status', DELEGATION_STATUSES)} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choices('delegation_kind', DELEGATION_KINDS)} alwaysOn />,
];

/** A calendar day (YYYY-MM-DD) in the user's language. */
function Day({ value }: { value: string }) {
  const [locale] = useLocaleState();
  return <>{dayText(value, locale)}</>;
}

/** Ends an active delegation early (tasks go back) or cancels a scheduled one, after a confirmation. */
function EndButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run, isPending } = useAction({ successMessage: 'capaian.delegations.ended' });
  if (!record || !['SCHEDULED', 'ACTIVE'].includes(record.status)) return null;
  const active = record.status === 'ACTIVE';
  return (
    <>
      <Button
        label={active ? 'capaian.delegations.end' : 'capaian.delegations.cancel'}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        disabled={isPending}
      />
      <Confirm
        isOpen={open}
        loading={isPending}
        title={active ? 'capaian.delegations.end_title' : 'capaian.delegations.cancel_title'}
        content={translate(active ? 'capaian.delegations.end_confirm' : 'capaian.delegations.cancel_confirm', {
          label: record.label,
          acting: record.acting?.name ?? '',
          principal: record.principal?.name ?? '',
        })}
        onConfirm={async () => {
          await run(`/delegations/${record.id}/end`, {});
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

function Actions() {
  const hr = sessionUser()?.roles.includes('HR_ADMIN') ?? false;
  return (
    <TopToolbar>
      {hr && <CreateButton />}
      <ExportButton />
    </TopToolbar>
  );
}

export default function DelegationList() {
  const hr = sessionUser()?.roles.includes('HR_ADMIN') ?? false;
  return (
    <List
      filters={filters}
      actions={<Actions />}
      sort={{ field: 'id', order: 'DESC' }}
      empty={false}
      title="capaian.delegations.title"
    >
      <Datagrid bulkActionButtons={false} rowClick={false} data-testid="delegation-list">
        <EnumField source="kind" list="delegation_kind" />
        <FunctionField
          source="principalId"
          sortable={false}
          render={(r: any) => `${r.principal?.name ?? ''} — ${r.principal?.position ?? ''}`}
        />
        <FunctionField
          source="actingId"
          sortable={false}
          render={(r: any) => `${r.label} ${r.acting?.name ?? ''} (${r.acting?.nip ?? ''})`}
        />
        <FunctionField source="startsOn" render={(r: any) => <Day value={r.startsOn} />} />
        <FunctionField source="endsOn" render={(r: any) => <Day value={r.endsOn} />} />
        <EnumField source="status" list="delegation_status" />
        <TextField source="letterNumber" sortable={false} emptyText="—" />
        {hr && <EndButton />}
      </Datagrid>
    </List>
  );
}
