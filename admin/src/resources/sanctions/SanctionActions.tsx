/** Confirm or dismiss a recommended sanction: a human decision with a note, sent pessimistically. */
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { useAction } from '../../common/use-action';

export function SanctionActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions<{ roles: string[] }>();
  const [decision, setDecision] = useState<'confirm' | 'dismiss' | null>(null);
  const [note, setNote] = useState('');
  const { run, isPending } = useAction();
  if (!record || record.status !== 'RECOMMENDED' || !permissions?.roles?.includes('HR_ADMIN')) return null;
  return (
    <Stack direction="row" spacing={1} onClick={(e) => e.stopPropagation()}>
      <Button size="small" variant="contained" onClick={() => setDecision('confirm')}>
        {translate('capaian.sanctions.confirm')}
      </Button>
      <Button size="small" color="warning" onClick={() => setDecision('dismiss')}>
        {translate('capaian.sanctions.dismiss')}
      </Button>
      <Dialog open={!!decision} onClose={() => setDecision(null)} fullWidth maxWidth="sm">
        <DialogTitle>
          {decision && translate(`capaian.sanctions.${decision}_title`, { label: record.label })}
        </DialogTitle>
        <DialogContent>
          <TextField
            label={translate('resources.sanctions.fields.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            fullWidth
            multiline
            minRows={2}
            margin="dense"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDecision(null)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={isPending}
            onClick={async () => {
              await run(`/sanctions/${record.id}/${decision}`, { note: note || undefined });
              setDecision(null);
            }}
          >
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
