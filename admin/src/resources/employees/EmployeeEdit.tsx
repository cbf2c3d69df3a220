import { Edit } from 'react-admin';
import { EmployeeForm, toEmployeeInput } from './EmployeeForm';

export default function EmployeeEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={toEmployeeInput} redirect="show">
      <EmployeeForm />
    </Edit>
  );
}
