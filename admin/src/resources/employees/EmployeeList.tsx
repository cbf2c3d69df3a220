/**
 * Employees: search by name, NIP or position; filters by unit, superior, post type, employment type and status. The
 * table fits a laptop screen: the name with the NIP beneath it, the position with its kind, cells that wrap.
 */
import { Box, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Datagrid,
  FunctionField,
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
import { byText } from '../../common/reference-search';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="unitId" source="unitId" reference="units" alwaysOn>
    <AutocompleteInput filterToQuery={byText} sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <ReferenceInput key="superiorId" source="superiorId" reference="employees" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput filterToQuery={byText} sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <SelectInput key="positionType" source="positionType" choices={choices('positionType', POSITION_TYPES)} />,
  <SelectInput key="employmentType" source="employmentType" choices={choices('employmentType', EMPLOYMENT_TYPES)} />,
  <SelectInput key="status" source="status" choices={choices('employeeStatus', EMPLOYEE_STATUSES)} />,
];

/** Name first, the NIP beneath it (never a NIP in place of a name). */
const NameAndNip = (_: { label?: string; source?: string; sortBy?: string }) => (
  <FunctionField
    render={(r: any) => (
      <Box data-testid={`employee-${r.id}`}>
        <Typography variant="body2">{r.name}</Typography>
        <Typography variant="caption" color="text.secondary">
          {r.nip}
        </Typography>
      </Box>
    )}
  />
);

/** The position with its kind beneath it. */
const Position = (_: { label?: string; source?: string; sortable?: boolean }) => (
  <FunctionField
    render={(r: any) => (
      <Box>
        <Typography variant="body2">{r.position}</Typography>
        <EnumField source="positionType" list="positionType" />
      </Box>
    )}
  />
);

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
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        sx={{
          '& td': { verticalAlign: 'top', overflowWrap: 'anywhere' },
          '& .column-employmentType': { display: { xs: 'none', lg: 'table-cell' } },
        }}
      >
        <NameAndNip source="name" label="resources.employees.fields.name" sortBy="name" />
        <Position source="position" label="resources.employees.fields.position" sortable={false} />
        <ReferenceField source="unitId" reference="units" link={false} sortable={false} />
        <TextField
          source="superior.name"
          label="resources.employees.fields.superiorId"
          emptyText="—"
          sortable={false}
        />
        <EnumField source="employmentType" list="employmentType" />
        <EnumField source="status" list="employeeStatus" />
      </Datagrid>
    </List>
  );
}
