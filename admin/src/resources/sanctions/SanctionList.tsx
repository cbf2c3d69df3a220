/** Sanction and follow-up recommendations (PP 94/2021, PP 30/2019) waiting for HR to confirm or dismiss them. */
import { Datagrid, DateField, List, NumberField, SelectInput, TextField } from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { choices, SANCTION_STATUSES } from '../../common/enums';
import { SanctionActions } from './SanctionActions';

const filters = [
  <SelectInput key="status" source="status" choices={choices('sanctionStatus', SANCTION_STATUSES)} alwaysOn />,
];

export default function SanctionList() {
  return (
    <List filters={filters} filterDefaultValues={{ status: 'RECOMMENDED' }} sort={{ field: 'id', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="employee.name" label="resources.employees.fields.name" sortable={false} />
        <TextField source="label" />
        <TextField source="severity" emptyText="—" />
        <NumberField source="cutPercent" emptyText="—" />
        <NumberField source="months" emptyText="—" />
        <EnumField source="status" list="sanctionStatus" />
        <DateField source="createdAt" />
        <SanctionActions />
      </Datagrid>
    </List>
  );
}
