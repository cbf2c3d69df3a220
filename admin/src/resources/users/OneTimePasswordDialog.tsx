/** Shows a one-time password once, with a copy button; closing it is the only way on (the server keeps no copy). */
import { useState } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useTranslate } from 'react-admin';

export function OneTimePasswordDialog(props: { username: string; password: string; onClose: () => void }) {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(props.password).catch(() => undefined);
    setCopied(true);
  };
  return (
    <Dialog open onClose={props.onClose} data-testid="one-time-password-dialog">
      <DialogTitle>{translate('capaian.users.one_time_title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('capaian.users.one_time_help', { username: props.username })}
        </Typography>
        <Box
          data-testid="one-time-password"
          sx={{
            fontFamily: 'monospace',
            fontSize: 24,
            letterSpacing: 2,
            p: 2,
            bgcolor: 'action.hover',
            textAlign: 'center',
          }}
        >
          {props.password}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={copy}>
          {translate(copied ? 'capaian.users.copied' : 'capaian.users.copy')}
        </Button>
        <Button variant="contained" onClick={props.onClose}>
          {translate('capaian.users.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
