/** The year's predicate (the final period's evaluation), with why, in the user's language. */
import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { PREDICATE_COLOR } from '../../../common/enums';
import { explanationWords, langOf } from '../../rulesets/rule-words';
import type { AppraisalYearData } from './types';

export function AnnualPredicate({ annual }: { annual: AppraisalYearData['annual'] }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // Stored like an appraisal's explanation: { ruleSet, facts, source, explanation: { text, rules, … } } or the text
  // itself. Worded from its rule trace like the appraisal's own (the stored text names the rule with its codes).
  const ex = annual?.explanation?.explanation ?? annual?.explanation;
  const why = explanationWords(ex, { translate, lang: langOf(locale) }).sentences;
  return (
    <Box sx={{ mb: 3 }} data-testid="annual-predicate">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {translate('capaian.year.annual')}
        </Typography>
        {annual && (
          <Chip
            color={PREDICATE_COLOR[annual.predicate] ?? 'default'}
            label={translate(`capaian.enum.predicate.${annual.predicate}`, { _: annual.predicate })}
          />
        )}
      </Stack>
      {annual ? (
        <>
          <Typography variant="body2" color="text.secondary">
            {translate('capaian.year.annual_help')}
          </Typography>
          {why.length > 0 && (
            <Alert severity="info" icon={false} sx={{ mt: 1 }}>
              {why.join(' ')}
            </Alert>
          )}
        </>
      ) : (
        <Typography color="text.secondary">{translate('capaian.year.annual_none')}</Typography>
      )}
    </Box>
  );
}
