/** Every approved version of the year's plan (SKP): revision, approval date, work results and their targets. */
import { Accordion, AccordionDetails, AccordionSummary, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../../../common/format';
import { PlanView } from '../../tasks/PlanView';
import type { YearPlanVersion } from './types';
import { useRevisionLabel } from './YearEvaluations';

export function YearPlanVersions({ versions }: { versions: YearPlanVersion[] }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const revision = useRevisionLabel();
  return (
    <>
      <Typography variant="subtitle1" gutterBottom sx={{ mt: 3 }}>
        {translate('capaian.year.plan_versions')}
      </Typography>
      {!versions.length && <Typography color="text.secondary">{translate('capaian.year.no_plan_versions')}</Typography>}
      {versions.map((v, k) => (
        <Accordion
          key={v.revision}
          defaultExpanded={k === versions.length - 1}
          disableGutters
          data-testid={`plan-version-${v.revision}`}
        >
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Typography>
              <b>{revision(v.revision)}</b> ·{' '}
              {translate('capaian.year.approved_on', { date: formatDate(v.approvedAt, locale) })}
            </Typography>
          </AccordionSummary>
          <AccordionDetails>
            <PlanView plan={v} />
          </AccordionDetails>
        </Accordion>
      ))}
    </>
  );
}
