/** An employee with the reporting line: direct superior (rater) and direct subordinates, and their appraisals. */
import {
  Datagrid,
  DateField,
  EditButton,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  Show,
  Tab,
  TabbedShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';

export default function EmployeeShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      <TabbedShowLayout>
        <Tab label="capaian.employees.tab_profile">
          <TextField source="nip" />
          <TextField source="name" />
          <EnumField source="employmentType" list="employmentType" />
          <TextField source="position" />
          <EnumField source="positionType" list="positionType" />
          <TextField source="grade" emptyText="—" />
          <ReferenceField source="unitId" reference="units" link="show" />
          <ReferenceField source="superiorId" reference="employees" link="show" emptyText="—" />
          <NumberField
            source="baseAllowance"
            options={{ style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }}
            locales="id-ID"
          />
          <EnumField source="status" list="employeeStatus" />
        </Tab>
        <Tab label="capaian.employees.tab_team" path="team">
          <ReferenceManyField reference="employees" target="superiorId" label={false}>
            <Datagrid rowClick="show" bulkActionButtons={false}>
              <TextField source="nip" />
              <TextField source="name" />
              <TextField source="position" />
            </Datagrid>
          </ReferenceManyField>
        </Tab>
        <Tab label="capaian.employees.tab_appraisals" path="appraisals">
          <ReferenceManyField reference="appraisals" target="employeeId" label={false}>
            <Datagrid rowClick="show" bulkActionButtons={false}>
              <ReferenceField source="cycleId" reference="cycles" />
              <EnumField source="stage" list="stage" />
              <EnumField source="predicate" list="predicate" />
              <DateField source="updatedAt" />
            </Datagrid>
          </ReferenceManyField>
        </Tab>
      </TabbedShowLayout>
    </Show>
  );
}
