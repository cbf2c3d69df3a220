/** A new account for an employee: HR picks the employee and the roles; the one-time password is shown once. */
import { useState } from 'react';
import { Typography } from '@mui/material';
import { Create, required, SimpleForm, useCreate, useNotify, useRedirect, useTranslate } from 'react-admin';
import { EmployeeSearchInput } from '../../common/SearchReferenceInput';
import { OneTimePasswordDialog } from './OneTimePasswordDialog';
import { rolesBody, RolesInput } from './RolesInput';

export default function UserCreate() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [create] = useCreate();
  const [created, setCreated] = useState<{ username: string; oneTimePassword: string } | null>(null);
  // Resolves with nothing on success (a returned object would be read as field errors) or with the server's field errors.
  const save = async (data: any) => {
    try {
      const row: any = await create(
        'users',
        { data: { employeeId: data.employeeId, ...rolesBody(data) } },
        { returnPromise: true },
      );
      setCreated({ username: row.username, oneTimePassword: row.oneTimePassword });
    } catch (e: any) {
      notify(e?.message ?? 'ra.notification.http_error', { type: 'error' });
      return e?.body?.errors;
    }
  };
  return (
    <Create>
      <SimpleForm onSubmit={save} defaultValues={{ roles: ['EMPLOYEE'] }}>
        <Typography variant="body2" color="text.secondary">
          {translate('capaian.users.create_help')}
        </Typography>
        <EmployeeSearchInput source="employeeId" validate={required()} fullWidth />
        <RolesInput />
      </SimpleForm>
      {created && (
        <OneTimePasswordDialog
          username={created.username}
          password={created.oneTimePassword}
          onClose={() => {
            setCreated(null);
            redirect('list', 'users');
          }}
        />
      )}
    </Create>
  );
}
