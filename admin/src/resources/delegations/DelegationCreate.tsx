/** HR records an acting superior: the kind, the official, the acting employee, the dates and the letter; saving asks first. */
import { Typography } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  DateInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { choices, DELEGATION_KINDS } from '../../common/enums';
import { ConfirmDelegationToolbar } from './ConfirmDelegationToolbar';

/** Only active employees may act or be acted for; searched by name, NIP or position on the server. */
const ACTIVE = { status: 'ACTIVE' };
const BY_NAME = { field: 'name', order: 'ASC' as const };
const person = (e: any) => (e ? `${e.name} (${e.nip}) — ${e.position}` : '');

export default function DelegationCreate() {
  const translate = useTranslate();
  return (
    <Create redirect="list" title="capaian.delegations.create_title">
      <SimpleForm defaultValues={{ kind: 'PLT' }} toolbar={<ConfirmDelegationToolbar />}>
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 720 }}>
          {translate('capaian.delegations.create_help')}
        </Typography>
        <SelectInput source="kind" choices={choices('delegation_kind', DELEGATION_KINDS)} validate={required()} />
        <ReferenceInput source="principalId" reference="employees" perPage={20} filter={ACTIVE} sort={BY_NAME}>
          <AutocompleteInput
            optionText={person}
            filterToQuery={(q: string) => ({ q })}
            validate={required()}
            helperText="capaian.work.search_employee_help"
            fullWidth
          />
        </ReferenceInput>
        <ReferenceInput source="actingId" reference="employees" perPage={20} filter={ACTIVE} sort={BY_NAME}>
          <AutocompleteInput
            optionText={person}
            filterToQuery={(q: string) => ({ q })}
            validate={required()}
            helperText="capaian.work.search_employee_help"
            fullWidth
          />
        </ReferenceInput>
        <DateInput source="startsOn" validate={required()} />
        <DateInput source="endsOn" validate={required()} />
        <TextInput source="letterNumber" fullWidth />
        <TextInput source="note" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
}
