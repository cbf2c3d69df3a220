import { Create } from 'react-admin';
import { UnitForm } from './UnitForm';

export default function UnitCreate() {
  return (
    <Create redirect="show">
      <UnitForm />
    </Create>
  );
}
