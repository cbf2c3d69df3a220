/**
 * Akun Saya: change the password (required after a one-time or reset password: the layout sends every page here until
 * it is changed), and the language. The server answers a new token; the old ones end.
 */
import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { Title, useLocaleState, useLocales, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { EmailPreferenceCard } from '../notifications/EmailPreferenceCard';
import { sessionUser } from '../providers/auth-provider';
import { api, TOKEN_KEY, USER_KEY } from '../providers/http';

export default function MyAccountPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [locale, setLocale] = useLocaleState();
  const locales = useLocales();
  const user = sessionUser();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setForm({ ...form, [k]: e.target.value });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (form.newPassword !== form.confirm) return setErrors({ confirm: translate('capaian.account.mismatch') });
    setSaving(true);
    try {
      const { token } = await api<{ token: string }>('/auth/change-password', {
        body: { currentPassword: form.currentPassword, newPassword: form.newPassword },
      });
      localStorage.setItem(TOKEN_KEY, token);
      localStorage.setItem(USER_KEY, JSON.stringify({ ...user, mustChangePassword: false }));
      setErrors({});
      setForm({ currentPassword: '', newPassword: '', confirm: '' });
      notify('capaian.account.changed', { type: 'success' });
      if (user?.mustChangePassword) navigate('/');
    } catch (err: any) {
      setErrors(err?.body?.errors ?? {});
      notify(err?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box sx={{ maxWidth: 560, mt: 2 }}>
      <Title title={translate('capaian.account.title')} />
      <Typography variant="h5" sx={{ mb: 2 }}>
        {translate('capaian.account.title')}
      </Typography>
      {user?.mustChangePassword && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="must-change-password">
          {translate('capaian.account.must_change')}
        </Alert>
      )}
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="body2">
            {translate('capaian.account.username')}: <b>{user?.username}</b>
          </Typography>
          <Typography variant="body2">
            {translate('capaian.account.roles')}:{' '}
            {(user?.roles ?? []).map((r) => translate(`capaian.enum.role.${r}`)).join(', ')}
          </Typography>
        </CardContent>
      </Card>
      <Card sx={{ mb: 2 }}>
        <CardContent component="form" onSubmit={submit}>
          <Typography variant="h6">{translate('capaian.account.change_password')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('capaian.account.policy')}
          </Typography>
          <Stack spacing={2}>
            {(
              [
                ['currentPassword', 'current_password'],
                ['newPassword', 'new_password'],
                ['confirm', 'confirm_password'],
              ] as const
            ).map(([name, label]) => (
              <TextField
                key={name}
                name={name}
                type="password"
                label={translate(`capaian.account.${label}`)}
                value={form[name]}
                onChange={set(name)}
                error={!!errors[name]}
                helperText={errors[name]}
                required
                autoComplete={name === 'currentPassword' ? 'current-password' : 'new-password'}
              />
            ))}
            <Button type="submit" variant="contained" disabled={saving}>
              {translate('capaian.account.save')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
      {!user?.mustChangePassword && (
        <Card>
          <CardContent>
            <TextField
              select
              label={translate('capaian.account.language')}
              value={locale}
              onChange={(e) => setLocale(e.target.value)}
              sx={{ minWidth: 240 }}
            >
              {locales.map((l) => (
                <MenuItem key={l.locale} value={l.locale}>
                  {l.name}
                </MenuItem>
              ))}
            </TextField>
          </CardContent>
        </Card>
      )}
      {!user?.mustChangePassword && <EmailPreferenceCard />}
    </Box>
  );
}
