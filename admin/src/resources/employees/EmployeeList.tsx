/** Employees: search by name, NIP or position; filters by unit, superior, post type, employment type and status. */
import {
  AutocompleteInput,
  Datagrid,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  usePermissions,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { choices, EMPLOYEE_STATUSES, EMPLOYMENT_TYPES, POSITION_TYPES } from '../../common/enums';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="unitId" source="unitId" reference="units" alwaysOn>
    <AutocompleteInput filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <ReferenceInput key="superiorId" source="superiorId" reference="employees">
    <AutocompleteInput filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <SelectInput key="positionType" source="positionType" choices={choices('positionType', POSITION_TYPES)} />,
  <SelectInput key="employmentType" source="employmentType" choices={choices('employmentType', EMPLOYMENT_TYPES)} />,
  <SelectInput key="status" source="status" choices={choices('employeeStatus', EMPLOYEE_STATUSES)} />,
];

export default function EmployeeList() {
  const { permissions } = usePermissions<{ roles: string[]; isRater: boolean; employeeId: number | null }>();
  // A rater who is neither HR nor auditor sees the team: the direct subordinates.
  const teamOnly = permissions && !permissions.roles.includes('HR_ADMIN') && !permissions.roles.includes('AUDITOR');
  return (
    <List
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      filter={teamOnly ? { superiorId: permissions.employeeId ?? -1 } : undefined}
      title={teamOnly ? 'capaian.employees.my_team' : undefined}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="nip" />
        <TextField source="name" />
        <TextField source="position" />
        <EnumField source="positionType" list="positionType" />
        <EnumField source="employmentType" list="employmentType" />
        <ReferenceField source="unitId" reference="units" link="show" />
        <TextField
          source="superior.name"
          label="resources.employees.fields.superiorId"
          emptyText="—"
          sortable={false}
        />
        <EnumField source="status" list="employeeStatus" />
      </Datagrid>
    </List>
  );
}
