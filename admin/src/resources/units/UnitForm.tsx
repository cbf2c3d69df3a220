/** The unit form: code, name and parent unit (the server refuses a parent below the unit itself). */
import { required, SimpleForm, TextInput } from 'react-admin';
import { UnitSearchInput } from '../../common/SearchReferenceInput';

export function UnitForm() {
  return (
    <SimpleForm>
      <TextInput source="code" validate={required()} />
      <TextInput source="name" validate={required()} fullWidth />
      <UnitSearchInput source="parentId" fullWidth />
    </SimpleForm>
  );
}
