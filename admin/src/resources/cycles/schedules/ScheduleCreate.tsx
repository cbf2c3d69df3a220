/**
 * A recurring cycle: at the start of every year (or semester, quarter, month) in the unit's local time a cycle of that
 * period is opened and started; a year is evaluated every month, quarter or semester like a cycle made by hand.
 */
import { Typography } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Settings } from '../CycleCreate';

const ONCE = 'NONE';
export const PERIOD_TYPES = ['YEAR', 'SEMESTER', 'QUARTER', 'MONTH'] as const;
export const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
const SHORTER: Record<string, string[]> = {
  YEAR: ['SEMESTER', 'QUARTER', 'MONTH'],
  SEMESTER: ['QUARTER', 'MONTH'],
  QUARTER: ['MONTH'],
  MONTH: [],
};

/** How often the year (or other period) is evaluated: only frequencies shorter than the period. */
function FrequencyInput() {
  const periodType = useWatch({ name: 'periodType' }) as string;
  return (
    <SelectInput
      source="evaluationFrequency"
      label="capaian.year.frequency"
      helperText="capaian.year.frequency_help"
      choices={[...(SHORTER[periodType] ?? []), ONCE].map((id) => ({ id, name: `capaian.year.frequency_value.${id}` }))}
      validate={required()}
      sx={{ minWidth: 320 }}
    />
  );
}

export default function ScheduleCreate() {
  const translate = useTranslate();
  return (
    <Create
      redirect="list"
      title="capaian.work.schedule_create"
      transform={({ evaluationFrequency, ...v }: any) => ({
        ...v,
        ...(evaluationFrequency && evaluationFrequency !== ONCE && SHORTER[v.periodType]?.includes(evaluationFrequency)
          ? { evaluationFrequency }
          : {}),
        settings: Object.fromEntries(Object.entries(v.settings ?? {}).filter(([, x]) => x !== null && x !== '')),
      })}
    >
      <SimpleForm
        defaultValues={{
          periodType: 'YEAR',
          evaluationFrequency: 'QUARTER',
          includeDescendants: true,
          timeZone: 'Asia/Jakarta',
          settings: { appealWindowDays: 14, appealDecisionDays: 14 },
        }}
      >
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 720 }}>
          {translate('capaian.work.schedule_help')}
        </Typography>
        <TextInput source="name" label="capaian.work.schedule_name" validate={required()} fullWidth />
        <ReferenceInput source="unitId" reference="units">
          <AutocompleteInput
            label="resources.cycles.fields.unitId"
            filterToQuery={(q: string) => ({ q })}
            validate={required()}
            helperText="capaian.work.search_unit_help"
            fullWidth
          />
        </ReferenceInput>
        <BooleanInput source="includeDescendants" label="resources.cycles.fields.includeDescendants" />
        <SelectInput
          source="periodType"
          label="capaian.work.schedule_period"
          choices={PERIOD_TYPES.map((id) => ({ id, name: `capaian.work.opens.${id}` }))}
          validate={required()}
          sx={{ minWidth: 320 }}
        />
        <FrequencyInput />
        <SelectInput
          source="timeZone"
          label="capaian.work.time_zone"
          choices={ZONES.map((id) => ({ id, name: `capaian.work.zone.${id}` }))}
          validate={required()}
          sx={{ minWidth: 320 }}
        />
        <Settings />
      </SimpleForm>
    </Create>
  );
}
