/**
 * HR dashboard: the cycle's stage funnel, predicates per unit against the curve, and allowance totals (GET
 * /api/dashboard); for a year cycle the distribution of one evaluation period, chosen in the period selector (by
 * default the latest period with predicates).
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Grid,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { Loading, Title, useLocaleState, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { PREDICATES } from '../common/enums';
import { formatNumber, formatRupiah } from '../common/format';
import { api } from '../providers/http';
import { DistributionCurve, type CurveUnit } from './DistributionCurve';

const PREDICATE_FILL: Record<string, string> = {
  SANGAT_BAIK: '#2e7d32',
  BAIK: '#1d4f91',
  BUTUH_PERBAIKAN: '#ed6c02',
  KURANG: '#d32f2f',
  SANGAT_KURANG: '#7f0000',
};
const FUNNEL_FILL = ['#0d47a1', '#1565c0', '#1976d2', '#1e88e5', '#2196f3', '#42a5f5', '#64b5f6', '#90caf9'];

interface DashboardData {
  employees: number;
  /** The shown cycle's open tasks (of the shown period, when one is chosen); every open task without a cycle. */
  openTasks: number;
  /** Appraisals of the shown cycle waiting for HR's sanction decision. */
  waitingSanctionDecision?: number;
  cycles: { id: number; name: string; status: string; period?: { label: string } }[];
  cycle: { id: number; name: string; status: string } | null;
  /** The cycle's evaluation periods, and the one the distribution (and, when chosen, every figure) is of. */
  periods?: { id: number; label: string }[];
  period?: { id: number; label: string } | null;
  funnel?: { stage: string; count: number }[];
  failed?: number;
  cancelled?: number;
  perUnit?: {
    unitId: number;
    code: string;
    name: string;
    counts: Record<string, number>;
    unitRating: string | null;
    calibration: string | null;
    violations: unknown[];
    justification?: string | null;
    curve?: CurveUnit['curve'];
  }[];
  allowance?: { count: number; total: number; base: number; cuts: number };
}

function Figure({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <Card>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="h5" data-testid={testId}>
          {value}
        </Typography>
      </CardContent>
    </Card>
  );
}

/**
 * A unit's calibration in the period shown: off the curve (warning) until a calibrator adjusts the predicates or
 * justifies the spread; then it says so instead.
 */
function CalibrationChip({
  unit,
}: {
  unit: { fullName: string; unitRating: string | null; calibration: string | null };
}) {
  const translate = useTranslate();
  const rating = translate(`capaian.enum.unitRating.${unit.unitRating}`, { _: unit.unitRating ?? '' });
  const words: Record<string, [string, 'warning' | 'info' | 'success']> = {
    VIOLATES_CURVE: ['capaian.dashboard.violates', 'warning'],
    JUSTIFIED: ['capaian.records.dashboard.justified', 'info'],
    ADJUSTED: ['capaian.records.dashboard.adjusted', 'success'],
  };
  const shown = unit.calibration ? words[unit.calibration] : undefined;
  if (!shown) return null;
  return (
    <Chip
      color={shown[1]}
      variant={shown[1] === 'warning' ? 'filled' : 'outlined'}
      sx={{ mr: 1, mb: 1, maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.5 } }}
      data-testid={`calibration-${unit.calibration}`}
      label={translate(shown[0], { unit: unit.fullName, rating })}
    />
  );
}

export default function HrDashboard() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [cycleId, setCycleId] = useState<string>('');
  const [periodId, setPeriodId] = useState<string>('');
  const query = new URLSearchParams({
    ...(cycleId ? { cycleId } : {}),
    ...(cycleId && periodId ? { periodId } : {}),
  }).toString();
  const { data, error, isPending } = useQuery({
    queryKey: ['dashboard', cycleId, periodId],
    queryFn: () => api<DashboardData>(`/dashboard${query ? `?${query}` : ''}`),
    refetchInterval: 10_000,
  });
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  const funnel = (data.funnel ?? []).map((f) => ({ ...f, name: translate(`capaian.enum.stage.${f.stage}`) }));
  const units = (data.perUnit ?? []).map((u) => {
    const total = Object.values(u.counts).reduce((n, x) => n + x, 0) || 1;
    return {
      name: u.code,
      fullName: u.name,
      violations: u.violations,
      unitRating: u.unitRating,
      calibration: u.calibration,
      justification: u.justification ?? null,
      ...Object.fromEntries(PREDICATES.map((p) => [p, Math.round(((u.counts[p] ?? 0) / total) * 100)])),
    };
  });
  return (
    <Box sx={{ mt: 2 }} data-testid="hr-dashboard">
      <Title title="capaian.dashboard.title" />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={translate('resources.cycles.name', { smart_count: 1 })}
          value={cycleId || String(data.cycle?.id ?? '')}
          onChange={(e) => {
            setCycleId(e.target.value);
            setPeriodId('');
          }}
          sx={{ minWidth: 320 }}
        >
          {data.cycles.map((c) => (
            <MenuItem key={c.id} value={String(c.id)}>
              {c.name} — {translate(`capaian.enum.cycleStatus.${c.status}`)}
            </MenuItem>
          ))}
        </TextField>
        {(data.periods?.length ?? 0) > 1 && (
          <TextField
            select
            size="small"
            label={translate('capaian.year.dashboard_period')}
            value={periodId || String(data.period?.id ?? '')}
            onChange={(e) => {
              // The period belongs to the cycle shown: pin that cycle with it.
              setCycleId(String(data.cycle?.id ?? ''));
              setPeriodId(e.target.value);
            }}
            sx={{ minWidth: 240 }}
            data-testid="dashboard-period"
          >
            {data.periods!.map((p) => (
              <MenuItem key={p.id} value={String(p.id)}>
                {p.label}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Stack>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 4 }}>
          <Figure
            label={translate('capaian.dashboard.employees')}
            value={formatNumber(data.employees, locale)}
            testId="dash-employees"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <Figure
            label={translate(
              data.cycle ? 'capaian.records.dashboard.open_tasks_cycle' : 'capaian.dashboard.open_tasks',
            )}
            value={formatNumber(data.openTasks, locale)}
            testId="dash-open-tasks"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <Figure
            label={translate('capaian.dashboard.allowance_total')}
            value={formatRupiah(data.allowance?.total ?? 0, locale)}
            testId="dash-allowance-total"
          />
        </Grid>
      </Grid>
      {!data.cycle && (
        <Alert severity="info" sx={{ mt: 2 }}>
          {translate('capaian.dashboard.no_cycle')}
        </Alert>
      )}
      {data.cycle && (
        <Grid container spacing={2} sx={{ mt: 1 }}>
          <Grid size={{ xs: 12, md: 6 }}>
            <Card>
              <CardHeader
                title={translate('capaian.dashboard.funnel')}
                subheader={`${data.cycle.name} · ${
                  periodId && data.period
                    ? translate('capaian.year.distribution_of', { label: data.period.label })
                    : translate('capaian.year.funnel_current')
                }`}
              />
              <CardContent sx={{ height: 320 }}>
                <ResponsiveContainer>
                  <BarChart data={funnel} layout="vertical" margin={{ left: 40 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis type="category" dataKey="name" width={120} />
                    <Tooltip />
                    <Bar isAnimationActive={false} dataKey="count" name={translate('capaian.dashboard.appraisals')}>
                      {funnel.map((_, k) => (
                        <Cell key={k} fill={FUNNEL_FILL[k % FUNNEL_FILL.length]} />
                      ))}
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </CardContent>
              {(data.waitingSanctionDecision ?? 0) > 0 && (
                <CardContent sx={{ pt: 0 }}>
                  <Chip
                    color="warning"
                    variant="outlined"
                    data-testid="dash-waiting-sanction"
                    label={translate('capaian.records.dashboard.waiting_sanction', {
                      smart_count: data.waitingSanctionDecision,
                    })}
                  />
                </CardContent>
              )}
            </Card>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Card>
              <CardHeader title={translate('capaian.dashboard.allowance')} />
              <CardContent sx={{ height: 320 }}>
                <ResponsiveContainer>
                  <BarChart
                    data={[
                      {
                        name: translate('capaian.dashboard.allowance'),
                        base: data.allowance?.base ?? 0,
                        cuts: data.allowance?.cuts ?? 0,
                        total: data.allowance?.total ?? 0,
                      },
                    ]}
                  >
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="name" />
                    <YAxis
                      width={70}
                      tickFormatter={(v: number) =>
                        translate('capaian.records.dashboard.millions', {
                          value: formatNumber(v / 1_000_000, locale, 1),
                        })
                      }
                    />
                    <Tooltip formatter={(v) => formatRupiah(Number(v), locale)} />
                    <Legend />
                    <Bar
                      isAnimationActive={false}
                      dataKey="base"
                      name={translate('resources.pay-adjustments.fields.baseAmount')}
                      fill="#90a4ae"
                    />
                    <Bar
                      isAnimationActive={false}
                      dataKey="cuts"
                      name={translate('resources.pay-adjustments.fields.cutAmount')}
                      fill="#d32f2f"
                    />
                    <Bar
                      isAnimationActive={false}
                      dataKey="total"
                      name={translate('resources.pay-adjustments.fields.amount')}
                      fill="#2e7d32"
                    />
                  </BarChart>
                </ResponsiveContainer>
              </CardContent>
            </Card>
          </Grid>
          <Grid size={12}>
            <Card>
              <CardHeader
                title={translate('capaian.dashboard.per_unit')}
                subheader={
                  <span data-testid="distribution-period">
                    {translate('capaian.dashboard.per_unit_help')}
                    {data.period ? ` · ${translate('capaian.year.distribution_of', { label: data.period.label })}` : ''}
                  </span>
                }
              />
              <CardContent sx={{ height: Math.max(260, units.length * 36 + 80) }}>
                {units.length ? (
                  <ResponsiveContainer>
                    <BarChart data={units} layout="vertical" margin={{ left: 40 }}>
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis type="number" domain={[0, 100]} unit="%" />
                      <YAxis type="category" dataKey="name" width={120} />
                      <Tooltip />
                      <Legend />
                      {PREDICATES.map((p) => (
                        <Bar
                          isAnimationActive={false}
                          key={p}
                          dataKey={p}
                          stackId="p"
                          name={translate(`capaian.enum.predicate.${p}`)}
                          fill={PREDICATE_FILL[p]}
                        />
                      ))}
                    </BarChart>
                  </ResponsiveContainer>
                ) : (
                  <Typography color="text.secondary">{translate('capaian.dashboard.no_predicates')}</Typography>
                )}
              </CardContent>
              <CardContent data-testid="dash-calibration">
                {units.map((u) => (
                  <CalibrationChip key={u.name} unit={u} />
                ))}
              </CardContent>
            </Card>
          </Grid>
          <Grid size={12}>
            <DistributionCurve units={data.perUnit ?? []} />
          </Grid>
        </Grid>
      )}
    </Box>
  );
}
