/**
 * "Mulai siklus" asks first, in words: what starting does (the rule versions in force are pinned; every active
 * employee of the unit, and of the units below it when chosen, gets an appraisal and a first task), how many
 * employees that is, how often they are evaluated, and that a started cycle can be cancelled but not changed.
 */
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useAction } from '../../common/use-action';
import { DEFAULT_DAYS } from './CycleSettings';
import { useActiveEmployees, useCycleUnits } from './scope';

const MONTHS: Record<string, number> = { MONTH: 1, QUARTER: 3, SEMESTER: 6, YEAR: 12 };

export function StartCycleButton({ record }: { record: any }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run, isPending } = useAction();
  const units = useCycleUnits(open ? record.unitId : undefined, record.includeDescendants);
  const employees = useActiveEmployees(open ? units.data : undefined);
  const months = MONTHS[record.period?.type] ?? 12;
  const evaluations = record.evaluationFrequency
    ? Math.max(1, Math.round(months / MONTHS[record.evaluationFrequency]))
    : 1;
  const planning = (record.settings?.planningDays as number | undefined) ?? DEFAULT_DAYS.planningDays;
  return (
    <>
      <Button variant="contained" disabled={isPending} onClick={() => setOpen(true)} data-testid="start-cycle">
        {translate('capaian.cycles.start')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="start-title">
        <DialogTitle id="start-title">{translate('capaian.work.start_title', { name: record.name })}</DialogTitle>
        <DialogContent>
          <DialogContentText data-testid="start-words">
            {employees.data === undefined
              ? translate('capaian.work.start_counting')
              : translate('capaian.work.start_words', {
                  smart_count: employees.data,
                  unit: record.unit?.name ?? '',
                  scope: translate(record.includeDescendants ? 'capaian.work.with_subunits' : 'capaian.work.unit_only'),
                  period: record.period?.label ?? '',
                  evaluations: translate('capaian.work.evaluations', { smart_count: evaluations }),
                  days: planning,
                })}
          </DialogContentText>
          <DialogContentText sx={{ mt: 1 }}>{translate('capaian.work.start_final')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={isPending || employees.data === undefined}
            onClick={async () => {
              await run(`/cycles/${record.id}/start`);
              setOpen(false);
            }}
          >
            {translate('capaian.work.start_confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
