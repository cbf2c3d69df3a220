/**
 * The employee form; the unit and the direct superior (the rater) are chosen by search (name, NIP or code). NIP and
 * loops are checked by the server.
 */
import {
  AutocompleteInput,
  email,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { choices, EMPLOYEE_STATUSES, EMPLOYMENT_TYPES, POSITION_TYPES } from '../../common/enums';
import { byText } from '../../common/reference-search';

export function EmployeeForm() {
  return (
    <SimpleForm>
      <TextInput source="nip" validate={required()} helperText="capaian.employees.nip_help" />
      <TextInput source="name" validate={required()} fullWidth />
      <SelectInput
        source="employmentType"
        choices={choices('employmentType', EMPLOYMENT_TYPES)}
        validate={required()}
      />
      <TextInput source="position" validate={required()} fullWidth />
      <SelectInput source="positionType" choices={choices('positionType', POSITION_TYPES)} validate={required()} />
      <TextInput source="grade" />
      <ReferenceInput source="unitId" reference="units" sort={{ field: 'code', order: 'ASC' }}>
        <AutocompleteInput filterToQuery={byText} validate={required()} fullWidth />
      </ReferenceInput>
      <ReferenceInput source="superiorId" reference="employees" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput filterToQuery={byText} fullWidth helperText="capaian.employees.superior_help" />
      </ReferenceInput>
      <NumberInput source="baseAllowance" step={1000} min={0} />
      <TextInput source="email" validate={email()} />
      <SelectInput source="status" choices={choices('employeeStatus', EMPLOYEE_STATUSES)} />
    </SimpleForm>
  );
}

/** Only the fields the API accepts. */
export function toEmployeeInput(r: Record<string, any>) {
  return {
    nip: r.nip,
    name: r.name,
    employmentType: r.employmentType,
    position: r.position,
    positionType: r.positionType,
    grade: r.grade || null,
    unitId: r.unitId,
    superiorId: r.superiorId ?? null,
    baseAllowance: r.baseAllowance ?? undefined,
    email: r.email || null,
    status: r.status ?? undefined,
  };
}
