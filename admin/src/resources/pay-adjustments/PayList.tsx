/**
 * Allowances (TPP) per employee and month (a quarter's evaluation pays three months), each with its explanation in
 * words; money and months in the chosen language. The payroll export is a CSV in integer rupiah, for one month when
 * the month filter is set. Cycles and periods are searchable, newest first. On a phone, one card per month.
 */
import { Box, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Datagrid,
  downloadCSV,
  ExportButton,
  FunctionField,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  type Exporter,
} from 'react-admin';
import { toCsv } from '../../common/csv';
import { EnumField } from '../../common/EnumField';
import { choices, PREDICATES } from '../../common/enums';
import { MoneyField, MonthField } from '../../common/LocaleFields';
import { byText, CYCLES_NEWEST_FIRST, periodFilterToQuery, PERIODS_NEWEST_FIRST } from '../../common/reference-search';
import { PayCards } from './PayCards';
import { PayExplanation } from './PayExplanation';

/** Payroll export: one row per employee and month, amounts as integer rupiah. */
const payrollExporter: Exporter = (rows) => {
  const lines = rows.map((r: any) => ({
    nip: r.employee?.nip,
    nama: r.employee?.name,
    periode: r.period?.label,
    bulan: typeof r.month === 'string' ? r.month.slice(0, 7) : '',
    predikat: r.predicate,
    pagu_tpp: r.baseAmount,
    potongan: r.cutAmount,
    tpp_diterima: r.amount,
    siklus: r.cycleId,
  }));
  downloadCSV(toCsv(lines), 'ekspor-tpp-penggajian');
};

const filters = [
  <TextInput key="month" source="month" type="month" label="resources.pay-adjustments.fields.month" alwaysOn />,
  <ReferenceInput key="cycleId" source="cycleId" reference="cycles" sort={CYCLES_NEWEST_FIRST} alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={byText} sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <ReferenceInput key="periodId" source="periodId" reference="periods" sort={PERIODS_NEWEST_FIRST} alwaysOn>
    <AutocompleteInput optionText="label" filterToQuery={periodFilterToQuery} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <SelectInput key="predicate" source="predicate" choices={choices('predicate', PREDICATES)} />,
];

/** The person: name first, NIP beneath it. */
const Person = (_: { label?: string }) => (
  <FunctionField
    render={(r: any) => (
      <Box>
        <Typography variant="body2">{r.employee?.name ?? '—'}</Typography>
        <Typography variant="caption" color="text.secondary">
          {r.employee?.nip}
        </Typography>
      </Box>
    )}
  />
);

export default function PayList() {
  return (
    <List
      filters={filters}
      exporter={payrollExporter}
      actions={
        <TopToolbar>
          <ExportButton label="capaian.pay.payroll_export" maxResults={100000} />
        </TopToolbar>
      }
    >
      {/* On a phone, cards instead of the table (PayCards shows only there). */}
      <PayCards />
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        sx={{
          display: { xs: 'none', sm: 'block' },
          '& td': { verticalAlign: 'top' },
          // Narrower than 1536 px: the ceiling is in the explanation's first line on the month's page.
          '& .column-baseAmount': { display: { xs: 'none', xl: 'table-cell' } },
        }}
      >
        <Person label="resources.employees.fields.name" />
        <FunctionField
          source="month"
          label="resources.pay-adjustments.fields.month"
          render={() => (
            <Box>
              <MonthField source="month" />
              <Typography variant="caption" component="div" color="text.secondary">
                <TextField source="period.label" variant="caption" />
              </Typography>
            </Box>
          )}
        />
        <EnumField source="predicate" list="predicate" />
        <MoneyField source="baseAmount" label="resources.pay-adjustments.fields.baseAmount" sortable={false} />
        <MoneyField source="cutAmount" label="resources.pay-adjustments.fields.cutAmount" sortable={false} />
        <MoneyField source="amount" label="resources.pay-adjustments.fields.amount" />
        <PayExplanation compact label="capaian.pay.explanation" sortable={false} />
      </Datagrid>
    </List>
  );
}
