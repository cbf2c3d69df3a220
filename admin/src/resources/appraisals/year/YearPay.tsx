/** The allowance (TPP) of the year, one row per month paid: month in words, predicate, ceiling, cut and amount. */
import { Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatMonth, formatRupiah } from '../../../common/format';
import type { YearPay as Pay } from './types';
import { ScrollRegion } from '../../../common/ScrollRegion';

export function YearPay({ pay }: { pay: Pay[] }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const rupiah = (n: number) => formatRupiah(n, locale);
  const sum = (k: 'baseAmount' | 'cutAmount' | 'amount') => pay.reduce((n, p) => n + p[k], 0);
  return (
    <>
      <Typography variant="subtitle1" gutterBottom sx={{ mt: 3 }}>
        {translate('capaian.year.pay')}
      </Typography>
      {!pay.length ? (
        <Typography color="text.secondary">{translate('capaian.year.no_pay')}</Typography>
      ) : (
        <ScrollRegion label={translate('capaian.year.pay')}>
          <Table size="small" data-testid="year-pay">
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  {translate('capaian.year.month')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {translate('capaian.year.predicate')}
                </TableCell>
                <TableCell component="th" scope="col" align="right">
                  {translate('capaian.year.base')}
                </TableCell>
                <TableCell component="th" scope="col" align="right">
                  {translate('capaian.year.cut')}
                </TableCell>
                <TableCell component="th" scope="col" align="right">
                  {translate('capaian.year.amount')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {pay.map((p) => (
                <TableRow key={p.month} data-testid={`year-pay-${p.month}`}>
                  <TableCell component="th" scope="row">
                    {formatMonth(p.month, locale)}
                  </TableCell>
                  <TableCell>{translate(`capaian.enum.predicate.${p.predicate}`, { _: p.predicate })}</TableCell>
                  <TableCell align="right">{rupiah(p.baseAmount)}</TableCell>
                  <TableCell align="right">{rupiah(p.cutAmount)}</TableCell>
                  <TableCell align="right">{rupiah(p.amount)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell component="th" scope="row" colSpan={2}>
                  {translate('capaian.year.pay_total')}
                </TableCell>
                <TableCell align="right">{rupiah(sum('baseAmount'))}</TableCell>
                <TableCell align="right">{rupiah(sum('cutAmount'))}</TableCell>
                <TableCell align="right" data-testid="year-pay-total">
                  {rupiah(sum('amount'))}
                </TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        </ScrollRegion>
      )}
    </>
  );
}
