/**
 * The TPP list on a phone: one card per employee and month instead of the table's seven columns — the month and its
 * period, the predicate, what was received, the ceiling and the cut, and the explanation's first lines — the card a
 * touch-sized link to the month's page. Nothing on a wider screen (the table).
 */
import {
  Chip,
  List as MuiList,
  ListItem,
  ListItemButton,
  ListItemText,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { Link, RecordContextProvider, useCreatePath, useListContext, useLocaleState, useTranslate } from 'react-admin';
import { formatMonth, formatRupiah } from '../../common/format';
import { usePayLines } from './PayExplanation';

function Lines({ record }: { record: Record<string, any> }) {
  const lines = usePayLines(record, true);
  return (
    <>
      {lines.map((l) => (
        <Typography key={l} variant="caption" component="div" color="text.secondary">
          {l}
        </Typography>
      ))}
    </>
  );
}

export function PayCards() {
  const { data, isPending } = useListContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const phone = useMediaQuery((t: Theme) => t.breakpoints.down('sm'));
  if (!phone || isPending) return null;
  // No rows: react-admin's own message (nothing found, or nothing matching the filter) says so.
  if (!data?.length) return null;
  const field = (name: string) => translate(`resources.pay-adjustments.fields.${name}`);
  return (
    <MuiList disablePadding>
      {data.map((r: any) => (
        <RecordContextProvider key={r.id} value={r}>
          <ListItem disablePadding divider>
            <ListItemButton
              component={Link}
              to={createPath({ resource: 'pay-adjustments', id: r.id, type: 'show' })}
              data-testid="pay-card"
              sx={{ alignItems: 'flex-start' }}
            >
              <ListItemText
                slotProps={{ secondary: { component: 'div' } }}
                primary={
                  <>
                    {typeof r.month === 'string' ? formatMonth(r.month.slice(0, 7), locale) : '—'}
                    {r.period?.label ? ` · ${r.period.label}` : ''}
                    {r.employee?.name ? ` · ${r.employee.name}` : ''}
                  </>
                }
                secondary={
                  <>
                    {r.predicate && (
                      <Chip
                        size="small"
                        component="span"
                        label={translate(`capaian.enum.predicate.${r.predicate}`, { _: r.predicate })}
                        sx={{ my: 0.5 }}
                      />
                    )}
                    <Typography variant="body2" component="div" color="text.primary">
                      {field('amount')}: <strong>{formatRupiah(r.amount, locale)}</strong>
                    </Typography>
                    <Typography variant="body2" component="div">
                      {field('baseAmount')}: {formatRupiah(r.baseAmount, locale)} · {field('cutAmount')}:{' '}
                      {formatRupiah(r.cutAmount, locale)}
                    </Typography>
                    <Lines record={r} />
                  </>
                }
              />
            </ListItemButton>
          </ListItem>
        </RecordContextProvider>
      ))}
    </MuiList>
  );
}
