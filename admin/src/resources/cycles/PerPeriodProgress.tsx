/** A year cycle's progress per evaluation period: the period's label and how many employees stand at each stage. */
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { STAGES } from '../../common/enums';

export interface PeriodProgress {
  periodId: number;
  label: string;
  perStage: Record<string, number>;
}

export function PerPeriodProgress({ rows }: { rows: PeriodProgress[] }) {
  const translate = useTranslate();
  if (!rows.length) return null;
  // Only the stages some period has reached, in the order of the stages.
  const stages = STAGES.filter((s) => rows.some((r) => r.perStage[s]));
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('capaian.year.per_period')}
      </Typography>
      <Table size="small" data-testid="per-period-progress" aria-label={translate('capaian.year.per_period_help')}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {translate('capaian.year.period')}
            </TableCell>
            {stages.map((s) => (
              <TableCell key={s} component="th" scope="col" align="right">
                {translate(`capaian.enum.stage.${s}`, { _: s })}
              </TableCell>
            ))}
            <TableCell component="th" scope="col" align="right">
              {translate('capaian.year.total')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.periodId} data-testid={`period-progress-${r.periodId}`}>
              <TableCell component="th" scope="row">
                {r.label}
              </TableCell>
              {stages.map((s) => (
                <TableCell key={s} align="right">
                  {r.perStage[s] ?? 0}
                </TableCell>
              ))}
              <TableCell align="right">{Object.values(r.perStage).reduce((n, x) => n + x, 0)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
