/**
 * sanction.decide: HR confirms or dismisses each recommended sanction or follow-up of the appraisal, each named in the
 * chosen language with its legal basis (the SANCTION rules' own words), never by its code.
 */
import { Typography } from '@mui/material';
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

interface Recommendation {
  code: string;
  title: string;
  titleEn?: string;
  basis?: string;
}

/** The open recommendations: the task's own list, or the appraisal's sanctions still recommended. */
function recommendations(task: any, appraisal: any): Recommendation[] {
  const listed: any[] | undefined = task.context?.recommendations;
  if (Array.isArray(listed))
    return listed.map((r) => ({ code: r.code, title: r.title, titleEn: r.params?.titleEn, basis: r.params?.basis }));
  return (appraisal?.sanctions ?? [])
    .filter((s: any) => s.status === 'RECOMMENDED')
    .map((s: any) => ({
      code: s.code,
      title: s.label,
      titleEn: s.explanation?.params?.titleEn,
      basis: s.explanation?.params?.basis,
    }));
}

export function SanctionDecisionForm({ task, appraisal }: { task: any; appraisal: any }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const complete = useCompleteTask(task.id);
  const list = recommendations(task, appraisal);
  return (
    <SimpleForm
      record={{ decisions: list.map((s) => ({ code: s.code, decision: 'CONFIRM', note: '' })) }}
      onSubmit={(v: any) => complete({ decisions: v.decisions.map((d: any) => ({ ...d, note: d.note || null })) })}
      toolbar={
        <Toolbar>
          <SaveButton label="capaian.action.send" alwaysEnable />
        </Toolbar>
      }
    >
      {list.map((s, k) => (
        <div key={s.code} style={{ width: '100%' }} data-testid={`recommendation-${k}`}>
          <Typography variant="subtitle1">{(locale === 'en' && s.titleEn) || s.title}</Typography>
          {s.basis && (
            <Typography variant="body2" color="text.secondary">
              {translate('capaian.work.sanction_basis')}: {s.basis}
            </Typography>
          )}
          <RadioButtonGroupInput
            source={`decisions.${k}.decision`}
            label={false}
            choices={[
              { id: 'CONFIRM', name: translate('capaian.work.sanction_confirm') },
              { id: 'DISMISS', name: translate('capaian.work.sanction_dismiss') },
            ]}
          />
          <TextInput source={`decisions.${k}.note`} label="resources.sanctions.fields.note" fullWidth />
        </div>
      ))}
    </SimpleForm>
  );
}
