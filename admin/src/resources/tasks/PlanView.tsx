/**
 * Read-only view of a plan (SKP): work results with their indicators, targets and, once recorded, realizations — and,
 * given the appraisal's evidence, the files and links supporting each indicator (what the rater rates).
 */
import {
  Box,
  Chip,
  Link as MuiLink,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDownload } from '../../common/use-download';

/** Evidence files and links of one indicator (or of none: `indicatorId` null), each opening in words. */
export function EvidenceLinks({ evidence, indicatorId }: { evidence: any[]; indicatorId: number | null }) {
  const translate = useTranslate();
  const download = useDownload();
  const mine = evidence.filter((e) => (e.indicatorId ?? null) === indicatorId);
  if (!mine.length) return null;
  return (
    <Box data-testid="indicator-evidence">
      {mine.map((e) => (
        <Typography key={e.id} variant="body2">
          {translate(e.kind === 'LINK' ? 'capaian.work.evidence_link' : 'capaian.work.evidence_file')}:{' '}
          {e.kind === 'LINK' ? (
            <a href={e.url} target="_blank" rel="noopener noreferrer">
              {e.title}
            </a>
          ) : (
            <MuiLink component="button" type="button" onClick={() => download(`/documents/evidence/${e.id}`)}>
              {e.fileName ?? e.title}
            </MuiLink>
          )}
        </Typography>
      ))}
    </Box>
  );
}

export function PlanView({ plan, evidence }: { plan: any; evidence?: any[] }) {
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
                    {evidence && <EvidenceLinks evidence={evidence} indicatorId={ind.id ?? null} />}
                  </Box>
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {evidence && <EvidenceLinks evidence={evidence} indicatorId={null} />}
    </Box>
  );
}
