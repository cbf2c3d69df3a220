/** Deactivate / reactivate / reset the password of an account, each confirmed with a reason (audited by the server). */
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useAction } from '../../common/use-action';
import { OneTimePasswordDialog } from './OneTimePasswordDialog';

type Kind = 'deactivate' | 'reactivate' | 'reset-password';

const CONFIRM: Record<Kind, string> = {
  deactivate: 'capaian.users.confirm_deactivate',
  reactivate: 'capaian.users.confirm_reactivate',
  'reset-password': 'capaian.users.confirm_reset',
};
const LABEL: Record<Kind, string> = {
  deactivate: 'capaian.users.deactivate',
  reactivate: 'capaian.users.reactivate',
  'reset-password': 'capaian.users.reset_password',
};

export function AccountActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [asking, setAsking] = useState<Kind | null>(null);
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState<string | null>(null);
  const action = useAction({ successMessage: 'capaian.action.done' });
  if (!record) return null;
  const confirm = async () => {
    const kind = asking!;
    const result = await action.run(`/users/${record.id}/${kind}`, { reason });
    if (!result) return;
    setAsking(null);
    setReason('');
    if (kind === 'reset-password') setPassword(result.oneTimePassword);
  };
  const kinds: Kind[] = record.active ? ['reset-password', 'deactivate'] : ['reactivate'];
  return (
    <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
      {kinds.map((kind) => (
        <Button
          key={kind}
          variant="outlined"
          color={kind === 'deactivate' ? 'error' : 'primary'}
          onClick={() => setAsking(kind)}
        >
          {translate(LABEL[kind])}
        </Button>
      ))}
      {asking && (
        <Dialog open onClose={() => setAsking(null)}>
          <DialogTitle>{translate(LABEL[asking])}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" sx={{ mb: 2 }}>
              {translate(CONFIRM[asking], { username: record.username })}
            </Typography>
            <TextField
              label={translate('capaian.users.reason')}
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              fullWidth
              required
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setAsking(null)}>{translate('ra.action.cancel')}</Button>
            <Button variant="contained" disabled={action.isPending || reason.trim().length < 3} onClick={confirm}>
              {translate('ra.action.confirm')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
      {password && (
        <OneTimePasswordDialog username={record.username} password={password} onClose={() => setPassword(null)} />
      )}
    </Stack>
  );
}
