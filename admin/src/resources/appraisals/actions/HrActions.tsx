/**
 * HR's interventions on one appraisal, each asking first in words: another rater (POST …/reassign-rater; the open
 * rating, plan-review and appeal tasks move with it), and a transfer or the employee leaving (POST …/employment; a
 * transfer names the new unit and/or rater, leaving ends the appraisal and the employee's account).
 */
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { useAction } from '../../../common/use-action';
import { sessionUser } from '../../../providers/auth-provider';
import { RecordPicker, type Picked } from './RecordPicker';

const OVER = ['DONE', 'CANCELLED', 'FAILED'];

function ReassignRater({ record }: { record: any }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [rater, setRater] = useState<Picked | null>(null);
  const [superior, setSuperior] = useState<Picked | null>(null);
  const [reason, setReason] = useState('');
  const { run, isPending } = useAction({
    successMessage: 'capaian.work.rater_changed',
    onSuccess: () => setOpen(false),
  });
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="reassign-rater">
        {translate('capaian.work.reassign')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="reassign-title">
        <DialogTitle id="reassign-title">{translate('capaian.work.reassign_title')}</DialogTitle>
        <DialogContent>
          <RecordPicker
            resource="employees"
            name="raterId"
            label={translate('capaian.work.new_rater')}
            value={rater}
            onChange={setRater}
            filter={{ status: 'ACTIVE' }}
          />
          <RecordPicker
            resource="employees"
            name="raterSuperiorId"
            label={translate('capaian.work.new_rater_superior')}
            value={superior}
            onChange={setSuperior}
            filter={{ status: 'ACTIVE' }}
          />
          <TextField
            label={translate('capaian.work.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            fullWidth
            margin="dense"
            name="reason"
          />
          {rater && (
            <Typography sx={{ mt: 2 }} data-testid="reassign-words">
              {translate('capaian.work.reassign_words', {
                employee: record.employee?.name ?? '',
                from: record.rater?.name ?? '—',
                to: rater.label,
              })}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={!rater || isPending}
            onClick={() =>
              run(`/appraisals/${record.id}/reassign-rater`, {
                raterId: rater!.id,
                raterSuperiorId: superior?.id ?? null,
                ...(reason.trim() ? { reason: reason.trim() } : {}),
              })
            }
          >
            {translate('capaian.work.reassign_confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

function Employment({ record }: { record: any }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'TRANSFER' | 'LEAVE'>('TRANSFER');
  const [unit, setUnit] = useState<Picked | null>(null);
  const [rater, setRater] = useState<Picked | null>(null);
  const [reason, setReason] = useState('');
  const { run, isPending } = useAction({
    successMessage: 'capaian.work.employment_done',
    onSuccess: () => setOpen(false),
  });
  const name = record.employee?.name ?? '';
  const ready = kind === 'LEAVE' || !!unit || !!rater;
  const words =
    kind === 'LEAVE'
      ? translate('capaian.work.leave_words', { employee: name })
      : translate('capaian.work.transfer_words', {
          employee: name,
          unit: unit?.label ?? translate('capaian.work.same_unit'),
          rater: rater?.label ?? translate('capaian.work.rater_of_unit'),
        });
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="employment">
        {translate('capaian.work.employment')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="employment-title">
        <DialogTitle id="employment-title">
          {translate('capaian.work.employment_title', { employee: name })}
        </DialogTitle>
        <DialogContent>
          <RadioGroup row value={kind} onChange={(e) => setKind(e.target.value as 'TRANSFER' | 'LEAVE')} name="kind">
            <FormControlLabel value="TRANSFER" control={<Radio />} label={translate('capaian.work.transfer')} />
            <FormControlLabel value="LEAVE" control={<Radio />} label={translate('capaian.work.leave')} />
          </RadioGroup>
          {kind === 'TRANSFER' && (
            <>
              <RecordPicker
                resource="units"
                name="newUnitId"
                label={translate('capaian.work.new_unit')}
                value={unit}
                onChange={setUnit}
              />
              <RecordPicker
                resource="employees"
                name="newRaterId"
                label={translate('capaian.work.new_rater')}
                value={rater}
                onChange={setRater}
                filter={{ status: 'ACTIVE' }}
              />
            </>
          )}
          <TextField
            label={translate('capaian.work.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            fullWidth
            margin="dense"
            name="reason"
          />
          {ready && (
            <Typography sx={{ mt: 2 }} color={kind === 'LEAVE' ? 'error' : undefined} data-testid="employment-words">
              {words}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            color={kind === 'LEAVE' ? 'error' : 'primary'}
            disabled={!ready || isPending}
            onClick={() =>
              run(`/appraisals/${record.id}/employment`, {
                kind,
                ...(kind === 'TRANSFER' ? { newUnitId: unit?.id ?? null, newRaterId: rater?.id ?? null } : {}),
                ...(reason.trim() ? { reason: reason.trim() } : {}),
              })
            }
          >
            {translate(kind === 'LEAVE' ? 'capaian.work.leave_confirm' : 'capaian.work.transfer_confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** The HR buttons of a running appraisal (none once it is over, none for anyone else, none on one's own). */
export function HrActions() {
  const record = useRecordContext();
  const { permissions } = usePermissions<{ roles: string[] }>();
  if (!record || !permissions?.roles?.includes('HR_ADMIN') || OVER.includes(record.stage)) return null;
  // Never one's own case: another HR admin changes the rater of, or transfers, an HR admin.
  if (sessionUser()?.employeeId === record.employeeId) return null;
  return (
    <>
      <ReassignRater record={record} />
      <Employment record={record} />
    </>
  );
}
