/**
 * One unit's spread of predicates against its distribution curve on the HR dashboard: per predicate the unit's actual
 * share as a bar and the lower and upper limits its rating sets in the DISTRIBUTION rules as lines over it (GET
 * /api/dashboard → perUnit[].curve), with the same in words below (a sentence per predicate: "Sangat Baik: 25% (batas
 * 0–10%) — di atas batas") for whoever does not read the chart. By default the first unit that breaks a limit.
 */
import { useState } from 'react';
import { Box, Card, CardContent, CardHeader, Chip, MenuItem, TextField, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { Bar, CartesianGrid, Cell, ComposedChart, Legend, ResponsiveContainer, Scatter, XAxis, YAxis } from 'recharts';
import { PREDICATES } from '../common/enums';
import { intlLocale } from '../common/format';

interface Limit {
  code: string;
  message: { id: string; en: string };
  predicate?: string;
  max?: number;
  min?: number;
  largest?: boolean;
  holds: boolean;
}

export interface CurveUnit {
  code: string;
  name: string;
  counts: Record<string, number>;
  curve?: { rating: string; assumed: boolean; limits: Limit[] } | null;
}

/** Colours with at least 4.5:1 contrast on white, the bars' and the markers'. */
const SHARE_FILL = '#1d4f91';
const BROKEN_FILL = '#b3261e';
const LOWER = '#00695c';
const UPPER = '#6a1b9a';

/**
 * A horizontal line across the bar at the limit's height (a Scatter point's shape), on a white halo so that it shows
 * over any bar, with the bound above it ("≤ 10%", "≥ 60%"); nothing where the curve sets no such bound.
 */
function marker(colour: string, key: 'min' | 'max', label: (value: number) => string) {
  return function Marker(props: unknown) {
    const { cx, cy, payload } = props as { cx: number; cy: number; payload: Record<string, number | null> };
    const value = payload[key];
    if (value === null || value === undefined) return <g />;
    return (
      <g>
        <line x1={cx - 48} x2={cx + 48} y1={cy} y2={cy} stroke="#ffffff" strokeWidth={8} />
        <line x1={cx - 48} x2={cx + 48} y1={cy} y2={cy} stroke={colour} strokeWidth={4} strokeDasharray="10 4" />
        <text
          x={cx}
          y={cy - 9}
          textAnchor="middle"
          fill={colour}
          stroke="#ffffff"
          strokeWidth={4}
          paintOrder="stroke"
          fontSize={13}
          fontWeight={700}
        >
          {label(value)}
        </text>
      </g>
    );
  };
}

export function DistributionCurve({ units }: { units: CurveUnit[] }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const withCurve = units.filter((u) => u.curve);
  const breaking = withCurve.find((u) => u.curve!.limits.some((l) => !l.holds));
  const [chosen, setChosen] = useState('');
  const unit = withCurve.find((u) => u.code === chosen) ?? breaking ?? withCurve[0];
  if (!unit) return null;
  const curve = unit.curve!;
  const pct = (v: number) => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(v) + '%';
  const num = (v: number) => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(v);
  const total = PREDICATES.reduce((n, p) => n + (unit.counts[p] ?? 0), 0) || 1;
  const rows = PREDICATES.map((p) => {
    const own = curve.limits.filter((l) => l.predicate === p);
    const mins = own.filter((l) => l.min !== undefined);
    const maxs = own.filter((l) => l.max !== undefined);
    const min = mins.length ? Math.max(...mins.map((l) => l.min!)) : null;
    const max = maxs.length ? Math.min(...maxs.map((l) => l.max!)) : null;
    const share = Math.round(((unit.counts[p] ?? 0) * 1000) / total) / 10;
    const state = maxs.some((l) => !l.holds)
      ? 'above'
      : mins.some((l) => !l.holds)
        ? 'below'
        : own.some((l) => l.largest && !l.holds)
          ? 'not_largest'
          : 'within';
    const name = translate(`capaian.enum.predicate.${p}`);
    const bounded = min !== null || max !== null;
    const range = translate('capaian.curve.range', { min: num(min ?? 0), max: pct(max ?? 100) });
    const largest = own.some((l) => l.largest) ? ` · ${translate('capaian.curve.largest')}` : '';
    const sentence = bounded
      ? translate('capaian.curve.sentence', {
          predicate: name,
          share: pct(share),
          range,
          state: translate(`capaian.curve.${state}`),
        })
      : translate('capaian.curve.sentence_free', { predicate: name, share: pct(share) }) +
        (largest ? `${largest} — ${translate(`capaian.curve.${state}`)}` : '');
    return { p, name, count: unit.counts[p] ?? 0, share, min, max, state, bounded, range, sentence, largest };
  });
  const combined = curve.limits.filter((l) => !l.predicate);
  const rating = translate(`capaian.enum.unitRating.${curve.rating}`, { _: curve.rating });
  const summary = rows.map((r) => r.sentence).join('. ');
  return (
    <Card data-testid="distribution-curve">
      <CardHeader
        title={translate('capaian.curve.title')}
        subheader={translate('capaian.curve.help', { rating })}
        action={
          withCurve.length > 1 && (
            <TextField
              select
              size="small"
              label={translate('capaian.curve.unit')}
              value={unit.code}
              onChange={(e) => setChosen(e.target.value)}
              sx={{ minWidth: 260, mt: 1 }}
              data-testid="curve-unit"
            >
              {withCurve.map((u) => (
                <MenuItem key={u.code} value={u.code}>
                  {u.code} — {u.name}
                </MenuItem>
              ))}
            </TextField>
          )
        }
      />
      <CardContent>
        <Typography variant="subtitle1" component="h3">
          {unit.code} — {unit.name} ({rating})
        </Typography>
        {curve.assumed && (
          <Typography variant="body2" color="text.secondary">
            {translate('capaian.curve.assumed', { rating })}
          </Typography>
        )}
        <Box
          sx={{ height: 300 }}
          role="img"
          aria-label={translate('capaian.curve.chart_label', { unit: unit.name, summary })}
        >
          <ResponsiveContainer>
            <ComposedChart data={rows} margin={{ top: 10, right: 20 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis domain={[0, 100]} unit="%" />
              <Legend />
              <Bar isAnimationActive={false} dataKey="share" name={translate('capaian.curve.share')} fill={SHARE_FILL}>
                {rows.map((r) => (
                  <Cell key={r.p} fill={r.state === 'within' ? SHARE_FILL : BROKEN_FILL} />
                ))}
              </Bar>
              <Scatter
                isAnimationActive={false}
                dataKey="min"
                name={translate('capaian.curve.lower')}
                fill={LOWER}
                legendType="plainline"
                shape={marker(LOWER, 'min', (v) => `≥ ${pct(v)}`)}
              />
              <Scatter
                isAnimationActive={false}
                dataKey="max"
                name={translate('capaian.curve.upper')}
                fill={UPPER}
                legendType="plainline"
                shape={marker(UPPER, 'max', (v) => `≤ ${pct(v)}`)}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </Box>
        <Box component="ul" sx={{ pl: 2, mb: 0 }} data-testid="curve-summary">
          {rows.map((r) => (
            <li key={r.p} data-testid={`curve-${r.p}`}>
              <Typography variant="body2" sx={{ fontWeight: r.state === 'within' ? 400 : 700 }}>
                {r.sentence}
                {r.bounded ? r.largest : ''}
              </Typography>
            </li>
          ))}
          {combined.map((l) => (
            <li key={l.code} data-testid="curve-rule">
              <Typography variant="body2" component="span">
                {locale === 'en' ? l.message.en : l.message.id}
              </Typography>{' '}
              <Chip
                size="small"
                color={l.holds ? 'success' : 'error'}
                variant="outlined"
                label={translate(l.holds ? 'capaian.curve.holds' : 'capaian.curve.broken')}
              />
            </li>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
}
