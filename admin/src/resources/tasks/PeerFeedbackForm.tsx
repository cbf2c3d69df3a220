/**
 * peer.feedback: a colleague's feedback on the appraised employee's work behaviour — each of the seven BerAKHLAK
 * values rated (above / meets / below expectations, the words and guidance of the rating form) with an optional
 * note, and an overall note. Said first: the answer reaches the rater; the employee sees only an anonymous summary
 * (unless the cycle names colleagues).
 */
import { Box, Typography } from '@mui/material';
import { RadioButtonGroupInput, required, SaveButton, SimpleForm, TextInput, Toolbar, useTranslate } from 'react-admin';
import { BERAKHLAK, RATINGS } from '../../common/enums';
import { useCompleteTask } from './use-complete';

export function PeerFeedbackForm({ task }: { task: any; appraisal?: any }) {
  const translate = useTranslate();
  const complete = useCompleteTask(task.id);
  const ratingChoices = RATINGS.map((id) => ({ id, name: translate(`capaian.enum.rating.${id}`) }));
  const name = task.appraisal?.employee?.name ?? '—';
  return (
    <>
      <Typography sx={{ mb: 1 }} data-testid="peer-intro">
        {translate('capaian.peer.form_intro', { name })}{' '}
        {translate(task.context?.named ? 'capaian.peer.form_named' : 'capaian.peer.form_anonymous')}
      </Typography>
      <SimpleForm
        onSubmit={(v: any) =>
          complete({
            values: Object.fromEntries(
              BERAKHLAK.map((k) => [k, { rating: v.values?.[k]?.rating, note: v.values?.[k]?.note?.trim() || null }]),
            ),
            note: v.note?.trim() || null,
          })
        }
        toolbar={
          <Toolbar>
            <SaveButton label="capaian.peer.submit" alwaysEnable />
          </Toolbar>
        }
      >
        {BERAKHLAK.map((k) => (
          <Box key={k} sx={{ width: '100%' }} data-testid={`peer-${k}`}>
            <RadioButtonGroupInput
              source={`values.${k}.rating`}
              label={`capaian.berakhlak.${k}.name`}
              helperText={`capaian.berakhlak.${k}.guidance`}
              choices={ratingChoices}
              validate={required()}
            />
            <TextInput source={`values.${k}.note`} label="capaian.peer.value_note" fullWidth />
          </Box>
        ))}
        <TextInput source="note" label="capaian.peer.overall" multiline fullWidth />
      </SimpleForm>
    </>
  );
}
