/**
 * One appraisal: result and explanation with the rater's notes and the seven value ratings, plan, evidence, feedback
 * notes, appeal (filed here within its window), timeline, the printable evaluation document (PDF), and HR's
 * interventions (another rater, a transfer, leaving).
 */
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Box, Button, Link as MuiLink, Typography } from '@mui/material';
import {
  FunctionField,
  ReferenceField,
  Show,
  TabbedShowLayout,
  TabbedShowLayoutTabs,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { useDownload } from '../../common/use-download';
import { PlanView } from '../tasks/PlanView';
import { PredicateExplanation } from './PredicateExplanation';
import { Timeline } from './Timeline';
import { AppealSection } from './actions/AppealSection';
import { FeedbackTab } from './actions/FeedbackTab';
import { HrActions } from './actions/HrActions';
import { ReviewDetails } from './actions/ReviewDetails';
import { PeerFeedbackPanel } from './peer/PeerFeedbackPanel';
import { ProgressTab } from './progress/ProgressTab';
import { AppraisalYear } from './year/AppraisalYear';

function PdfButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const download = useDownload();
  if (!record) return null;
  return (
    <Button
      startIcon={<PictureAsPdfIcon />}
      onClick={() => download(`/documents/appraisals/${record.id}/evaluation.pdf`, {}, { newTab: true })}
      data-testid="pdf-button"
    >
      {translate('capaian.appraisals.print_pdf')}
    </Button>
  );
}

function Result() {
  const record = useRecordContext();
  return <PredicateExplanation appraisal={record} />;
}

function Plan() {
  const record = useRecordContext();
  return <PlanView plan={record?.plan} />;
}

/** On a touch screen each evidence line is a touch-sized target (44 px), not a line of small print. */
const TOUCH_LINE = { display: 'inline-flex', alignItems: 'center', '@media (pointer: coarse)': { minHeight: 44 } };

function Evidence() {
  const record = useRecordContext();
  const translate = useTranslate();
  const download = useDownload();
  const list: any[] = record?.evidence ?? [];
  if (!list.length) return <Typography color="text.secondary">{translate('capaian.evidence.none')}</Typography>;
  return (
    <Box>
      {list.map((e) => (
        <Typography key={e.id}>
          {e.kind === 'LINK' ? (
            <MuiLink href={e.url} target="_blank" rel="noopener noreferrer" sx={TOUCH_LINE}>
              {e.title}
            </MuiLink>
          ) : (
            <MuiLink
              component="button"
              type="button"
              onClick={() => download(`/documents/evidence/${e.id}`)}
              sx={TOUCH_LINE}
            >
              {e.title ?? e.fileName}
            </MuiLink>
          )}
          {e.sizeBytes ? ` (${Math.ceil(e.sizeBytes / 1024)} kB)` : ''}
        </Typography>
      ))}
    </Box>
  );
}

export default function AppraisalShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <HrActions />
          <PdfButton />
        </TopToolbar>
      }
    >
      {/* Eight tabs do not fit a phone: the strip scrolls sideways (with arrows), the page does not. */}
      <TabbedShowLayout
        tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile />}
      >
        <TabbedShowLayout.Tab label="capaian.appraisals.tab_result">
          <TextField source="employee.name" label="resources.employees.fields.name" />
          <TextField source="employee.nip" label="resources.employees.fields.nip" />
          <ReferenceField source="cycleId" reference="cycles" />
          <ReferenceField source="periodId" reference="periods" label="capaian.year.period" link={false} />
          <EnumField source="stage" list="stage" />
          <TextField source="rater.name" label="resources.appraisals.fields.raterId" emptyText="—" />
          <TextField source="raterSuperior.name" label="resources.appraisals.fields.raterSuperiorId" emptyText="—" />
          <FunctionField label={false} render={() => <Result />} />
          <FunctionField label={false} render={() => <ReviewDetails />} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="capaian.year.tab" path="year">
          <AppraisalYear />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="capaian.progress.tab" path="progress">
          <ProgressTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="capaian.appraisals.tab_plan" path="plan">
          <Plan />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="capaian.appraisals.tab_evidence" path="evidence">
          <Evidence />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="capaian.appraisals.tab_appeal" path="appeal">
          <AppealSection />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="capaian.work.tab_feedback" path="feedback">
          <FeedbackTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="capaian.peer.tab" path="peer">
          <FunctionField label={false} render={(r: any) => <PeerFeedbackPanel appraisal={r} />} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="capaian.appraisals.tab_timeline" path="timeline">
          <Timeline />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
