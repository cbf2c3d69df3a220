/**
 * "Tahun penilaian": the employee's appraisal year (GET /api/appraisals/:id/year) — the annual predicate, the
 * evaluation of each period, the approved plan versions and the allowance per month; the employee or the rater may
 * ask for a plan revision while a period runs.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, LinearProgress, Stack, Typography } from '@mui/material';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { api } from '../../../providers/http';
import { useFrequencyLabel } from '../../cycles/FrequencyField';
import { AnnualPredicate } from './AnnualPredicate';
import { PlanRevisionButton } from './PlanRevisionButton';
import { currentEvaluation, type AppraisalYearData } from './types';
import { YearEvaluations } from './YearEvaluations';
import { YearPay } from './YearPay';
import { YearPlanVersions } from './YearPlanVersions';

export function AppraisalYear() {
  const record = useRecordContext();
  const translate = useTranslate();
  const frequency = useFrequencyLabel();
  const { permissions } = usePermissions<{ employeeId: number | null }>();
  const { data, error, refetch } = useQuery({
    queryKey: ['appraisals', record?.id, 'year'],
    queryFn: () => api<AppraisalYearData>(`/appraisals/${record!.id}/year`),
    enabled: !!record,
  });
  if (!record) return null;
  if (error) return <Alert severity="warning">{(error as Error).message}</Alert>;
  if (!data) return <LinearProgress aria-label={translate('ra.page.loading')} />;
  const current = currentEvaluation(data.evaluations);
  const me = permissions?.employeeId ?? null;
  // The employee and their rater may ask; the server decides (and says why not).
  const mayRevise = me !== null && (record.employeeId === me || record.raterId === me);
  return (
    <Box data-testid="appraisal-year">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="body1">
          <b>{data.cycle.year}</b> · {translate('capaian.year.frequency')}: {frequency(data.cycle.evaluationFrequency)}
        </Typography>
        {mayRevise && current?.stage === 'PERIOD' && (
          <PlanRevisionButton appraisalId={current.appraisalId} onDone={() => void refetch()} />
        )}
      </Stack>
      <AnnualPredicate annual={data.annual} />
      <YearEvaluations evaluations={data.evaluations} current={current?.appraisalId} shownId={Number(record.id)} />
      <YearPlanVersions versions={data.planVersions} />
      <YearPay pay={data.pay} />
    </Box>
  );
}
