/**
 * Unit ratings proposed from the public served (GET /api/cycles/:id/unit-rating-proposals): for each unit of the cycle
 * with an imported result (the satisfaction index IKM …), the rating the cycle's DISTRIBUTION rules propose and why,
 * naming the figure and its source; HR decides the rating in the table above. HR and auditors read it.
 */
import { useQuery } from '@tanstack/react-query';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { usePermissions, useRecordContext, useTranslate, useLocaleState } from 'react-admin';
import { inLanguage } from '../../providers/error-words';
import { api } from '../../providers/http';

interface Proposal {
  unitId: number;
  unitName: string;
  rating: string | null;
  proposedRating: string | null;
  text: { id: string; en: string } | null;
  /** The rules could not be evaluated for this unit (the server's words). */
  error?: string;
}

export function UnitRatingProposals() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions } = usePermissions<{ roles: string[] }>();
  const reader = !!permissions?.roles?.some((r) => r === 'HR_ADMIN' || r === 'AUDITOR');
  const { data } = useQuery({
    queryKey: ['cycles', record?.id, 'unit-rating-proposals'],
    queryFn: () => api<{ proposals: Proposal[] }>(`/cycles/${record!.id}/unit-rating-proposals`),
    enabled: !!record && reader,
  });
  if (!reader || !data?.proposals.length) return null;
  const rating = (r: string | null) => (r ? translate(`capaian.enum.unitRating.${r}`, { _: r }) : '—');
  return (
    <Box sx={{ my: 2 }} data-testid="unit-rating-proposals">
      <Typography variant="subtitle1" component="h2">
        {translate('capaian.unitResults.proposals')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('capaian.unitResults.proposals_help')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('capaian.unitResults.unit')}</TableCell>
            <TableCell>{translate('capaian.unitResults.proposed')}</TableCell>
            <TableCell>{translate('capaian.unitResults.decided')}</TableCell>
            <TableCell>{translate('capaian.unitResults.why')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.proposals.map((p) => (
            <TableRow key={p.unitId} data-testid="unit-rating-proposal">
              <TableCell>{p.unitName}</TableCell>
              <TableCell>
                {p.proposedRating ? rating(p.proposedRating) : translate('capaian.unitResults.none')}
              </TableCell>
              <TableCell>{rating(p.rating)}</TableCell>
              <TableCell>
                {p.text ? (locale === 'en' ? p.text.en : p.text.id) : p.error ? inLanguage(p.error, locale) : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
