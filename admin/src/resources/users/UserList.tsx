/** Pengguna & Peran: accounts with their employee, roles and status. */
import { Chip, Stack } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { ROLES } from './RolesInput';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <SelectInput
    key="role"
    source="role"
    label="resources.users.fields.roles"
    choices={ROLES.map((id) => ({ id, name: `capaian.enum.role.${id}` }))}
  />,
];

/** The roles as words (props `source`/`label` are read by the Datagrid header). */
export function RoleChips(_props: { source?: string; label?: string; sortable?: boolean }) {
  const translate = useTranslate();
  return (
    <FunctionField
      source="roles"
      sortable={false}
      render={(r: any) => (
        <Stack direction="row" spacing={0.5}>
          {(r.roles ?? []).map((role: string) => (
            <Chip key={role} size="small" variant="outlined" label={translate(`capaian.enum.role.${role}`)} />
          ))}
        </Stack>
      )}
    />
  );
}

/** Aktif / Nonaktif as a chip. */
export function ActiveField(_props: { source?: string; label?: string }) {
  const translate = useTranslate();
  return (
    <FunctionField
      source="active"
      render={(r: any) => (
        <Chip
          size="small"
          color={r.active ? 'success' : 'default'}
          label={translate(r.active ? 'capaian.users.active' : 'capaian.users.inactive')}
        />
      )}
    />
  );
}

export default function UserList() {
  return (
    <List
      filters={filters}
      sort={{ field: 'username', order: 'ASC' }}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="username" />
        <TextField source="employee.name" sortable={false} />
        <RoleChips source="roles" label="resources.users.fields.roles" sortable={false} />
        <TextField source="calibrationUnit.name" label="resources.users.fields.calibrationUnitId" sortable={false} />
        <ActiveField source="active" label="resources.users.fields.active" />
      </Datagrid>
    </List>
  );
}
