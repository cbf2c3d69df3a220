/** result.respond: the employee sees the predicate and why, and accepts it or files an appeal (keberatan) within the window. */
import { Alert, Box } from '@mui/material';
import {
  RadioButtonGroupInput,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { daysUntil } from '../../common/format';
import { PredicateExplanation } from '../appraisals/PredicateExplanation';
import { useCompleteTask } from './use-complete';
import { longDay } from './When';

function Reason() {
  const action = useWatch({ name: 'action' });
  if (action !== 'APPEAL') return null;
  return (
    <TextInput
      source="reason"
      label="capaian.appeal.reason"
      helperText="capaian.appeal.reason_help"
      multiline
      minRows={3}
      fullWidth
      validate={(v: string) => (!v?.trim() ? 'ra.validation.required' : undefined)}
    />
  );
}

export function ResultRespondForm({ task, appraisal }: { task: any; appraisal: any }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const complete = useCompleteTask(task.id);
  const ends = task.context?.appealWindowEndsAt ?? task.dueAt;
  const days = ends ? daysUntil(ends) : null;
  return (
    <>
      <Box sx={{ mb: 2 }}>
        <PredicateExplanation appraisal={appraisal} />
      </Box>
      {days !== null && (
        <Alert severity={days <= 3 ? 'warning' : 'info'} sx={{ mb: 2 }} data-testid="appeal-days-left">
          {translate('capaian.appeal.days_left', { smart_count: Math.max(0, days) })} (
          {translate('capaian.work.appeal_until', { date: longDay(ends, locale) })})
        </Alert>
      )}
      <SimpleForm
        record={{ action: 'ACCEPT' }}
        onSubmit={(v: any) => complete({ action: v.action, reason: v.action === 'APPEAL' ? v.reason : null })}
        toolbar={
          <Toolbar>
            <SaveButton label="capaian.action.send" alwaysEnable />
          </Toolbar>
        }
      >
        <RadioButtonGroupInput
          source="action"
          label="capaian.appeal.response"
          choices={[
            { id: 'ACCEPT', name: translate('capaian.appeal.accept') },
            { id: 'APPEAL', name: translate('capaian.appeal.file') },
          ]}
        />
        <Reason />
      </SimpleForm>
    </>
  );
}
