/** review.submit: the rating form — work result, overall behaviour and the seven BerAKHLAK core values with guidance. */
import { Box, Typography } from '@mui/material';
import { RadioButtonGroupInput, required, SaveButton, SimpleForm, TextInput, Toolbar, useTranslate } from 'react-admin';
import { BERAKHLAK, RATINGS } from '../../common/enums';
import { PlanView } from './PlanView';
import { useCompleteTask } from './use-complete';

export function ReviewForm({ task, appraisal }: { task: any; appraisal: any }) {
  const translate = useTranslate();
  const complete = useCompleteTask(task.id);
  const ratingChoices = RATINGS.map((id) => ({ id, name: translate(`capaian.enum.rating.${id}`) }));
  return (
    <>
      <Box sx={{ mb: 2 }}>
        <PlanView plan={appraisal?.plan} />
      </Box>
      <SimpleForm
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
