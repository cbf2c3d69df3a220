/**
 * Live progress of a running cycle: polls GET /api/cycles/:id/progress every 2 s while the cycle runs; for a year
 * cycle also the evaluation it is waiting on and the progress per evaluation period. The cycle page's table of
 * appraisals is refetched when the counts change, so it never lags the bar.
 */
import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { api } from '../../providers/http';
import { PerPeriodProgress, type PeriodProgress } from './PerPeriodProgress';

interface Progress {
  phase?: string;
  total: number;
  started?: number;
  finished?: number;
  failed?: number;
  cancelled?: number;
  perStage?: Record<string, number>;
  blockedUnits?: number[];
  /** The evaluation period the cycle waits on or calibrates (index from 0). */
  evaluation?: { index: number; count: number; label: string } | null;
  perPeriod?: PeriodProgress[];
}

export function CycleProgress() {
  const record = useRecordContext();
  const translate = useTranslate();
  const refresh = useRefresh();
  // Start pins the rule versions and sets startedAt at once; the workflow marks the cycle RUNNING a moment later.
  const hasStarted = !!record && (record.status !== 'DRAFT' || !!record.startedAt);
  const live =
    record?.status === 'RUNNING' || record?.status === 'CALIBRATION' || (hasStarted && record?.status === 'DRAFT');
  const { data, error } = useQuery({
    queryKey: ['cycles', record?.id, 'progress'],
    queryFn: () => api<Progress>(`/cycles/${record!.id}/progress`),
    enabled: hasStarted,
    refetchInterval: live ? 2000 : false,
  });
  // Reload the cycle (status, appraisals) while the page still shows it as a draft that has in fact started.
  useEffect(() => {
    if (record?.status === 'DRAFT' && data) refresh();
  }, [record?.status, data, refresh]);
  // The page's table of appraisals follows the live progress: refetched whenever the counts per stage change.
  const queryClient = useQueryClient();
  const counts = data
    ? JSON.stringify([data.perStage, data.finished, data.failed, data.cancelled, data.perPeriod])
    : null;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (counts === null) return;
    if (seen.current !== null && seen.current !== counts)
      void queryClient.invalidateQueries({ queryKey: ['appraisals', 'getManyReference'] });
    seen.current = counts;
  }, [counts, queryClient]);
  if (!record || !hasStarted) return null;
  if (error) return <Alert severity="warning">{(error as Error).message}</Alert>;
  if (!data) return <LinearProgress aria-label={translate('ra.page.loading')} />;
  const total = data.total || 0;
  const started = data.started ?? total;
  const done = (data.finished ?? 0) + (data.failed ?? 0) + (data.cancelled ?? 0);
  const pct = total ? Math.round((done / total) * 100) : 0;
  const startPct = total ? Math.round((started / total) * 100) : 0;
  return (
    <Box data-testid="cycle-progress" sx={{ my: 2 }}>
      <Typography variant="body2" gutterBottom>
        {translate('capaian.cycles.progress', { started, total, done, pct })}
        {data.phase ? ` · ${translate(`capaian.cycles.phase.${data.phase}`, { _: data.phase })}` : ''}
      </Typography>
      {data.evaluation && (
        <Typography variant="subtitle1" data-testid="cycle-evaluation" gutterBottom>
          {translate('capaian.year.evaluation_of', {
            n: data.evaluation.index + 1,
            count: data.evaluation.count,
            label: data.evaluation.label,
          })}
        </Typography>
      )}
      <LinearProgress
        variant="buffer"
        value={pct}
        valueBuffer={startPct}
        aria-label={translate('capaian.cycles.progress', { started, total, done, pct })}
        sx={{ height: 10, borderRadius: 1 }}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
        {Object.entries(data.perStage ?? {}).map(([stage, n]) => (
          <Chip key={stage} size="small" label={`${translate(`capaian.enum.stage.${stage}`, { _: stage })}: ${n}`} />
        ))}
      </Stack>
      <PerPeriodProgress rows={data.perPeriod ?? []} />
      {!!data.blockedUnits?.length && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('capaian.cycles.blocked_units', { smart_count: data.blockedUnits.length })}
        </Alert>
      )}
    </Box>
  );
}
