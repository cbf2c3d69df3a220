/** One account: its roles (and a calibrator's unit), and the actions on it. HR cannot change their own here. */
import { Edit, Labeled, SimpleForm, TextField, useTranslate } from 'react-admin';
import { AccountActions } from './AccountActions';
import { ActiveField } from './UserList';
import { rolesBody, RolesInput } from './RolesInput';

export default function UserEdit() {
  const translate = useTranslate();
  return (
    <Edit
      mutationMode="pessimistic"
      transform={(data: any) => rolesBody(data)}
      redirect={false}
      title={translate('resources.users.name', { smart_count: 1 })}
    >
      <SimpleForm>
        <Labeled>
          <TextField source="username" />
        </Labeled>
        <Labeled>
          <TextField source="employee.name" emptyText="—" />
        </Labeled>
        <Labeled>
          <ActiveField />
        </Labeled>
        <RolesInput />
        <AccountActions />
      </SimpleForm>
    </Edit>
  );
}
