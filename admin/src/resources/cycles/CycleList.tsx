/** Appraisal cycles: a unit (with its sub-units) and a period, with the rule versions pinned at start. */
import { Datagrid, DateField, List, ReferenceField, SelectInput, TextField } from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { choices, CYCLE_STATUSES } from '../../common/enums';

const filters = [
  <SelectInput key="status" source="status" choices={choices('cycleStatus', CYCLE_STATUSES)} alwaysOn />,
];

export default function CycleList() {
  return (
    <List filters={filters} sort={{ field: 'id', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <ReferenceField source="unitId" reference="units" link={false} />
        <ReferenceField source="periodId" reference="periods" link={false} />
        <EnumField source="status" list="cycleStatus" />
        <DateField source="startedAt" showTime emptyText="—" />
      </Datagrid>
    </List>
  );
}
