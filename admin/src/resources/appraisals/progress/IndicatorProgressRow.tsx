/**
 * One indicator's progress in words and as a bar: the target, the realisation so far (sum or latest of the entries),
 * the share reached and whether it is behind the part of the period gone by.
 */
import { Box, LinearProgress, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDay, formatNumber, formatPercent } from '../../../common/format';
import type { IndicatorProgress } from './types';

/** "9 laporan": a value in the indicator's unit, in the console's language. */
export function withUnit(value: number | null, unit: string | null, locale: string): string {
  const n = formatNumber(value, locale, 4);
  return unit ? `${n} ${unit}` : n;
}

/** The share in words, or why there is none. */
export function useShareWords() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (i: IndicatorProgress) =>
    i.percent === null
      ? i.realized === null
        ? translate('capaian.progress.nothing_yet')
        : translate('capaian.progress.no_numeric', { realized: withUnit(i.realized, i.targetUnit, locale) })
      : translate('capaian.progress.share_words', {
          percent: formatPercent(i.percent, locale),
          realized: withUnit(i.realized ?? 0, i.targetUnit, locale),
          target: i.target,
        });
}

export function IndicatorProgressRow({ indicator: i, elapsed }: { indicator: IndicatorProgress; elapsed: number }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const share = useShareWords();
  const judged = i.behind !== null && i.percent !== null;
  return (
    <Box
      data-testid="progress-indicator"
      sx={{ borderBottom: 1, borderColor: 'divider', pb: 1.5, mb: 1.5, maxWidth: 800 }}
    >
      <Typography variant="subtitle2" component="h3">
        {i.itemTitle}
      </Typography>
      <Typography variant="body2">{i.description}</Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('capaian.progress.target')}: {i.target}
        {' · '}
        {translate('capaian.progress.realized')}:{' '}
        {i.realized === null ? '—' : withUnit(i.realized, i.targetUnit, locale)}
        {i.entries > 0 &&
          ` (${translate(`capaian.progress.aggregation.${i.aggregation}`, { count: i.entries })}${
            i.earlierEntries > 0 ? `, ${translate('capaian.progress.earlier', { count: i.earlierEntries })}` : ''
          }; ${translate('capaian.progress.last_on', { date: formatDay(i.lastWorkDate, locale) })})`}
      </Typography>
      {i.percent !== null && (
        <LinearProgress
          variant="determinate"
          value={Math.min(100, i.percent)}
          color={i.behind ? 'warning' : 'success'}
          aria-label={`${i.description}: ${translate('capaian.progress.share')} ${formatPercent(i.percent, locale)}`}
          sx={{ height: 10, borderRadius: 1, my: 0.5 }}
        />
      )}
      <Typography variant="body2" data-testid="progress-share">
        {share(i)}
      </Typography>
      {judged && (
        <Typography
          variant="body2"
          data-testid="progress-judgement"
          sx={{ color: i.behind ? 'warning.dark' : 'success.dark', fontWeight: 500 }}
        >
          {translate(i.behind ? 'capaian.progress.behind' : 'capaian.progress.on_track', {
            percent: formatPercent(i.percent, locale),
            elapsed: formatPercent(elapsed, locale),
          })}
        </Typography>
      )}
    </Box>
  );
}
