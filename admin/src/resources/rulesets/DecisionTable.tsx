/** The decision-table view of a matrix rule set (e.g. the predicate matrix: work result × behaviour). */
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { api } from '../../providers/http';

interface TableModel {
  rowFact?: string;
  columnFact?: string;
  rows?: unknown[];
  columns?: unknown[];
  cells?: unknown[][];
  [k: string]: unknown;
}

const text = (v: unknown): string =>
  v === null || v === undefined
    ? '—'
    : typeof v === 'object'
      ? ((v as any).label ?? (v as any).value ?? (v as any).type ?? JSON.stringify(v))
      : String(v);

export function DecisionTable() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { data, error, isPending } = useQuery({
    queryKey: ['rulesets', record?.id, 'decision-table'],
    queryFn: () => api<{ table: TableModel | null }>(`/rulesets/${record!.id}/decision-table`),
    enabled: !!record,
  });
  if (isPending) return null;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  const table = data?.table;
  if (!table) return <Alert severity="info">{translate('capaian.rulesets.no_decision_table')}</Alert>;
  if (!Array.isArray(table.rows) || !Array.isArray(table.columns)) {
    return (
      <Box component="pre" sx={{ fontSize: 12 }}>
        {JSON.stringify(table, null, 2)}
      </Box>
    );
  }
  const cell = (r: number, c: number) => {
    const row = table.rows![r] as any;
    return table.cells?.[r]?.[c] ?? row?.cells?.[c] ?? row?.values?.[c];
  };
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate('capaian.rulesets.decision_table_help', {
          rows: table.rowFact ?? '',
          columns: table.columnFact ?? '',
        })}
      </Typography>
      <Table size="small" sx={{ width: 'auto' }} data-testid="decision-table">
        <TableHead>
          <TableRow>
            <TableCell>
              {table.rowFact ?? ''} \ {table.columnFact ?? ''}
            </TableCell>
            {table.columns.map((c, k) => (
              <TableCell key={k}>{text(c)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {table.rows.map((r, i) => (
            <TableRow key={i}>
              <TableCell component="th">{text((r as any)?.key ?? (r as any)?.value ?? r)}</TableCell>
              {table.columns!.map((_, j) => (
                <TableCell key={j}>{text(cell(i, j))}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
