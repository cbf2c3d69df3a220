/** One task: the form of its type (plan, plan review, evidence, rating, response to the result, appeal decision, …). */
import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Loading, Show, useGetOne, useRecordContext, useTranslate, Link, useCreatePath } from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { sessionUser } from '../../providers/auth-provider';
import { AppealDecisionForm } from './AppealDecisionForm';
import { CalibrationForm } from './CalibrationForm';
import { EvidenceForm } from './EvidenceForm';
import { PeerFeedbackForm } from './PeerFeedbackForm';
import { PlanForm } from './PlanForm';
import { PlanReviewForm } from './PlanReviewForm';
import { ResultRespondForm } from './ResultRespondForm';
import { ReviewForm } from './ReviewForm';
import { SanctionDecisionForm } from './SanctionDecisionForm';
import { taskPeriod, taskSubject } from './task-words';
import { When } from './When';

const FORMS: Record<string, (p: { task: any; appraisal: any }) => React.ReactNode> = {
  'plan.submit': PlanForm,
  'plan.review': PlanReviewForm,
  'evidence.submit': EvidenceForm,
  'review.submit': ReviewForm,
  'result.respond': ResultRespondForm,
  'appeal.decide': AppealDecisionForm,
  'sanction.decide': SanctionDecisionForm,
  'calibration.unit': CalibrationForm,
  'peer.feedback': PeerFeedbackForm,
};

function TaskBody() {
  const task = useRecordContext();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data: appraisal, isPending } = useGetOne(
    'appraisals',
    { id: task?.appraisalId },
    // A colleague asked for peer feedback sees their task only, not the appraisal it is about.
    { enabled: !!task?.appraisalId && task?.type !== 'peer.feedback' },
  );
  if (!task) return null;
  if (task.appraisalId && task.type !== 'peer.feedback' && isPending) return <Loading />;
  const Form = FORMS[task.type];
  // A person never decides their own case: an HR task about the reader's own appraisal is another HR admin's.
  const ownCase = !!task.assigneeRole && !!appraisal && appraisal.employeeId === sessionUser()?.employeeId;
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6">{translate(`capaian.taskType.${task.type}`, { _: task.type })}</Typography>
        <EnumField source="status" list="taskStatus" />
        {task.dueAt && (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.tasks.fields.dueAt')}: <When value={task.dueAt} time />
          </Typography>
        )}
      </Stack>
      <Typography variant="body1" sx={{ mb: 2 }} data-testid="task-context">
        {translate(task.appraisalId ? 'capaian.work.context_employee' : 'capaian.work.context_unit', {
          subject: taskSubject(task as any),
          cycle: task.cycle?.name ?? appraisal?.cycle?.name ?? '—',
          period: taskPeriod(task as any),
        })}
        {appraisal && (
          <>
            {' · '}
            <Link to={createPath({ resource: 'appraisals', id: appraisal.id, type: 'show' })}>
              {translate('capaian.work.open_appraisal')}
            </Link>
          </>
        )}
      </Typography>
      {task.status !== 'OPEN' ? (
        <Alert severity="success">{translate('capaian.tasks.already_done')}</Alert>
      ) : ownCase ? (
        <Alert severity="info" data-testid="own-case">
          {translate('capaian.work.own_case')}
        </Alert>
      ) : Form ? (
        <Form task={task} appraisal={appraisal} />
      ) : (
        <Alert severity="info">{translate('capaian.tasks.no_form')}</Alert>
      )}
    </Box>
  );
}

export default function TaskPage() {
  return (
    <Show resource="tasks" actions={false} component={Card}>
      <CardContent sx={{ p: 0 }}>
        <TaskBody />
      </CardContent>
    </Show>
  );
}
