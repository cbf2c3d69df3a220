/** Rule-set versions, by kind and status; the published version in force is the one cycles pin when they start. */
import {
  CreateButton,
  Datagrid,
  DateField,
  List,
  NumberField,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useLocaleState,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { choices, RULESET_KINDS, RULESET_STATUSES } from '../../common/enums';

const filters = [
  <SelectInput key="kind" source="kind" choices={choices('rulesetKind', RULESET_KINDS)} alwaysOn />,
  <SelectInput key="status" source="status" choices={choices('rulesetStatus', RULESET_STATUSES)} alwaysOn />,
  <SearchInput key="q" source="q" />,
];

export default function RulesetList() {
  // Dates in the chosen language, not the browser's.
  const [locale] = useLocaleState();
  const locales = locale === 'en' ? 'en-GB' : 'id-ID';
  return (
    <List
      filters={filters}
      sort={{ field: 'id', order: 'DESC' }}
      actions={
        <TopToolbar>
          <CreateButton label="capaian.rulesets.new_draft" />
        </TopToolbar>
      }
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <EnumField source="kind" list="rulesetKind" />
        <NumberField source="version" />
        <TextField source="name" />
        <EnumField source="status" list="rulesetStatus" />
        <DateField
          source="effectiveFrom"
          locales={locales}
          options={{ day: 'numeric', month: 'long', year: 'numeric' }}
        />
        <DateField source="updatedAt" locales={locales} showTime />
      </Datagrid>
    </List>
  );
}
