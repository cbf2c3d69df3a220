/** The year's predicate (the final period's evaluation), with why, in the user's language. */
import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { PREDICATE_COLOR } from '../../../common/enums';
import type { AppraisalYearData } from './types';

export function AnnualPredicate({ annual }: { annual: AppraisalYearData['annual'] }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = locale === 'en' ? 'en' : 'id';
  // Stored like an appraisal's explanation: { ruleSet, facts, source, explanation: { text, lines } } or the text itself.
  const ex = annual?.explanation?.explanation ?? annual?.explanation;
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
          {typeof ex?.text?.[lang] === 'string' && (
            <Alert severity="info" icon={false} sx={{ mt: 1 }}>
              {ex.text[lang]}
            </Alert>
          )}
        </>
      ) : (
        <Typography color="text.secondary">{translate('capaian.year.annual_none')}</Typography>
      )}
    </Box>
  );
}
