import { Create } from 'react-admin';
import { EmployeeForm, toEmployeeInput } from './EmployeeForm';

export default function EmployeeCreate() {
  return (
    <Create transform={toEmployeeInput} redirect="show">
      <EmployeeForm />
    </Create>
  );
}
