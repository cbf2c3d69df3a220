/** One allowance with its computation explained in plain words. */
import { Box, Typography } from '@mui/material';
import {
  DateField,
  FunctionField,
  Labeled,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  useLocaleState,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';

const money = { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 } as const;

function Explanation({ value }: { value: any }) {
  const [locale] = useLocaleState();
  const lang = locale === 'en' ? 'en' : 'id';
  if (!value) return <span>—</span>;
  return (
    <Box>
      <Typography>{value.text?.[lang] ?? ''}</Typography>
      {(value.lines ?? []).map((l: any, k: number) => (
        <Typography key={k} variant="body2" color="text.secondary">
          • {l?.[lang] ?? ''}
        </Typography>
      ))}
    </Box>
  );
}

export default function PayShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="employee.name" label="resources.employees.fields.name" />
        <TextField source="employee.nip" label="resources.employees.fields.nip" />
        <TextField source="period.label" label="resources.pay-adjustments.fields.periodId" />
        <DateField source="month" options={{ year: 'numeric', month: 'long', timeZone: 'UTC' }} locales="id-ID" />
        <EnumField source="predicate" list="predicate" />
        <NumberField source="baseAmount" options={money} locales="id-ID" />
        <NumberField source="cutAmount" options={money} locales="id-ID" />
        <NumberField source="amount" options={money} locales="id-ID" />
        <Labeled label="capaian.pay.explanation">
          <FunctionField render={(r: any) => <Explanation value={r.explanation} />} />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
