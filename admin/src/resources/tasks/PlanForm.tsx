/** plan.submit: the plan editor — work results (main/additional) linked to the superior's items, with indicators and targets. */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
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
import { api } from '../../providers/http';
import { DraftButton, DraftRestored, readDraft } from './drafts';
import { listButtons } from './iterator-buttons';
import { useCompleteTask } from './use-complete';

/** GET /api/appraisals/:id/superior-items: the superior's approved items of the year, or why there are none. */
interface SuperiorItems {
  year: number;
  items: { id: number; title: string; periodLabel: string; planId: number }[];
  reasonCode: 'NO_RATER' | 'NO_SUPERIOR_PLAN' | 'SUPERIOR_PLAN_NOT_APPROVED' | null;
  reason: string | null;
}

/** The choices of "RHK atasan yang diintervensi" in words: the title, and the period when the superior has several plans. */
function parentChoices(data: SuperiorItems | undefined) {
  const items = data?.items ?? [];
  const plans = new Set(items.map((i) => i.planId)).size;
  return items.map((i) => ({ id: i.id, name: plans > 1 ? `${i.title} (${i.periodLabel})` : i.title }));
}

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
  const [draft] = useState(() => readDraft(task.id));
  const superior = useQuery({
    queryKey: ['appraisals', appraisal?.id, 'superior-items'],
    queryFn: () => api<SuperiorItems>(`/appraisals/${appraisal!.id}/superior-items`),
    enabled: !!appraisal?.id,
  });
  const reasonCode = superior.data?.reasonCode;
  return (
    <>
      {plan?.status === 'RETURNED' && plan.returnComment && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="return-comment">
          {translate('capaian.plan.returned_with')}: {plan.returnComment}
        </Alert>
      )}
      {superior.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {(superior.error as Error).message}
        </Alert>
      )}
      {reasonCode && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="no-superior-items">
          {translate(`capaian.plan.no_superior_items.${reasonCode}`, {
            year: superior.data!.year,
            _: superior.data!.reason ?? reasonCode,
          })}
        </Alert>
      )}
      <DraftRestored taskId={task.id} draft={draft} />
      <SimpleForm
        record={draft?.values ?? initialPlan(plan)}
        onSubmit={(values: any) => complete(values)}
        toolbar={
          <Toolbar>
            <SaveButton label="capaian.plan.submit" alwaysEnable />
            <DraftButton taskId={task.id} />
          </Toolbar>
        }
      >
        <TextInput source="expectations" label="capaian.plan.expectations" multiline fullWidth />
        <ArrayInput source="items" label="capaian.plan.items">
          <SimpleFormIterator
            inline={false}
            fullWidth
            {...listButtons('capaian.work.add_result', 'capaian.work.remove_result')}
          >
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
              choices={parentChoices(superior.data)}
              emptyText="capaian.plan.no_parent"
              fullWidth
            />
            <ArrayInput source="indicators" label="capaian.plan.indicators">
              <SimpleFormIterator
                inline
                {...listButtons('capaian.work.add_indicator', 'capaian.work.remove_indicator')}
              >
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
