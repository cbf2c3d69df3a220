/** One month's allowance (TPP) with its computation explained in words, in the chosen language. */
import { FunctionField, Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { MoneyField, MonthField } from '../../common/LocaleFields';
import { PayExplanation } from './PayExplanation';

export default function PayShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="employee.name" label="resources.employees.fields.name" />
        <TextField source="employee.nip" label="resources.employees.fields.nip" />
        <FunctionField label="resources.pay-adjustments.fields.periodId" render={(r: any) => r.period?.label ?? '—'} />
        <MonthField source="month" label="resources.pay-adjustments.fields.month" />
        <EnumField source="predicate" list="predicate" />
        <MoneyField source="baseAmount" label="resources.pay-adjustments.fields.baseAmount" />
        <MoneyField source="cutAmount" label="resources.pay-adjustments.fields.cutAmount" />
        <MoneyField source="amount" label="resources.pay-adjustments.fields.amount" />
        <Labeled label="capaian.pay.explanation">
          <PayExplanation />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
