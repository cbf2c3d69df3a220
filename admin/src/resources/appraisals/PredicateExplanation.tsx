/** The predicate and why, in plain words: the ratings that went in, the rule that decided, and the rule set's version. */
import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { PREDICATE_COLOR } from '../../common/enums';

export function PredicateExplanation({ appraisal }: { appraisal: any }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = locale === 'en' ? 'en' : 'id';
  if (!appraisal?.predicate) return <Alert severity="info">{translate('capaian.appraisals.no_predicate_yet')}</Alert>;
  // Stored by the scoring activity as { ruleSet, facts, source, explanation: { text, lines, ruleSet, … } }.
  const stored = appraisal.predicateExplanation;
  const ex = stored?.explanation ?? stored;
  const review = appraisal.review;
  return (
    <Box data-testid="predicate-explanation">
      <Stack direction="row" spacing={2} sx={{ mb: 1, alignItems: 'center' }}>
        <Typography variant="subtitle1">{translate('resources.appraisals.fields.predicate')}:</Typography>
        <Chip
          color={PREDICATE_COLOR[appraisal.predicate] ?? 'default'}
          label={translate(`capaian.enum.predicate.${appraisal.predicate}`)}
          data-testid="predicate"
        />
      </Stack>
      {review && (
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('capaian.review.result_rating')}: <b>{translate(`capaian.enum.rating.${review.resultRating}`)}</b>{' '}
          · {translate('capaian.review.behaviour_rating')}:{' '}
          <b>{translate(`capaian.enum.rating.${review.behaviourRating}`)}</b>
        </Typography>
      )}
      {ex?.text?.[lang] && (
        <Alert severity="info" icon={false} sx={{ mb: 1 }}>
          <Typography variant="subtitle2">{translate('capaian.appraisals.why')}</Typography>
          <Typography data-testid="explanation-text">{ex.text[lang]}</Typography>
          {(ex.lines ?? []).map((l: any, k: number) => (
            <Typography key={k} variant="body2">
              • {l?.[lang]}
            </Typography>
          ))}
        </Alert>
      )}
      {ex?.ruleSet && (
        <Typography variant="caption" color="text.secondary">
          {translate('capaian.appraisals.ruleset_used', {
            name: ex.ruleSet.name,
            version: ex.ruleSet.version,
            date: ex.ruleSet.effectiveFrom,
          })}
        </Typography>
      )}
    </Box>
  );
}
