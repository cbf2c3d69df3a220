/** plan.submit: the plan editor — work results (main/additional) linked to the superior's items, with indicators and targets. */
import { Alert } from '@mui/material';
import {
  ArrayInput,
  NumberInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  useTranslate,
} from 'react-admin';
import { choices } from '../../common/enums';
import { useCompleteTask } from './use-complete';

interface Props {
  task: any;
  appraisal: any;
}

/** The plan as the form edits it, from a stored plan (a returned plan is edited, not retyped). */
function initialPlan(plan: any) {
  if (!plan?.items?.length)
    return {
      expectations: plan?.expectations ?? '',
      items: [{ kind: 'MAIN', title: '', indicators: [{ aspect: 'QUANTITY' }] }],
    };
  return {
    expectations: plan.expectations ?? '',
    items: plan.items.map((i: any) => ({
      kind: i.kind,
      title: i.title,
      parentItemId: i.parentItemId ?? null,
      indicators: (i.indicators ?? []).map((d: any) => ({
        aspect: d.aspect,
        description: d.description,
        target: d.target,
        targetValue: d.targetValue != null ? Number(d.targetValue) : null,
        targetUnit: d.targetUnit ?? null,
      })),
    })),
  };
}

export function PlanForm({ task, appraisal }: Props) {
  const translate = useTranslate();
  const complete = useCompleteTask(task.id);
  const plan = appraisal?.plan;
  const parentItems: { id: number; title: string }[] = task.context?.parentItems ?? appraisal?.parentItems ?? [];
  return (
    <>
      {plan?.status === 'RETURNED' && plan.returnComment && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="return-comment">
          {translate('capaian.plan.returned_with')}: {plan.returnComment}
        </Alert>
      )}
      <SimpleForm
        record={initialPlan(plan)}
        onSubmit={(values: any) => complete(values)}
        toolbar={
          <Toolbar>
            <SaveButton label="capaian.plan.submit" alwaysEnable />
          </Toolbar>
        }
      >
        <TextInput source="expectations" label="capaian.plan.expectations" multiline fullWidth />
        <ArrayInput source="items" label="capaian.plan.items">
          <SimpleFormIterator inline={false} fullWidth>
            <SelectInput
              source="kind"
              label="capaian.plan.kind"
              choices={choices('planItemKind', ['MAIN', 'ADDITIONAL'])}
              validate={required()}
            />
            <TextInput source="title" label="capaian.plan.title" validate={required()} fullWidth />
            <SelectInput
              source="parentItemId"
              label="capaian.plan.parent"
              choices={parentItems.map((p) => ({ id: p.id, name: p.title }))}
              emptyText="capaian.plan.no_parent"
              fullWidth
            />
            <ArrayInput source="indicators" label="capaian.plan.indicators">
              <SimpleFormIterator inline>
                <SelectInput
                  source="aspect"
                  label="capaian.plan.aspect"
                  choices={choices('aspect', ['QUANTITY', 'QUALITY', 'TIME'])}
                  validate={required()}
                />
                <TextInput source="description" label="capaian.plan.indicator" validate={required()} />
                <TextInput source="target" label="capaian.plan.target" validate={required()} />
                <NumberInput source="targetValue" label="capaian.plan.target_value" />
                <TextInput source="targetUnit" label="capaian.plan.target_unit" />
              </SimpleFormIterator>
            </ArrayInput>
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </>
  );
}
