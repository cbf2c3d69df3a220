/** A new cycle (DRAFT): name, unit, period, and the stage deadlines in days. */
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

const DAYS = [
  'planningDays',
  'planReviewDays',
  'evidenceDays',
  'reviewDays',
  'calibrationDays',
  'appealWindowDays',
  'appealDecisionDays',
] as const;

function Settings() {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="subtitle1">{translate('capaian.cycles.settings')}</Typography>
      {DAYS.map((k) => (
        <NumberInput key={k} source={`settings.${k}`} label={`capaian.cycles.setting.${k}`} min={1} step={1} />
      ))}
    </>
  );
}

export default function CycleCreate() {
  return (
    <Create
      redirect="show"
      transform={(v: any) => ({
        ...v,
        settings: Object.fromEntries(Object.entries(v.settings ?? {}).filter(([, x]) => x !== null && x !== '')),
      })}
    >
      <SimpleForm
        defaultValues={{ includeDescendants: true, settings: { appealWindowDays: 14, appealDecisionDays: 14 } }}
      >
        <TextInput source="name" validate={required()} fullWidth />
        <ReferenceInput source="unitId" reference="units">
          <AutocompleteInput filterToQuery={(q: string) => ({ q })} validate={required()} fullWidth />
        </ReferenceInput>
        <BooleanInput source="includeDescendants" />
        <ReferenceInput source="periodId" reference="periods" sort={{ field: 'startDate', order: 'ASC' }} perPage={100}>
          <SelectInput optionText="label" validate={required()} />
        </ReferenceInput>
        <Settings />
      </SimpleForm>
    </Create>
  );
}
