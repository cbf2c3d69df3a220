/**
 * The rater's review on the result page: the seven BerAKHLAK value ratings and the rater's notes on the work result
 * and the behaviour (once only the PDF had them). Hidden with the rest of the result until it is shared.
 */
import { Box, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { BERAKHLAK } from '../../../common/enums';

export function ReviewDetails() {
  const record = useRecordContext();
  const translate = useTranslate();
  const review = record?.review;
  if (!review) return null;
  const rating = (v: string | null | undefined) => (v ? translate(`capaian.enum.rating.${v}`, { _: v }) : '—');
  return (
    <Box sx={{ mt: 2 }} data-testid="review-details">
      <Typography variant="subtitle1">{translate('capaian.work.review_title')}</Typography>
      <Typography variant="body2" sx={{ mt: 1 }} data-testid="result-comment">
        <b>{translate('capaian.review.result_comment')}:</b> {review.resultComment || translate('capaian.work.no_note')}
      </Typography>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('capaian.review.behaviour')}
      </Typography>
      <Table size="small" sx={{ maxWidth: 640 }}>
        <TableBody>
          {BERAKHLAK.map((k) => (
            <TableRow key={k} data-testid={`value-${k}`}>
              <TableCell>{translate(`capaian.berakhlak.${k}.name`)}</TableCell>
              <TableCell>{rating(review[k])}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>
              <b>{translate('capaian.review.behaviour_rating')}</b>
            </TableCell>
            <TableCell>
              <b>{rating(review.behaviourRating)}</b>
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Typography variant="body2" sx={{ mt: 1 }} data-testid="behaviour-comment">
        <b>{translate('capaian.review.behaviour_comment')}:</b>{' '}
        {review.behaviourComment || translate('capaian.work.no_note')}
      </Typography>
    </Box>
  );
}
