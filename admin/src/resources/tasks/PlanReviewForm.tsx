/** plan.review: the rater approves the plan or returns it with a comment. */
import { Box } from '@mui/material';
import { RadioButtonGroupInput, SaveButton, SimpleForm, TextInput, Toolbar, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { PlanView } from './PlanView';
import { useCompleteTask } from './use-complete';

function Comment() {
  const decision = useWatch({ name: 'decision' });
  return (
    <TextInput
      source="comment"
      label="capaian.common.comment"
      multiline
      fullWidth
      validate={(v: string) => (decision === 'RETURN' && !v?.trim() ? 'capaian.plan.comment_required' : undefined)}
    />
  );
}

export function PlanReviewForm({ task, appraisal }: { task: any; appraisal: any }) {
  const translate = useTranslate();
  const complete = useCompleteTask(task.id);
  return (
    <>
      <Box sx={{ mb: 2 }}>
        <PlanView plan={appraisal?.plan} />
      </Box>
      <SimpleForm
        record={{ decision: 'APPROVE', comment: '' }}
        onSubmit={(v: any) => complete({ decision: v.decision, comment: v.comment || null })}
        toolbar={
          <Toolbar>
            <SaveButton label="capaian.action.send" alwaysEnable />
          </Toolbar>
        }
      >
        <RadioButtonGroupInput
          source="decision"
          label="capaian.plan.decision"
          choices={[
            { id: 'APPROVE', name: translate('capaian.plan.approve') },
            { id: 'RETURN', name: translate('capaian.plan.return') },
          ]}
        />
        <Comment />
      </SimpleForm>
    </>
  );
}
