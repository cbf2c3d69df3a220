/**
 * A unit's spread of predicates on its calibration task: how many employees have each predicate and their share,
 * against the limits that the unit's rating sets in the curve (each limit in words, kept or broken), not only the
 * breaches. The server counts them now (GET /api/tasks/:id → `distribution`).
 */
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { PREDICATES } from '../../common/enums';

interface Limit {
  code: string;
  message: { id: string; en: string };
  predicate?: string;
  max?: number;
  min?: number;
  largest?: boolean;
  holds: boolean;
}

export interface Distribution {
  rating: string;
  total: number;
  unitName: string | null;
  periodLabel: string | null;
  counts: Record<string, number>;
  shares: Record<string, number>;
  limits: Limit[];
}

/** A percentage in the chosen language: "70%", "33,3%" / "33.3%". */
function percent(value: number, locale: string) {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format(value) + '%';
}

export function UnitDistribution({ distribution: d }: { distribution: Distribution | null | undefined }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!d) return null;
  const bound = (l: Limit) =>
    l.largest
      ? translate('capaian.work.limit_largest')
      : l.max !== undefined
        ? translate(l.max === 0 ? 'capaian.work.limit_none' : 'capaian.work.limit_max', { pct: percent(l.max, locale) })
        : translate('capaian.work.limit_min', { pct: percent(l.min ?? 0, locale) });
  const state = (ok: boolean) => (
    <Chip
      size="small"
      color={ok ? 'success' : 'error'}
      label={translate(ok ? 'capaian.work.limit_holds' : 'capaian.work.limit_broken')}
    />
  );
  const combined = d.limits.filter((l) => !l.predicate);
  return (
    <Box sx={{ mb: 2 }} data-testid="unit-distribution">
      <Typography variant="subtitle1">
        {translate('capaian.work.distribution_title', {
          unit: d.unitName ?? '—',
          rating: translate(`capaian.enum.unitRating.${d.rating}`, { _: d.rating }),
          total: d.total,
        })}
      </Typography>
      <Table size="small" sx={{ maxWidth: 900 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.appraisals.fields.predicate')}</TableCell>
            <TableCell align="right">{translate('capaian.work.count')}</TableCell>
            <TableCell align="right">{translate('capaian.work.share')}</TableCell>
            <TableCell>{translate('capaian.work.curve_limit')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {PREDICATES.map((p) => {
            const limits = d.limits.filter((l) => l.predicate === p);
            return (
              <TableRow key={p} data-testid={`distribution-${p}`}>
                <TableCell>{translate(`capaian.enum.predicate.${p}`)}</TableCell>
                <TableCell align="right">{d.counts[p] ?? 0}</TableCell>
                <TableCell align="right">{percent(d.shares[p] ?? 0, locale)}</TableCell>
                <TableCell>
                  {limits.length === 0
                    ? translate('capaian.work.no_limit')
                    : limits.map((l) => (
                        <Box key={l.code} sx={{ display: 'flex', gap: 1, alignItems: 'center', my: 0.25 }}>
                          <span>{bound(l)}</span>
                          {state(l.holds)}
                        </Box>
                      ))}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {combined.map((l) => (
        <Box key={l.code} sx={{ display: 'flex', gap: 1, alignItems: 'center', mt: 1 }} data-testid="distribution-rule">
          <Typography variant="body2">{locale === 'en' ? l.message.en : l.message.id}</Typography>
          {state(l.holds)}
        </Box>
      ))}
    </Box>
  );
}
