/** appeal.decide: the rater's superior hears the appeal and keeps or changes the ratings; the decision is final. */
import { Alert, Box, Typography } from '@mui/material';
import { RadioButtonGroupInput, required, SaveButton, SimpleForm, TextInput, Toolbar, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { RATINGS } from '../../common/enums';
import { PredicateExplanation } from '../appraisals/PredicateExplanation';
import { useCompleteTask } from './use-complete';

function NewRatings() {
  const translate = useTranslate();
  const decision = useWatch({ name: 'decision' });
  if (decision !== 'CHANGED') return null;
  const ratingChoices = RATINGS.map((id) => ({ id, name: translate(`capaian.enum.rating.${id}`) }));
  return (
    <>
      <RadioButtonGroupInput source="newResultRating" label="capaian.review.result_rating" choices={ratingChoices} />
      <RadioButtonGroupInput
        source="newBehaviourRating"
        label="capaian.review.behaviour_rating"
        choices={ratingChoices}
      />
    </>
  );
}

export function AppealDecisionForm({ task, appraisal }: { task: any; appraisal: any }) {
  const translate = useTranslate();
  const complete = useCompleteTask(task.id);
  const appeal = appraisal?.appeal ?? task.context?.appeal;
  return (
    <>
      <Box sx={{ mb: 2 }}>
        <PredicateExplanation appraisal={appraisal} />
      </Box>
      {appeal?.reason && (
        <Alert severity="info" sx={{ mb: 2 }}>
          <Typography variant="subtitle2">{translate('capaian.appeal.reason')}</Typography>
          {appeal.reason}
        </Alert>
      )}
      <SimpleForm
        record={{ decision: 'UNCHANGED', note: '' }}
        onSubmit={(v: any) =>
          complete({
            decision: v.decision,
            note: v.note,
            newResultRating: v.decision === 'CHANGED' ? (v.newResultRating ?? null) : null,
            newBehaviourRating: v.decision === 'CHANGED' ? (v.newBehaviourRating ?? null) : null,
          })
        }
        toolbar={
          <Toolbar>
            <SaveButton label="capaian.appeal.decide" alwaysEnable />
          </Toolbar>
        }
      >
        <RadioButtonGroupInput
          source="decision"
          label="capaian.appeal.decision"
          choices={[
            { id: 'UNCHANGED', name: translate('capaian.appeal.unchanged') },
            { id: 'CHANGED', name: translate('capaian.appeal.changed') },
          ]}
        />
        <NewRatings />
        <TextInput source="note" label="capaian.appeal.note" multiline minRows={2} fullWidth validate={required()} />
      </SimpleForm>
    </>
  );
}
