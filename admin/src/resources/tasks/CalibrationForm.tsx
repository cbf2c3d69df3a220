/** calibration.unit: a unit breaks its distribution curve; the calibrator records a justification (or adjusts ratings). */
import { Alert } from '@mui/material';
import { RadioButtonGroupInput, SaveButton, SimpleForm, TextInput, Toolbar, useTranslate } from 'react-admin';
import { useCompleteTask } from './use-complete';

export function CalibrationForm({ task }: { task: any }) {
  const translate = useTranslate();
  const complete = useCompleteTask(task.id);
  const violations: any[] = task.context?.violations ?? [];
  return (
    <>
      {violations.map((v, k) => (
        <Alert key={k} severity="warning" sx={{ mb: 1 }}>
          {typeof v === 'string' ? v : (v.text?.id ?? v.message ?? JSON.stringify(v))}
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
