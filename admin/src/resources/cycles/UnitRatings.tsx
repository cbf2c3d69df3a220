/**
 * Unit ratings for calibration (GET / POST /api/cycles/:id/unit-ratings): the rating of each unit of the cycle, which
 * sets the curve its employees' predicates must fit, with the calibration state in words. HR sets or changes a rating
 * until the unit has been checked (the server refuses a change after that); the units without a rating are shown with
 * the cycle's default. Auditors read the same table.
 */
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Button,
  MenuItem,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { UNIT_RATINGS } from '../../common/enums';
import { useAction } from '../../common/use-action';
import { api } from '../../providers/http';
import { useCycleUnits } from './scope';

interface RatingRow {
  unitId: number;
  rating: string;
  status: string;
  violations?: unknown[];
}

export function UnitRatings() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions<{ roles: string[] }>();
  const hr = !!permissions?.roles?.includes('HR_ADMIN');
  const reader = hr || !!permissions?.roles?.includes('AUDITOR');
  const units = useCycleUnits(
    reader ? (record?.unitId as number | undefined) : undefined,
    !!record?.includeDescendants,
  );
  const stored = useQuery({
    queryKey: ['cycles', record?.id, 'unit-ratings'],
    queryFn: () => api<RatingRow[]>(`/cycles/${record!.id}/unit-ratings`),
    enabled: reader && !!record,
  });
  const byUnit = useMemo(() => new Map((stored.data ?? []).map((r) => [r.unitId, r])), [stored.data]);
  const fallback = (record?.settings?.defaultUnitRating as string | undefined) ?? 'BAIK';
  const [chosen, setChosen] = useState<Record<number, string>>({});
  useEffect(() => setChosen({}), [stored.data]);
  const { run, isPending } = useAction({
    successMessage: 'capaian.work.ratings_saved',
    onSuccess: () => stored.refetch(),
  });
  if (!record || !reader) return null;
  const over = record.status === 'CLOSED' || record.status === 'CANCELLED';
  const changed = Object.entries(chosen).map(([unitId, rating]) => ({ unitId: Number(unitId), rating }));
  return (
    <Box data-testid="unit-ratings" sx={{ my: 2 }}>
      <Typography variant="subtitle1">{translate('capaian.work.unit_ratings')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1, maxWidth: 820 }}>
        {translate('capaian.work.unit_ratings_help')}
      </Typography>
      {stored.error && <Alert severity="warning">{(stored.error as Error).message}</Alert>}
      <Table size="small" sx={{ maxWidth: 900 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.cycles.fields.unitId')}</TableCell>
            <TableCell>{translate('capaian.work.unit_rating')}</TableCell>
            <TableCell>{translate('capaian.work.calibration_state')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(units.data ?? []).map((u) => {
            const row = byUnit.get(u.id);
            const rating = chosen[u.id] ?? row?.rating ?? fallback;
            const editable = hr && !over && (!row || row.status === 'PENDING');
            return (
              <TableRow key={u.id} data-testid={`unit-rating-${u.id}`}>
                <TableCell>
                  {u.code} — {u.name}
                </TableCell>
                <TableCell>
                  {editable ? (
                    <Select
                      size="small"
                      value={rating}
                      inputProps={{ 'aria-label': translate('capaian.work.rating_of', { unit: u.name }) }}
                      onChange={(e) => setChosen((c) => ({ ...c, [u.id]: e.target.value }))}
                    >
                      {UNIT_RATINGS.map((r) => (
                        <MenuItem key={r} value={r}>
                          {translate(`capaian.enum.unitRating.${r}`)}
                        </MenuItem>
                      ))}
                    </Select>
                  ) : (
                    translate(`capaian.enum.unitRating.${rating}`, { _: rating })
                  )}
                  {!row && !chosen[u.id] && ` (${translate('capaian.work.setting_default')})`}
                </TableCell>
                <TableCell>{translate(`capaian.work.calibration_status.${row?.status ?? 'NONE'}`)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {hr && !over && (
        <Button
          variant="contained"
          sx={{ mt: 1 }}
          disabled={!changed.length || isPending}
          onClick={() => run(`/cycles/${record.id}/unit-ratings`, { ratings: changed })}
          data-testid="save-unit-ratings"
        >
          {translate('capaian.work.save_ratings', { smart_count: changed.length })}
        </Button>
      )}
    </Box>
  );
}
