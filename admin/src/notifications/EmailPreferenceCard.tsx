/**
 * Akun Saya → Notifikasi e-mail: the user turns their notification e-mails on or off (PUT /api/auth/me/notifications,
 * audited), seeing the address they go to, or why none will arrive (no address on the employee record; no SMTP).
 */
import { useEffect, useState } from 'react';
import { Card, CardContent, FormControlLabel, Switch, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { api } from '../providers/http';

interface Preferences {
  emailNotifications: boolean;
  email: string | null;
  mailEnabled: boolean;
}

export function EmailPreferenceCard() {
  const translate = useTranslate();
  const notify = useNotify();
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    api<Preferences>('/auth/me/notifications')
      .then(setPrefs)
      .catch(() => setPrefs(null));
  }, []);
  if (!prefs) return null;

  const change = async (on: boolean) => {
    setSaving(true);
    try {
      setPrefs(await api<Preferences>('/auth/me/notifications', { method: 'PUT', body: { emailNotifications: on } }));
      notify(on ? 'capaian.notifications.email_saved_on' : 'capaian.notifications.email_saved_off', {
        type: 'success',
      });
    } catch (err: any) {
      notify(err?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }} data-testid="email-notifications">
      <CardContent>
        <Typography variant="h6">{translate('capaian.notifications.email_title')}</Typography>
        <FormControlLabel
          control={
            <Switch
              checked={prefs.emailNotifications}
              disabled={saving}
              onChange={(e) => void change(e.target.checked)}
            />
          }
          label={translate('capaian.notifications.email_label')}
        />
        <Typography variant="body2" color="text.secondary">
          {!prefs.mailEnabled
            ? translate('capaian.notifications.email_server_off')
            : prefs.email
              ? translate('capaian.notifications.email_to', { email: prefs.email })
              : translate('capaian.notifications.email_no_address')}
        </Typography>
      </CardContent>
    </Card>
  );
}
