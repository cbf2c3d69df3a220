/**
 * "Kehadiran": daily attendance as imported from the attendance system. HR and auditors see everyone (filters by
 * employee, month and status); an employee sees their own days, a rater also the team's (the API scopes the list).
 */
import {
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TextInput,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { EmployeeSearchInput } from '../../common/SearchReferenceInput';
import { ATTENDANCE_STATUSES, choices } from '../../common/enums';

const filters = [
  <EmployeeSearchInput key="employeeId" source="employeeId" alwaysOn noHelp sx={{ minWidth: 320 }} />,
  <TextInput key="month" source="month" type="month" alwaysOn />,
  <SelectInput key="status" source="status" choices={choices('attendance_status', ATTENDANCE_STATUSES)} alwaysOn />,
];

/** A calendar day (YYYY-MM-DD) in the user's language, without a time zone shift. */
function Day({ value }: { value: string }) {
  const [locale] = useLocaleState();
  return (
    <>
      {new Date(`${value}T00:00:00Z`).toLocaleDateString(locale === 'en' ? 'en-GB' : 'id-ID', {
        weekday: 'short',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })}
    </>
  );
}

export default function AttendanceList() {
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'date', order: 'DESC' }} empty={false} title="capaian.attendance.title">
      <Datagrid bulkActionButtons={false} rowClick={false} data-testid="attendance-list">
        <FunctionField source="date" render={(r: any) => <Day value={r.date} />} />
        <TextField source="employee.nip" label="resources.employees.fields.nip" sortable={false} />
        <TextField source="employee.name" label="resources.employees.fields.name" sortable={false} />
        <EnumField source="status" list="attendance_status" />
        <FunctionField
          source="missedAssembly"
          sortable={false}
          render={(r: any) => translate(r.missedAssembly ? 'capaian.attendance.yes' : 'capaian.attendance.no')}
        />
      </Datagrid>
    </List>
  );
}
