import { Edit } from 'react-admin';
import { UnitForm } from './UnitForm';

export default function UnitEdit() {
  return (
    <Edit
      mutationMode="pessimistic"
      transform={({ code, name, parentId }) => ({ code, name, parentId: parentId ?? null })}
    >
      <UnitForm />
    </Edit>
  );
}
