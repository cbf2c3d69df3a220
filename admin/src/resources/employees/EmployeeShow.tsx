/** An employee with the reporting line: direct superior (rater) and direct subordinates, and their appraisals. */
import {
  Datagrid,
  EditButton,
  FunctionField,
  ReferenceField,
  ReferenceManyField,
  Show,
  Tab,
  TabbedShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { LocaleDateField, MoneyField } from '../../common/LocaleFields';

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
          <MoneyField source="baseAllowance" label="resources.employees.fields.baseAllowance" />
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
              <ReferenceField source="cycleId" reference="cycles" sortable={false} />
              <FunctionField
                label="capaian.records.employees.appraisal_period"
                render={(r: any) => r.period?.label ?? '—'}
              />
              <EnumField source="stage" list="stage" />
              <EnumField source="predicate" list="predicate" />
              <LocaleDateField source="updatedAt" label="capaian.records.employees.updated" />
            </Datagrid>
          </ReferenceManyField>
        </Tab>
      </TabbedShowLayout>
    </Show>
  );
}
