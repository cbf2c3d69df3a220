/** The unit form: code, name and parent unit (the server refuses a parent below the unit itself). */
import { AutocompleteInput, ReferenceInput, required, SimpleForm, TextInput } from 'react-admin';

export function UnitForm() {
  return (
    <SimpleForm>
      <TextInput source="code" validate={required()} />
      <TextInput source="name" validate={required()} fullWidth />
      <ReferenceInput source="parentId" reference="units" sort={{ field: 'code', order: 'ASC' }}>
        <AutocompleteInput filterToQuery={(q: string) => ({ q })} fullWidth />
      </ReferenceInput>
    </SimpleForm>
  );
}
