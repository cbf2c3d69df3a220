/**
 * The decision-table view of a matrix rule set (e.g. the predicate matrix: work result × behaviour): a grid of the row
 * fact's values × the column fact's values, each cell the outcome in words; the rule that decides a cell shows on
 * hover and on keyboard focus (every cell is a tab stop), and is also its accessible description.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { PREDICATE_COLOR } from '../../common/enums';
import { api } from '../../providers/http';
import { eventWords, factWords, langOf, nameWords, valueWords, type Words } from './rule-words';

type Bilingual = { id: string; en: string };

/** The server's model (rules/decision-table.builder.ts). */
export interface DecisionTableModel {
  rows: { fact: string; label?: Bilingual; values: unknown[] };
  columns: { fact: string; label?: Bilingual; values: unknown[] };
  cells: {
    row: unknown;
    column: unknown;
    rule: string | null;
    rules: string[];
    events: { type: string; params?: Record<string, unknown> }[];
    predicate?: string | null;
    words?: Bilingual | null;
  }[];
  complete: boolean;
  missing: { row: unknown; column: unknown }[];
  overlaps?: { row: unknown; column: unknown; rules: string[] }[];
}

const K = 'capaian.rulesWords.table';
const COLORS: Record<string, string> = {
  success: 'success.main',
  primary: 'primary.main',
  warning: 'warning.main',
  error: 'error.main',
};

function Cell({
  axes,
  cell,
  w,
}: {
  axes: { rows: string; columns: string };
  cell: DecisionTableModel['cells'][number];
  w: Words;
}) {
  const { translate } = w;
  const outcome = cell.events.length ? cell.events.map((e) => eventWords(e, w)).join('; ') : translate(`${K}.none`);
  const rule =
    cell.rules.length > 1
      ? translate(`${K}.overlap`, { rules: cell.rules.map((r) => `"${nameWords(r, w)}"`).join(', ') })
      : cell.rule
        ? translate(`${K}.rule`, { rule: nameWords(cell.rule, w) })
        : translate(`${K}.none`);
  const label = translate(`${K}.cell`, {
    row: `${axes.rows} ${valueWords(cell.row, w)}`,
    column: `${axes.columns} ${valueWords(cell.column, w)}`,
    outcome,
  });
  const color = PREDICATE_COLOR[cell.predicate ?? ''];
  return (
    <Tooltip title={rule} arrow describeChild>
      <TableCell
        tabIndex={0}
        aria-label={label}
        data-testid="decision-cell"
        data-row={String(cell.row)}
        data-column={String(cell.column)}
        sx={{
          borderLeft: '4px solid',
          borderLeftColor: cell.rules.length !== 1 ? 'warning.main' : color ? COLORS[color] : 'divider',
          fontWeight: 500,
          cursor: 'help',
          '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: -3 },
        }}
      >
        {outcome}
      </TableCell>
    </Tooltip>
  );
}

export function DecisionTable() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const w: Words = { translate, lang: langOf(locale) };
  const { data, error, isPending } = useQuery({
    queryKey: ['rulesets', record?.id, 'decision-table'],
    queryFn: () => api<{ table: DecisionTableModel | null }>(`/rulesets/${record!.id}/decision-table`),
    enabled: !!record,
  });
  if (isPending) return null;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  const table = data?.table;
  if (!table || !Array.isArray(table.rows?.values) || !Array.isArray(table.columns?.values))
    return <Alert severity="info">{translate('capaian.rulesets.no_decision_table')}</Alert>;
  const rowsLabel = factWords(table.rows.fact, w, { [table.rows.fact]: table.rows.label });
  const columnsLabel = factWords(table.columns.fact, w, { [table.columns.fact]: table.columns.label });
  const axes = { rows: rowsLabel, columns: columnsLabel };
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const cellOf = (row: unknown, column: unknown) => table.cells.find((c) => c.row === row && c.column === column);
  return (
    <Box>
      <Typography
        id="decision-table-help"
        variant="body2"
        color="text.secondary"
        gutterBottom
        data-testid="decision-table-help"
      >
        {translate(`${K}.help`, { rows: rowsLabel, columns: columnsLabel })}
      </Typography>
      <Table size="small" sx={{ width: 'auto' }} data-testid="decision-table" aria-describedby="decision-table-help">
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {translate(`${K}.corner`, { rows: rowsLabel, columns: columnsLabel })}
            </TableCell>
            {table.columns.values.map((c, k) => (
              <TableCell key={k} component="th" scope="col" sx={{ fontWeight: 600 }}>
                {capital(valueWords(c, w))}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {table.rows.values.map((r, i) => (
            <TableRow key={i}>
              <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
                {capital(valueWords(r, w))}
              </TableCell>
              {table.columns.values.map((c, j) => {
                const cell = cellOf(r, c);
                return cell ? <Cell key={j} axes={axes} cell={cell} w={w} /> : <TableCell key={j}>—</TableCell>;
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {table.missing.length > 0 ? (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="decision-table-coverage">
          {translate(`${K}.missing`, {
            cells: table.missing.map((m) => `${valueWords(m.row, w)} × ${valueWords(m.column, w)}`).join(', '),
          })}
        </Alert>
      ) : (
        !table.overlaps?.length && (
          <Alert severity="success" sx={{ mt: 2 }} data-testid="decision-table-coverage">
            {translate(`${K}.complete`)}
          </Alert>
        )
      )}
    </Box>
  );
}
