/**
 * Allowances (TPP) per employee and month (a quarter's evaluation pays three months); the payroll export is a CSV in
 * integer rupiah, for one month when the month filter is set.
 */
import {
  Datagrid,
  downloadCSV,
  DateField,
  ExportButton,
  FunctionField,
  List,
  NumberField,
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

const money = { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 } as const;

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
  <ReferenceInput key="cycleId" source="cycleId" reference="cycles" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="periodId" source="periodId" reference="periods" alwaysOn>
    <SelectInput optionText="label" />
  </ReferenceInput>,
  <SelectInput key="predicate" source="predicate" choices={choices('predicate', PREDICATES)} />,
];

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
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="employee.nip" label="resources.employees.fields.nip" sortable={false} />
        <TextField source="employee.name" label="resources.employees.fields.name" sortable={false} />
        <TextField source="period.label" label="resources.pay-adjustments.fields.periodId" sortable={false} />
        <DateField source="month" options={{ year: 'numeric', month: 'long', timeZone: 'UTC' }} locales="id-ID" />
        <EnumField source="predicate" list="predicate" />
        <NumberField source="baseAmount" options={money} locales="id-ID" sortable={false} />
        <NumberField source="cutAmount" options={money} locales="id-ID" sortable={false} />
        <NumberField source="amount" options={money} locales="id-ID" />
        <FunctionField
          label="capaian.pay.explanation"
          render={(r: any) => r.explanation?.text?.id ?? ''}
          sx={{ maxWidth: 360, display: 'block' }}
        />
      </Datagrid>
    </List>
  );
}
