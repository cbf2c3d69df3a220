/** calibration.unit: a unit breaks its distribution curve; the calibrator records a justification (or adjusts ratings). */
import { Alert } from '@mui/material';
import {
  RadioButtonGroupInput,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { useCompleteTask } from './use-complete';

/** A violation of the DISTRIBUTION rules: `{ code, message: { id, en } }` (rules/policy.helpers.ts), in the UI's language. */
function violationText(v: any, locale: string): string {
  if (typeof v === 'string') return v;
  const text = v?.message ?? v?.text;
  if (text && typeof text === 'object') return text[locale] ?? text.id ?? JSON.stringify(text);
  return typeof text === 'string' ? text : JSON.stringify(v);
}

export function CalibrationForm({ task }: { task: any }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const complete = useCompleteTask(task.id);
  const violations: any[] = task.context?.violations ?? [];
  return (
    <>
      {violations.map((v, k) => (
        <Alert key={k} severity="warning" sx={{ mb: 1 }}>
          {violationText(v, locale)}
        </Alert>
      ))}
      <SimpleForm
        record={{ action: 'JUSTIFY' }}
        onSubmit={(v: any) => complete({ action: v.action, justification: v.justification || null, adjustments: [] })}
        toolbar={
          <Toolbar>
            <SaveButton label="capaian.action.send" alwaysEnable />
          </Toolbar>
        }
      >
        <RadioButtonGroupInput
          source="action"
          label="capaian.calibration.action"
          choices={[{ id: 'JUSTIFY', name: translate('capaian.calibration.justify') }]}
        />
        <TextInput source="justification" label="capaian.calibration.justification" multiline minRows={3} fullWidth />
      </SimpleForm>
    </>
  );
}
