/**
 * "Anda sedang luring": shown while the browser is offline or the last request got no answer, gone when the
 * connection is back. On a phone the network comes and goes; a form sent meanwhile is not saved, and says so here.
 */
import { Alert, AlertTitle } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useOffline } from './connection';

export function OfflineBanner() {
  const translate = useTranslate();
  const offline = useOffline();
  if (!offline) return null;
  return (
    <Alert
      severity="warning"
      variant="filled"
      data-testid="offline-banner"
      sx={{ position: 'sticky', top: 0, zIndex: (t) => t.zIndex.appBar + 1, my: 1 }}
    >
      <AlertTitle>{translate('capaian.phone.offline_title')}</AlertTitle>
      {translate('capaian.phone.offline')}
    </Alert>
  );
}
