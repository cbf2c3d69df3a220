/**
 * "Anda sedang luring": shown while the browser is offline or the last request got no answer, gone when the
 * connection is back, and the page's data then fetched again (what failed meanwhile shows up without a reload). On a
 * phone the network comes and goes; a form sent meanwhile is not saved, and says so here.
 */
import { useEffect, useRef } from 'react';
import { Alert, AlertTitle } from '@mui/material';
import { useRefresh, useTranslate } from 'react-admin';
import { useOffline } from './connection';

export function OfflineBanner() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const offline = useOffline();
  const was = useRef(offline);
  useEffect(() => {
    if (was.current && !offline) refresh();
    was.current = offline;
  }, [offline, refresh]);
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
