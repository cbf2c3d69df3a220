/** sanction.decide: HR confirms or dismisses each recommended sanction of the appraisal. */
import { Typography } from '@mui/material';
import { RadioButtonGroupInput, SaveButton, SimpleForm, TextInput, Toolbar, useTranslate } from 'react-admin';
import { useCompleteTask } from './use-complete';

export function SanctionDecisionForm({ task, appraisal }: { task: any; appraisal: any }) {
  const translate = useTranslate();
  const complete = useCompleteTask(task.id);
  const sanctions: any[] = task.context?.sanctions ?? appraisal?.sanctions ?? [];
  return (
    <SimpleForm
      record={{ decisions: sanctions.map((s) => ({ code: s.code, decision: 'CONFIRM', note: '' })) }}
      onSubmit={(v: any) => complete({ decisions: v.decisions.map((d: any) => ({ ...d, note: d.note || null })) })}
      toolbar={
        <Toolbar>
          <SaveButton label="capaian.action.send" alwaysEnable />
        </Toolbar>
      }
    >
      {sanctions.map((s, k) => (
        <div key={s.code} style={{ width: '100%' }}>
          <Typography variant="subtitle1">{s.label ?? s.code}</Typography>
          <RadioButtonGroupInput
            source={`decisions.${k}.decision`}
            label={false}
            choices={[
              { id: 'CONFIRM', name: translate('capaian.sanctions.confirm') },
              { id: 'DISMISS', name: translate('capaian.sanctions.dismiss') },
            ]}
          />
          <TextInput source={`decisions.${k}.note`} label="resources.sanctions.fields.note" fullWidth />
        </div>
      ))}
    </SimpleForm>
  );
}
