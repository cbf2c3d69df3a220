/** A unit: its parent, its sub-units and its employees. */
import {
  Datagrid,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';

export default function UnitShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <ReferenceField source="parentId" reference="units" emptyText="—" />
        <NumberField source="_count.employees" />
        <ReferenceManyField reference="units" target="parentId" label="resources.units.fields.children">
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="code" />
            <TextField source="name" />
          </Datagrid>
        </ReferenceManyField>
        <ReferenceManyField reference="employees" target="unitId" label="resources.units.fields.employees" perPage={50}>
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="nip" />
            <TextField source="name" />
            <TextField source="position" />
            <EnumField source="positionType" list="positionType" />
          </Datagrid>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
