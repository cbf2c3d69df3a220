/** Read-only view of a plan (SKP): work results with their indicators, targets and, once recorded, realizations. */
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export function PlanView({ plan }: { plan: any }) {
  const translate = useTranslate();
  if (!plan) return <Typography color="text.secondary">{translate('capaian.plan.none')}</Typography>;
  return (
    <Box data-testid="plan-view">
      {plan.expectations && (
        <Typography variant="body2" sx={{ mb: 1 }}>
          <b>{translate('capaian.plan.expectations')}:</b> {plan.expectations}
        </Typography>
      )}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('capaian.plan.kind')}</TableCell>
            <TableCell>{translate('capaian.plan.title')}</TableCell>
            <TableCell>{translate('capaian.plan.indicators')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(plan.items ?? []).map((item: any, k: number) => (
            <TableRow key={item.id ?? k}>
              <TableCell>
                <Chip size="small" label={translate(`capaian.enum.planItemKind.${item.kind}`)} />
              </TableCell>
              <TableCell>
                {item.title}
                {item.parentItem?.title && (
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    ↳ {translate('capaian.plan.parent')}: {item.parentItem.title}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {(item.indicators ?? []).map((ind: any, j: number) => (
                  <Box key={ind.id ?? j}>
                    <Typography variant="body2">
                      [{translate(`capaian.enum.aspect.${ind.aspect}`)}] {ind.description} —{' '}
                      {translate('capaian.plan.target')}: {ind.target}
                    </Typography>
                    {(ind.realizations ?? []).map((r: any) => (
                      <Typography key={r.id} variant="body2" color="success.main" data-testid="realization">
                        {translate('capaian.evidence.realization')}: {r.value}
                        {r.note ? ` (${r.note})` : ''}
                      </Typography>
                    ))}
                  </Box>
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
