/** Differences between this version and another version of the same kind. */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { api } from '../../providers/http';

const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

export function VersionDiff() {
  const record = useRecordContext();
  const translate = useTranslate();
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
  const { data, error } = useQuery({
    queryKey: ['rulesets', record?.id, 'diff', against],
    queryFn: () => api<{ diff: unknown }>(`/rulesets/${record!.id}/diff?against=${against}`),
    enabled: !!record && !!against,
  });
  const diff = data?.diff as any;
  const changes: any[] | null = Array.isArray(diff) ? diff : Array.isArray(diff?.changes) ? diff.changes : null;
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
        {(versions ?? [])
          .filter((v) => v.id !== record?.id)
          .map((v) => (
            <MenuItem key={v.id} value={String(v.id)}>
              v{v.version} — {translate(`capaian.enum.rulesetStatus.${v.status}`)}
            </MenuItem>
          ))}
      </TextField>
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {data && changes && !changes.length && (
        <Alert severity="info">{translate('capaian.rulesets.no_difference')}</Alert>
      )}
      {data && changes && changes.length > 0 && (
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
            {changes.map((c, k) => (
              <TableRow key={k}>
                <TableCell sx={{ fontFamily: 'monospace' }}>{c.pointer ?? c.path ?? c.rule ?? c.name ?? ''}</TableCell>
                <TableCell>{c.op ?? c.type ?? c.change ?? ''}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, color: 'error.main' }}>
                  {show(c.before ?? c.from ?? c.old)}
                </TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, color: 'success.main' }}>
                  {show(c.after ?? c.to ?? c.new)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {data && !changes && (
        <Box component="pre" sx={{ fontSize: 12 }}>
          {JSON.stringify(diff, null, 2)}
        </Box>
      )}
    </Box>
  );
}
