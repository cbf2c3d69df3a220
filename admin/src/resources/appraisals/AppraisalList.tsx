/** Appraisals: mine, my team's (raters), or all (HR, auditors); filters by cycle, stage and predicate. */
import { Datagrid, List, ReferenceField, ReferenceInput, SelectInput, TextField } from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { choices, PREDICATES, STAGES } from '../../common/enums';

const filters = [
  <ReferenceInput key="cycleId" source="cycleId" reference="cycles" alwaysOn>
    <SelectInput optionText="name" />
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
        <EnumField source="stage" list="stage" />
        <EnumField source="predicate" list="predicate" />
        <TextField source="rater.name" label="resources.appraisals.fields.raterId" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}
