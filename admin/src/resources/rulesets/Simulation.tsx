/**
 * Simulation of this version over the stored facts of a past cycle: who would change, shown as a diff table and a
 * chart of the distribution before and after (predicates for SCORING, amounts for PAY). Loaded on demand (recharts).
 */
import { useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Button,
  Chip,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { HttpError, useGetList, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { PREDICATES } from '../../common/enums';
import { formatRupiah } from '../../common/format';
import { api } from '../../providers/http';

interface SimItem {
  key: string;
  label?: string;
  changed?: boolean;
  [k: string]: unknown;
}

/** The old and new result of an item, whatever the evaluator calls them. */
export function sides(item: SimItem): { before: unknown; after: unknown } {
  const pick = (...keys: string[]) => {
    for (const k of keys) if (k in item) return item[k];
    return undefined;
  };
  const before = pick('oldResult', 'old', 'before', 'previous');
  const after = pick('newResult', 'new', 'after', 'result', 'next');
  const flat = (v: unknown): unknown =>
    v && typeof v === 'object' ? ((v as any).predicate ?? (v as any).amount ?? (v as any).type ?? v) : v;
  return { before: flat(before), after: flat(after) };
}

export default function Simulation() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [cycleId, setCycleId] = useState<string>('');
  const { data: cycles } = useGetList('cycles', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'id', order: 'DESC' },
  });
  const sim = useMutation({
    mutationFn: () =>
      api<{ items: SimItem[]; kind: string; elapsedMs?: number }>(`/rulesets/${record!.id}/simulate`, {
        body: { cycleId: Number(cycleId) },
      }),
  });

  const rows = useMemo(
    () =>
      (sim.data?.items ?? []).map((i) => {
        const { before, after } = sides(i);
        return { ...i, before, after, changed: i.changed ?? JSON.stringify(before) !== JSON.stringify(after) };
      }),
    [sim.data],
  );
  const isPay = sim.data?.kind === 'PAY';
  const chart = useMemo(() => {
    if (!rows.length) return [];
    if (isPay) {
      const sum = (k: 'before' | 'after') => rows.reduce((n, r) => n + (Number(r[k]) || 0), 0);
      return [{ name: translate('capaian.rulesets.total_allowance'), before: sum('before'), after: sum('after') }];
    }
    return PREDICATES.map((p) => ({
      name: translate(`capaian.enum.predicate.${p}`),
      before: rows.filter((r) => r.before === p).length,
      after: rows.filter((r) => r.after === p).length,
    }));
  }, [rows, isPay, translate]);
  const show = (v: unknown) =>
    isPay
      ? formatRupiah(Number(v), locale)
      : v == null
        ? '—'
        : translate(`capaian.enum.predicate.${String(v)}`, { _: String(v) });
  const changed = rows.filter((r) => r.changed);
  const fieldError = (sim.error as HttpError | null)?.body?.errors?.cycleId as string | undefined;

  if (!record) return null;
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          select={!!cycles?.length}
          label={translate('capaian.rulesets.simulate_cycle')}
          value={cycleId}
          onChange={(e) => setCycleId(e.target.value)}
          sx={{ minWidth: 320 }}
          size="small"
          error={!!fieldError}
          helperText={fieldError ?? translate('capaian.rulesets.simulate_help')}
          slotProps={{ htmlInput: { 'data-testid': 'simulate-cycle' } }}
        >
          {(cycles ?? []).map((c) => (
            <MenuItem key={c.id} value={String(c.id)}>
              {c.name} ({translate(`capaian.enum.cycleStatus.${c.status}`, { _: c.status })})
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" disabled={!cycleId || sim.isPending} onClick={() => sim.mutate()}>
          {translate('capaian.rulesets.run_simulation')}
        </Button>
      </Stack>
      {sim.error && !fieldError && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {(sim.error as Error).message}
        </Alert>
      )}
      {sim.data && (
        <Box sx={{ mt: 2 }} data-testid="simulation-result">
          <Alert severity={changed.length ? 'warning' : 'success'}>
            {translate('capaian.rulesets.simulation_summary', { changed: changed.length, total: rows.length })}
          </Alert>
          <Box sx={{ height: 280, mt: 2 }}>
            <ResponsiveContainer>
              <BarChart data={chart}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar
                  isAnimationActive={false}
                  dataKey="before"
                  name={translate('capaian.rulesets.before')}
                  fill="#9e9e9e"
                />
                <Bar
                  isAnimationActive={false}
                  dataKey="after"
                  name={translate('capaian.rulesets.after')}
                  fill="#1d4f91"
                />
              </BarChart>
            </ResponsiveContainer>
          </Box>
          <Typography variant="subtitle1" sx={{ mt: 2 }}>
            {translate('capaian.rulesets.changed_items')}
          </Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.employees.name', { smart_count: 1 })}</TableCell>
                <TableCell>{translate('capaian.rulesets.before')}</TableCell>
                <TableCell>{translate('capaian.rulesets.after')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {changed.slice(0, 200).map((r) => (
                <TableRow key={r.key} data-testid="simulation-diff-row">
                  <TableCell>{r.label ?? r.key}</TableCell>
                  <TableCell>
                    <Chip size="small" label={show(r.before)} sx={{ textDecoration: 'line-through' }} />
                  </TableCell>
                  <TableCell>
                    <Chip size="small" color="primary" label={show(r.after)} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}
