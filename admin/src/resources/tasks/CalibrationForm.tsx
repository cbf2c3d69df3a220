/** calibration.unit: a unit breaks its distribution curve; the calibrator records a justification or adjusts predicates. */
import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  RadioButtonGroupInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useGetList,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { choices, PREDICATES } from '../../common/enums';
import { UnitDistribution } from './UnitDistribution';
import { useCompleteTask } from './use-complete';

/** A violation of the DISTRIBUTION rules: `{ code, message: { id, en } }` (rules/policy.helpers.ts), in the UI's language. */
function violationText(v: any, locale: string): string {
  if (typeof v === 'string') return v;
  const text = v?.message ?? v?.text;
  if (text && typeof text === 'object') return text[locale] ?? text.id ?? JSON.stringify(text);
  return typeof text === 'string' ? text : JSON.stringify(v);
}

/** The form field of one appraisal's new predicate (react-hook-form paths cannot start with a digit). */
const field = (appraisalId: number) => `predicates.a${appraisalId}`;

/** ADJUST: every appraisal of the unit with its predicate and a choice of a new one; the JUSTIFY text otherwise. */
function ActionFields({ appraisals }: { appraisals: any[] }) {
  const translate = useTranslate();
  const action = useWatch({ name: 'action' });
  if (action !== 'ADJUST')
    return (
      <TextInput source="justification" label="capaian.calibration.justification" multiline minRows={3} fullWidth />
    );
  return (
    <Box sx={{ width: '100%' }} data-testid="calibration-adjustments">
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('capaian.calibration.adjust_help')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.employees.fields.name')}</TableCell>
            <TableCell>{translate('capaian.calibration.current_predicate')}</TableCell>
            <TableCell>{translate('capaian.calibration.new_predicate')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {appraisals.map((a) => (
            <TableRow key={a.id} data-testid={`adjust-${a.id}`}>
              <TableCell>
                {a.employee?.name} ({a.employee?.nip})
              </TableCell>
              <TableCell>{a.predicate ? translate(`capaian.enum.predicate.${a.predicate}`) : '—'}</TableCell>
              <TableCell>
                <SelectInput
                  source={field(a.id)}
                  label={false}
                  // No label in a table cell: the combobox is named by the row's person.
                  slotProps={{
                    select: {
                      SelectDisplayProps: {
                        'aria-label': translate('capaian.a11y.new_predicate_for', { name: a.employee?.name ?? '' }),
                      } as Record<string, string>,
                    },
                  }}
                  choices={choices('predicate', PREDICATES)}
                  defaultValue={a.predicate}
                  helperText={false}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TextInput source="adjustmentNote" label="capaian.calibration.adjustment_note" fullWidth sx={{ mt: 2 }} />
    </Box>
  );
}

export function CalibrationForm({ task }: { task: any }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const complete = useCompleteTask(task.id);
  const violations: any[] = task.context?.violations ?? [];
  const { data: appraisals = [] } = useGetList('appraisals', {
    filter: { cycleId: task.cycleId, unitId: task.context?.unitId },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'id', order: 'ASC' },
  });
  const submit = async (v: any) => {
    if (v.action !== 'ADJUST')
      return complete({ action: 'JUSTIFY', justification: v.justification || null, adjustments: [] });
    const adjustments = appraisals
      .map((a) => ({ appraisalId: a.id as number, from: a.predicate, predicate: v.predicates?.[`a${a.id}`] }))
      .filter((a) => a.predicate && a.predicate !== a.from)
      .map(({ appraisalId, predicate }) => ({ appraisalId, predicate, note: v.adjustmentNote || null }));
    const errors = await complete({ action: 'ADJUST', justification: null, adjustments });
    // The server names `adjustments`, which no input has: an error there would block every later send; the root
    // error (shown by the notification) does not.
    return errors && { root: errors.root };
  };
  return (
    <>
      <UnitDistribution distribution={task.distribution} />
      {violations.map((v, k) => (
        <Alert key={k} severity="warning" sx={{ mb: 1 }}>
          {violationText(v, locale)}
        </Alert>
      ))}
      <SimpleForm
        record={{ action: 'JUSTIFY' }}
        onSubmit={submit}
        toolbar={
          <Toolbar>
            <SaveButton label="capaian.action.send" alwaysEnable />
          </Toolbar>
        }
      >
        <RadioButtonGroupInput
          source="action"
          label="capaian.calibration.action"
          choices={[
            { id: 'JUSTIFY', name: translate('capaian.calibration.justify') },
            { id: 'ADJUST', name: translate('capaian.calibration.adjust') },
          ]}
        />
        <ActionFields appraisals={appraisals} />
      </SimpleForm>
    </>
  );
}
