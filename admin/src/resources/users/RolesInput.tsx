/** The roles of an account, with the calibrator's unit when CALIBRATOR is chosen (shared by create and edit). */
import { Typography } from '@mui/material';
import { CheckboxGroupInput, required, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { UnitSearchInput } from '../../common/SearchReferenceInput';

export const ROLES = ['EMPLOYEE', 'HR_ADMIN', 'AUDITOR', 'CALIBRATOR'] as const;

export function RolesInput() {
  const translate = useTranslate();
  const roles: string[] = useWatch({ name: 'roles' }) ?? [];
  return (
    <>
      <CheckboxGroupInput
        source="roles"
        choices={ROLES.map((id) => ({ id, name: `capaian.enum.role.${id}` }))}
        validate={required()}
      />
      {roles.includes('CALIBRATOR') && (
        <>
          <Typography variant="body2" color="text.secondary">
            {translate('capaian.users.calibrator_help')}
          </Typography>
          <UnitSearchInput source="calibrationUnitId" validate={required()} fullWidth />
        </>
      )}
    </>
  );
}

/** The body of PUT/POST /api/users: the roles, and the unit only for a calibrator (the server refuses other keys). */
export function rolesBody(data: { roles?: string[]; calibrationUnitId?: number | null }) {
  const roles = data.roles ?? [];
  return { roles, calibrationUnitId: roles.includes('CALIBRATOR') ? (data.calibrationUnitId ?? null) : null };
}
