/**
 * "Progres": the appraisal's progress during the period (GET /api/appraisals/:id/progress) — per indicator the target,
 * the realisation so far and the share reached, behind or on track against the part of the period gone by; the
 * employee records a realisation whenever work is done and removes their own entry while the period runs; the rater
 * is pointed to the team's progress.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Button, LinearProgress, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatPercent } from '../../../common/format';
import { sessionUser } from '../../../providers/auth-provider';
import { api } from '../../../providers/http';
import { EntryList } from './EntryList';
import { IndicatorProgressRow } from './IndicatorProgressRow';
import { RecordEntryForm } from './RecordEntryForm';
import type { AppraisalProgress } from './types';

export function ProgressTab() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error, refetch } = useQuery({
    queryKey: ['appraisals', record?.id, 'progress'],
    queryFn: () => api<AppraisalProgress>(`/appraisals/${record!.id}/progress`),
    enabled: !!record,
  });
  if (!record) return null;
  if (error) return <Alert severity="warning">{(error as Error).message}</Alert>;
  if (!data) return <LinearProgress aria-label={translate('capaian.progress.tab')} />;
  const me = sessionUser()?.employeeId ?? null;
  const employee = me !== null && record.employeeId === me;
  const rater = me !== null && record.raterId === me;
  const reload = () => void refetch();
  return (
    <Box data-testid="progress">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1, maxWidth: 800 }}>
        {translate('capaian.progress.help')}
      </Typography>
      <Typography variant="body1" sx={{ mb: 2 }} data-testid="progress-elapsed">
        {translate('capaian.progress.elapsed', {
          label: data.span.label,
          days: data.elapsed.daysElapsed,
          total: data.elapsed.daysTotal,
          percent: formatPercent(data.elapsed.percent, locale),
        })}
      </Typography>
      {data.indicators.some((i) => i.earlierEntries > 0) && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 800 }} data-testid="progress-year">
          {translate('capaian.progress.year_to_date', { label: data.span.label })}
        </Typography>
      )}
      {!data.open && (
        <Alert severity="info" sx={{ mb: 2, maxWidth: 800 }}>
          {translate('capaian.progress.closed')}
        </Alert>
      )}
      {rater && (
        <Button component={Link} to="/progress/team" variant="outlined" sx={{ mb: 2 }}>
          {translate('capaian.progress.team_link')}
        </Button>
      )}
      {data.indicators.length === 0 ? (
        <Typography color="text.secondary">{translate('capaian.progress.none')}</Typography>
      ) : (
        data.indicators.map((i) => (
          <IndicatorProgressRow key={i.indicatorId} indicator={i} elapsed={data.elapsed.percent} />
        ))
      )}
      {employee && data.open && data.indicators.length > 0 && (
        <RecordEntryForm
          appraisalId={data.appraisalId}
          indicators={data.indicators}
          period={data.period}
          onDone={reload}
        />
      )}
      <EntryList
        appraisalId={data.appraisalId}
        entries={data.entries ?? []}
        indicators={data.indicators}
        onDone={reload}
      />
    </Box>
  );
}
