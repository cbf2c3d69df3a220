/**
 * A new cycle (DRAFT): name, unit, the year (its period) and how often the year's plan is evaluated, and the stage
 * deadlines in days.
 */
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
import { FREQUENCIES } from './FrequencyField';
import { PeriodInput } from './PeriodInput';

/** "Once for the whole span": no evaluationFrequency in the request. */
const ONCE = 'NONE';

/** The span: YEAR periods first, newest first; then the shorter periods, newest first; searchable by typing. */
function YearInput() {
  return (
    <PeriodInput
      yearsFirst
      source="periodId"
      label="capaian.year.year"
      helperText="capaian.year.year_help"
      validate={required()}
      sx={{ minWidth: 320 }}
    />
  );
}

/** How often the plan is evaluated, with what that means for the employee. */
function FrequencyInput() {
  return (
    <SelectInput
      source="evaluationFrequency"
      label="capaian.year.frequency"
      helperText="capaian.year.frequency_help"
      choices={[...FREQUENCIES, ONCE].map((id) => ({ id, name: `capaian.year.frequency_value.${id}` }))}
      validate={required()}
      sx={{ minWidth: 320 }}
    />
  );
}

const DAYS = [
  'planningDays',
  'planReviewDays',
  'evidenceDays',
  'reviewDays',
  'calibrationDays',
  'appealWindowDays',
  'appealDecisionDays',
] as const;

export function Settings() {
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
      transform={({ evaluationFrequency, ...v }: any) => ({
        ...v,
        ...(evaluationFrequency && evaluationFrequency !== ONCE ? { evaluationFrequency } : {}),
        settings: Object.fromEntries(Object.entries(v.settings ?? {}).filter(([, x]) => x !== null && x !== '')),
      })}
    >
      <SimpleForm
        defaultValues={{
          includeDescendants: true,
          evaluationFrequency: ONCE,
          settings: { appealWindowDays: 14, appealDecisionDays: 14 },
        }}
      >
        <TextInput source="name" validate={required()} fullWidth />
        <ReferenceInput source="unitId" reference="units">
          <AutocompleteInput
            filterToQuery={(q: string) => ({ q })}
            validate={required()}
            fullWidth
            helperText="capaian.work.search_unit_help"
          />
        </ReferenceInput>
        <BooleanInput source="includeDescendants" />
        <YearInput />
        <FrequencyInput />
        <Settings />
      </SimpleForm>
    </Create>
  );
}
