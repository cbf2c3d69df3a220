/** A new draft: a copy of a chosen version, or of the kind's latest version. */
import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { choices, RULESET_KINDS } from '../../common/enums';

function BasedOn() {
  const kind = useWatch({ name: 'kind' });
  const translate = useTranslate();
  return (
    <ReferenceInput
      source="basedOnId"
      reference="rulesets"
      filter={kind ? { kind } : {}}
      sort={{ field: 'version', order: 'DESC' }}
    >
      <AutocompleteInput
        optionText={(r) =>
          `${translate(`capaian.enum.rulesetKind.${r.kind}`)} v${r.version} — ${r.name} (${translate(`capaian.enum.rulesetStatus.${r.status}`)})`
        }
        filterToQuery={(q: string) => ({ q })}
        helperText="capaian.rulesets.based_on_help"
        fullWidth
      />
    </ReferenceInput>
  );
}

export default function RulesetCreate() {
  return (
    <Create redirect="edit" transform={({ kind, basedOnId }) => ({ kind, ...(basedOnId ? { basedOnId } : {}) })}>
      <SimpleForm>
        <SelectInput source="kind" choices={choices('rulesetKind', RULESET_KINDS)} validate={required()} />
        <BasedOn />
      </SimpleForm>
    </Create>
  );
}
