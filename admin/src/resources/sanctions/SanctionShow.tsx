import {
  DateField,
  FunctionField,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useLocaleState,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { SanctionActions } from './SanctionActions';

export default function SanctionShow() {
  const [locale] = useLocaleState();
  return (
    <Show
      actions={
        <TopToolbar>
          <SanctionActions />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="employee.name" label="resources.employees.fields.name" />
        <TextField source="code" />
        <TextField source="label" />
        <TextField source="severity" emptyText="—" />
        <NumberField source="cutPercent" emptyText="—" />
        <NumberField source="months" emptyText="—" />
        <EnumField source="status" list="sanctionStatus" />
        <DateField source="startsOn" emptyText="—" />
        <DateField source="endsOn" emptyText="—" />
        <TextField source="note" emptyText="—" />
        <FunctionField
          source="explanation"
          render={(r: any) => r.explanation?.text?.[locale === 'en' ? 'en' : 'id'] ?? '—'}
        />
      </SimpleShowLayout>
    </Show>
  );
}
