/**
 * The predicate and why, in plain words of the chosen language: the ratings that went in, the rule that decided, and
 * the rule set's version — rendered from the stored explanation's structured part (facts, rule traces), which stays as
 * it was stored for auditors; no codes on screen.
 */
import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { PREDICATE_COLOR } from '../../common/enums';
import { formatDate } from '../../common/format';
import { explanationWords, langOf, withoutCodes } from '../rulesets/rule-words';

export function PredicateExplanation({ appraisal }: { appraisal: any }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const w = { translate, lang: langOf(locale) };
  if (!appraisal?.predicate) return <Alert severity="info">{translate('capaian.appraisals.no_predicate_yet')}</Alert>;
  // Stored by the scoring activity as { ruleSet, facts, source, explanation: { text, lines, ruleSet, … } }.
  const stored = appraisal.predicateExplanation;
  const ex = stored?.explanation ?? stored;
  const review = appraisal.review;
  const words = explanationWords(ex, w);
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
      {words.sentences.length > 0 && (
        <Alert severity="info" icon={false} sx={{ mb: 1 }}>
          <Typography variant="subtitle2">{translate('capaian.appraisals.why')}</Typography>
          {words.sentences.map((s, k) => (
            <Typography key={k} data-testid="explanation-text">
              {s}
            </Typography>
          ))}
          {stored?.source === 'APPEAL' && (
            <Typography variant="body2">{translate('capaian.rulesWords.appeal')}</Typography>
          )}
          {stored?.calibration && (
            <Typography variant="body2" data-testid="explanation-calibration">
              {translate('capaian.rulesWords.calibrated', {
                from: translate(`capaian.enum.predicate.${stored.calibration.from}`, { _: stored.calibration.from }),
                to: translate(`capaian.enum.predicate.${stored.calibration.to}`, { _: stored.calibration.to }),
                by: stored.calibration.by ?? '—',
              })}
              {stored.calibration.note ? ` ${stored.calibration.note}` : ''}
            </Typography>
          )}
          {(ex?.lines ?? []).map((l: any, k: number) => (
            <Typography key={k} variant="body2">
              • {withoutCodes(String(l?.[w.lang] ?? ''), w)}
            </Typography>
          ))}
        </Alert>
      )}
      {ex?.ruleSet && (
        <Typography variant="caption" color="text.secondary" data-testid="explanation-ruleset">
          {words.fired.length
            ? translate('capaian.rulesWords.decided_by', {
                rule: words.fired.join('", "'),
                kind: translate(`capaian.enum.rulesetKind.${ex.ruleSet.kind}`, { _: ex.ruleSet.kind }),
                version: ex.ruleSet.version,
                date: formatDate(ex.ruleSet.effectiveFrom, locale),
              })
            : translate('capaian.rulesWords.computed_by', {
                kind: translate(`capaian.enum.rulesetKind.${ex.ruleSet.kind}`, { _: ex.ruleSet.kind }),
                version: ex.ruleSet.version,
                date: formatDate(ex.ruleSet.effectiveFrom, locale),
              })}
        </Typography>
      )}
    </Box>
  );
}
