/**
 * Appraisals: mine, my team's (raters), or all (HR, auditors); filters by cycle, evaluation period, stage and
 * predicate. A year cycle has one row per employee and evaluation period: the period's label tells them apart.
 */
import { Datagrid, List, ReferenceField, ReferenceInput, SelectInput, TextField } from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { choices, PREDICATES, STAGES } from '../../common/enums';

const filters = [
  <ReferenceInput key="cycleId" source="cycleId" reference="cycles" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput
    key="periodId"
    source="periodId"
    reference="periods"
    sort={{ field: 'startDate', order: 'ASC' }}
    perPage={500}
    alwaysOn
  >
    <SelectInput optionText="label" label="capaian.year.period" />
  </ReferenceInput>,
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
