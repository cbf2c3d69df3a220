/**
 * The save of a new Plt/Plh asks first, in words: who acts for whom, from which day to which, and what moves. The
 * server's field errors still land on the fields (the form's own submission path).
 */
import { useState } from 'react';
import {
  Button,
  Confirm,
  setSubmissionErrors,
  Toolbar,
  useDataProvider,
  useLocaleState,
  useSaveContext,
  useTranslate,
} from 'react-admin';
import { useFormContext } from 'react-hook-form';
import SaveIcon from '@mui/icons-material/Save';
import { dayText } from './day';

const LABEL: Record<string, string> = { PLT: 'Plt.', PLH: 'Plh.' };

export function ConfirmDelegationToolbar() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider();
  const { handleSubmit, trigger, getValues, setError } = useFormContext();
  const { save, saving } = useSaveContext();
  const [words, setWords] = useState<string | null>(null);

  const ask = async () => {
    if (!(await trigger())) return;
    const v = getValues();
    const { data } = await dataProvider.getMany('employees', { ids: [v.principalId, v.actingId] });
    const name = (id: number) => data.find((e: any) => e.id === id)?.name ?? String(id);
    setWords(
      translate('capaian.delegations.create_confirm', {
        label: LABEL[v.kind] ?? v.kind,
        acting: name(v.actingId),
        principal: name(v.principalId),
        from: dayText(v.startsOn, locale),
        to: dayText(v.endsOn, locale),
      }),
    );
  };
  const submit = handleSubmit(async (values) => {
    const errors = await save?.(values);
    if (errors) setSubmissionErrors(errors, setError);
  });

  return (
    <Toolbar>
      <Button
        label="ra.action.save"
        variant="contained"
        size="medium"
        startIcon={<SaveIcon />}
        disabled={!!saving}
        onClick={ask}
      />
      <Confirm
        isOpen={words !== null}
        title="capaian.delegations.create_confirm_title"
        content={words ?? ''}
        confirm="capaian.delegations.create_confirm_yes"
        onConfirm={async () => {
          setWords(null);
          await submit();
        }}
        onClose={() => setWords(null)}
      />
    </Toolbar>
  );
}
