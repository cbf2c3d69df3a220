/**
 * Differences between this version and another version of the same kind (by default the published one): the
 * server's structural diff (rules/ruleset.differ.ts) — metadata, then facts, rules and golden tests added, removed,
 * changed (value by value, with JSON pointers) or moved.
 */
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Chip, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useGetList, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { api } from '../../providers/http';

interface ValueChange {
  pointer: string;
  old?: unknown;
  new?: unknown;
}
interface NamedDiff {
  added: { name: string; pointer: string; value: unknown }[];
  removed: { name: string; pointer: string; value: unknown }[];
  changed: { name: string; pointer: string; changes: ValueChange[] }[];
  moved: { name: string; from: number; to: number }[];
}
interface RulesetDiff {
  identical: boolean;
  metadata: ValueChange[];
  facts: NamedDiff;
  rules: NamedDiff;
  tests: NamedDiff;
  summary: { id: string; en: string };
}

type Op = 'added' | 'removed' | 'changed' | 'moved';
interface Row {
  section: 'metadata' | 'facts' | 'rules' | 'tests';
  op: Op;
  name: string;
  pointer: string;
  before?: unknown;
  after?: unknown;
}

const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
const OP_COLOR: Record<Op, 'success' | 'error' | 'warning' | 'default'> = {
  added: 'success',
  removed: 'error',
  changed: 'warning',
  moved: 'default',
};

/** One table row per difference. */
export function diffRows(diff: RulesetDiff): Row[] {
  const rows: Row[] = diff.metadata.map((c) => ({
    section: 'metadata',
    op: 'changed',
    name: c.pointer.slice(1),
    pointer: c.pointer,
    before: c.old,
    after: c.new,
  }));
  for (const section of ['facts', 'rules', 'tests'] as const) {
    const d = diff[section];
    for (const a of d.removed) rows.push({ section, op: 'removed', name: a.name, pointer: a.pointer, before: a.value });
    for (const a of d.added) rows.push({ section, op: 'added', name: a.name, pointer: a.pointer, after: a.value });
    for (const c of d.changed)
      for (const v of c.changes)
        rows.push({ section, op: 'changed', name: c.name, pointer: v.pointer, before: v.old, after: v.new });
    for (const m of d.moved)
      rows.push({ section, op: 'moved', name: m.name, pointer: `/${section}/${m.to}`, before: m.from, after: m.to });
  }
  return rows;
}

export function VersionDiff() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [against, setAgainst] = useState('');
  const { data: versions } = useGetList(
    'rulesets',
    {
      filter: { kind: record?.kind },
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'version', order: 'DESC' },
    },
    { enabled: !!record },
  );
  const others = (versions ?? []).filter((v) => v.id !== record?.id);
  useEffect(() => {
    if (against || !others.length) return;
    const published = others.find((v) => v.status === 'PUBLISHED') ?? others[0];
    setAgainst(String(published.id));
  }, [against, others]);
  const { data, error } = useQuery({
    queryKey: ['rulesets', record?.id, 'diff', against],
    queryFn: () => api<{ diff: RulesetDiff }>(`/rulesets/${record!.id}/diff?against=${against}`),
    enabled: !!record && !!against,
  });
  const diff = data?.diff;
  const rows = diff ? diffRows(diff) : [];
  return (
    <Box>
      <TextField
        select
        size="small"
        label={translate('capaian.rulesets.compare_with')}
        value={against}
        onChange={(e) => setAgainst(e.target.value)}
        sx={{ minWidth: 280, mb: 2 }}
      >
        {others.map((v) => (
          <MenuItem key={v.id} value={String(v.id)}>
            v{v.version} — {translate(`capaian.enum.rulesetStatus.${v.status}`)}
          </MenuItem>
        ))}
      </TextField>
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {diff && (
        <Alert severity={diff.identical ? 'info' : 'warning'} sx={{ mb: 2 }} data-testid="version-diff-summary">
          {diff.identical ? translate('capaian.rulesets.no_difference') : diff.summary[locale === 'en' ? 'en' : 'id']}
        </Alert>
      )}
      {rows.length > 0 && (
        <Table size="small" data-testid="version-diff">
          <TableHead>
            <TableRow>
              <TableCell>{translate('capaian.rulesets.diff_path')}</TableCell>
              <TableCell>{translate('capaian.rulesets.diff_change')}</TableCell>
              <TableCell>{translate('capaian.rulesets.before')}</TableCell>
              <TableCell>{translate('capaian.rulesets.after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r, k) => (
              <TableRow key={k} data-testid={`diff-${r.op}`}>
                <TableCell>
                  <Box>{r.name}</Box>
                  <Box sx={{ fontFamily: 'monospace', fontSize: 12, color: 'text.secondary' }}>{r.pointer}</Box>
                </TableCell>
                <TableCell>
                  <Chip size="small" color={OP_COLOR[r.op]} label={translate(`capaian.rulesets.diff_op.${r.op}`)} />
                </TableCell>
                <TableCell
                  sx={{
                    fontFamily: 'monospace',
                    fontSize: 12,
                    color: 'error.main',
                    maxWidth: 360,
                    overflowWrap: 'anywhere',
                  }}
                >
                  {show(r.before)}
                </TableCell>
                <TableCell
                  sx={{
                    fontFamily: 'monospace',
                    fontSize: 12,
                    color: 'success.main',
                    maxWidth: 360,
                    overflowWrap: 'anywhere',
                  }}
                >
                  {show(r.after)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
