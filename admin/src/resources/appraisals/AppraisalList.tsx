/**
 * Appraisals: mine, my team's (raters), or all (HR, auditors); filters by cycle, evaluation period, stage and
 * predicate. A year cycle has one row per employee and evaluation period: the period's label tells them apart.
 */
import {
  AutocompleteInput,
  Datagrid,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { choices, PREDICATES, STAGES } from '../../common/enums';
import { PeriodInput } from '../cycles/PeriodInput';

/** Filters: the employee by name or NIP, the cycle and the period searchable and newest first, stage, predicate. */
const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="cycleId" source="cycleId" reference="cycles" sort={{ field: 'id', order: 'DESC' }} alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <PeriodInput key="periodId" source="periodId" label="capaian.year.period" alwaysOn sx={{ minWidth: 220 }} />,
  <SelectInput key="stage" source="stage" choices={choices('stage', STAGES)} alwaysOn />,
  <SelectInput key="predicate" source="predicate" choices={choices('predicate', PREDICATES)} />,
];

export default function AppraisalList() {
  return (
    <List filters={filters} sort={{ field: 'id', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="employee.name" label="resources.employees.fields.name" sortable={false} />
        <TextField source="employee.nip" label="resources.employees.fields.nip" sortable={false} />
        <ReferenceField source="cycleId" reference="cycles" link={false} />
        <TextField source="period.label" label="capaian.year.period" sortable={false} emptyText="—" />
        <EnumField source="stage" list="stage" />
        <EnumField source="predicate" list="predicate" />
        <TextField source="rater.name" label="resources.appraisals.fields.raterId" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}
