/** The year's evaluations, one row per evaluation period: stage, predicate, plan revision and appeal, in words. */
import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { PREDICATE_COLOR } from '../../../common/enums';
import type { YearEvaluation } from './types';
import { ScrollRegion } from '../../../common/ScrollRegion';

/** "SKP awal" for the first approved plan, "Revisi ke-n" after. */
export function useRevisionLabel() {
  const translate = useTranslate();
  return (revision: number | null | undefined) =>
    revision === null || revision === undefined
      ? '—'
      : revision === 0
        ? translate('capaian.year.revision_0')
        : translate('capaian.year.revision_n', { n: revision });
}

export function YearEvaluations({
  evaluations,
  current,
  shownId,
}: {
  evaluations: YearEvaluation[];
  current?: number;
  shownId?: number;
}) {
  const translate = useTranslate();
  const revision = useRevisionLabel();
  const appeal = (a: YearEvaluation['appeal']) =>
    a
      ? [
          translate(`capaian.enum.appealStatus.${a.status}`, { _: a.status }),
          a.decision ? translate(`capaian.enum.appealDecision.${a.decision}`, { _: a.decision }) : null,
        ]
          .filter(Boolean)
          .join(' — ')
      : translate('capaian.year.no_appeal');
  return (
    <>
      <Typography variant="subtitle1" gutterBottom>
        {translate('capaian.year.evaluations')}
      </Typography>
      <ScrollRegion label={translate('capaian.year.evaluations')}>
        <Table size="small" data-testid="year-evaluations">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {translate('capaian.year.period')}
              </TableCell>
              <TableCell component="th" scope="col">
                {translate('capaian.year.stage')}
              </TableCell>
              <TableCell component="th" scope="col">
                {translate('capaian.year.predicate')}
              </TableCell>
              <TableCell component="th" scope="col">
                {translate('capaian.year.plan_revision')}
              </TableCell>
              <TableCell component="th" scope="col">
                {translate('capaian.year.appeal')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {evaluations.map((e) => (
              <TableRow
                key={e.appraisalId}
                selected={e.appraisalId === shownId}
                data-testid={`year-evaluation-${e.sequence}`}
              >
                <TableCell component="th" scope="row">
                  {e.appraisalId === shownId ? (
                    <b>{e.period.label}</b>
                  ) : (
                    <Link to={`/appraisals/${e.appraisalId}/show/year`}>{e.period.label}</Link>
                  )}
                  {e.final && (
                    <Typography component="span" variant="body2" color="text.secondary">
                      {` (${translate('capaian.year.annual_evaluation')})`}
                    </Typography>
                  )}
                  {e.appraisalId === current && e.stage !== 'DONE' && (
                    <Chip size="small" sx={{ ml: 1 }} variant="outlined" label={translate('capaian.year.current')} />
                  )}
                </TableCell>
                <TableCell>{translate(`capaian.enum.stage.${e.stage}`, { _: e.stage })}</TableCell>
                <TableCell>
                  {e.resultWithheld ? (
                    translate('capaian.year.withheld')
                  ) : e.predicate ? (
                    <Chip
                      size="small"
                      color={PREDICATE_COLOR[e.predicate] ?? 'default'}
                      label={translate(`capaian.enum.predicate.${e.predicate}`, { _: e.predicate })}
                    />
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell>{revision(e.planRevision)}</TableCell>
                <TableCell>{e.resultWithheld ? '—' : appeal(e.appeal)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    </>
  );
}
