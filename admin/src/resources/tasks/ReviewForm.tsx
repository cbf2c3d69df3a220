/**
 * review.submit: the rating form — in front of the rater the plan (work results, indicators, targets) with the
 * realizations and the evidence files and links being rated; then the work result, the seven BerAKHLAK core values
 * with guidance and the overall behaviour; the ratings can be kept as a draft on this device.
 */
import { useState } from 'react';
import { Box, Typography } from '@mui/material';
import { RadioButtonGroupInput, required, SaveButton, SimpleForm, TextInput, Toolbar, useTranslate } from 'react-admin';
import { BERAKHLAK, RATINGS } from '../../common/enums';
import { DraftButton, DraftRestored, readDraft } from './drafts';
import { PeerFeedbackPanel } from '../appraisals/peer/PeerFeedbackPanel';
import { PlanView } from './PlanView';
import { useCompleteTask } from './use-complete';

export function ReviewForm({ task, appraisal }: { task: any; appraisal: any }) {
  const translate = useTranslate();
  const complete = useCompleteTask(task.id);
  const ratingChoices = RATINGS.map((id) => ({ id, name: translate(`capaian.enum.rating.${id}`) }));
  const [draft] = useState(() => readDraft(task.id));
  return (
    <>
      <Box sx={{ mb: 2 }} data-testid="rated-plan">
        <Typography variant="h6">{translate('capaian.work.rated_plan')}</Typography>
        <PlanView plan={appraisal?.plan} evidence={appraisal?.evidence ?? []} />
      </Box>
      {appraisal && <PeerFeedbackPanel appraisal={appraisal} holder={task.status === 'OPEN'} />}
      <DraftRestored taskId={task.id} draft={draft} />
      <SimpleForm
        record={draft?.values ?? {}}
        onSubmit={(v: any) =>
          complete({
            resultRating: v.resultRating,
            behaviourRating: v.behaviourRating,
            berakhlak: Object.fromEntries(BERAKHLAK.map((k) => [k, v.berakhlak?.[k]])),
            resultComment: v.resultComment || null,
            behaviourComment: v.behaviourComment || null,
          })
        }
        toolbar={
          <Toolbar>
            <SaveButton label="capaian.review.submit" alwaysEnable />
            <DraftButton taskId={task.id} />
          </Toolbar>
        }
      >
        <Typography variant="h6">{translate('capaian.review.result')}</Typography>
        <RadioButtonGroupInput
          source="resultRating"
          label="capaian.review.result_rating"
          choices={ratingChoices}
          validate={required()}
        />
        <TextInput source="resultComment" label="capaian.review.result_comment" multiline fullWidth />
        <Typography variant="h6" sx={{ mt: 2 }}>
          {translate('capaian.review.behaviour')}
        </Typography>
        {BERAKHLAK.map((k) => (
          <Box key={k} sx={{ width: '100%' }} data-testid={`berakhlak-${k}`}>
            <RadioButtonGroupInput
              source={`berakhlak.${k}`}
              label={`capaian.berakhlak.${k}.name`}
              helperText={`capaian.berakhlak.${k}.guidance`}
              choices={ratingChoices}
              validate={required()}
            />
          </Box>
        ))}
        <RadioButtonGroupInput
          source="behaviourRating"
          label="capaian.review.behaviour_rating"
          helperText="capaian.review.behaviour_rating_help"
          choices={ratingChoices}
          validate={required()}
        />
        <TextInput source="behaviourComment" label="capaian.review.behaviour_comment" multiline fullWidth />
      </SimpleForm>
    </>
  );
}
