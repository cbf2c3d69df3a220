/**
 * "Minta revisi SKP": the employee or their rater asks to revise the plan in force while a period runs; a dialog
 * asks for the reason, the server's answer (or its refusal, in words) is notified.
 */
import { useState } from 'react';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useAction } from '../../../common/use-action';

export function PlanRevisionButton({ appraisalId, onDone }: { appraisalId: number; onDone?: () => void }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const close = () => setOpen(false);
  // The dialog stays open on a refusal (the server's message is notified) so the reason can be corrected.
  const { run, isPending } = useAction({
    successMessage: 'capaian.year.revision_sent',
    onSuccess: () => {
      setOpen(false);
      setReason('');
      onDone?.();
    },
  });
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<EditNoteIcon />}
        onClick={() => setOpen(true)}
        data-testid="request-plan-revision"
      >
        {translate('capaian.year.request_revision')}
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="plan-revision-title">
        <DialogTitle id="plan-revision-title">{translate('capaian.year.revision_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('capaian.year.revision_help')}</DialogContentText>
          <TextField
            label={translate('capaian.year.revision_reason')}
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            autoFocus
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={isPending}
            onClick={() => run(`/appraisals/${appraisalId}/plan-revision`, { reason })}
          >
            {translate('capaian.year.request_revision')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
