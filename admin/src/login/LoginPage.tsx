/**
 * The login page: react-admin's user name and password form, and "Masuk dengan SSO" when the server says single
 * sign-on is on (GET /api/auth/config). Coming back from the provider, the URL carries a one-time code (`?sso=` in
 * the hash, never sent to a server): it is traded for a token by POST /api/auth/oidc/exchange (authProvider.login).
 * The language switch is here too, so that a refused sign-in reads in the chosen language. Once the person starts
 * typing, the code of the first screens after sign-in (home, task inbox, a task) is fetched, so that on a slow
 * regional line signing in waits only for data (scripts/measure-regional.ts); the page itself needs only the initial
 * JavaScript.
 */
import { useEffect, useRef, useState } from 'react';
import { Box, Button, CircularProgress, Typography } from '@mui/material';
import { LocalesMenuButton, Login, useLogin, useNotify, useTranslate } from 'react-admin';
import { useLocation, useNavigate } from 'react-router-dom';
import { api } from '../providers/http';
import { SignInForm } from './SignInForm';
import { OfflineBanner } from '../layout/OfflineBanner';

/** The screens every employee opens after signing in: home, the task inbox, a task's form. */
const PREFETCH = [
  () => import('../dashboard/Dashboard'),
  () => import('../resources/tasks/TaskList'),
  () => import('../resources/tasks/TaskPage'),
];

/** The login page with its single sign-on button. */
export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const navigate = useNavigate();
  const { search } = useLocation();
  const code = new URLSearchParams(search).get('sso');
  const [sso, setSso] = useState(false);
  const tried = useRef(false);
  const prefetched = useRef(false);
  // Once, at the first key or click; a failure (offline) is retried when the screen is opened.
  const prefetch = () => {
    if (prefetched.current) return;
    prefetched.current = true;
    for (const load of PREFETCH) load().catch(() => undefined);
  };

  useEffect(() => {
    let live = true;
    api<{ sso: boolean }>('/auth/config')
      .then((c) => live && setSso(c.sso))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!code || tried.current) return;
    tried.current = true;
    login({ ssoCode: code }).catch(() => {
      notify('capaian.sso.failed', { type: 'error' });
      navigate('/login', { replace: true });
    });
  }, [code, login, notify, navigate]);

  return (
    <Login onKeyDownCapture={prefetch} onPointerDownCapture={prefetch}>
      {/* The language is chosen before signing in: a refused sign-in is worded in it too. */}
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', px: 1, pt: 1 }} data-testid="login-language">
        <LocalesMenuButton />
      </Box>
      <Box sx={{ px: 1, maxWidth: 300, boxSizing: 'border-box' }}>
        <OfflineBanner />
      </Box>
      {code ? (
        <Box sx={{ p: 3, display: 'flex', gap: 2, alignItems: 'center' }}>
          <CircularProgress size={20} aria-label={translate('capaian.sso.signing_in')} />
          <Typography>{translate('capaian.sso.signing_in')}</Typography>
        </Box>
      ) : (
        <>
          {sso && (
            <Box sx={{ px: 2, pt: 2, maxWidth: 300, boxSizing: 'border-box' }}>
              <Button variant="contained" fullWidth href="/api/auth/oidc/start">
                {translate('capaian.sso.button')}
              </Button>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 2, textAlign: 'center' }}>
                {translate('capaian.sso.or')}
              </Typography>
            </Box>
          )}
          <SignInForm />
        </>
      )}
    </Login>
  );
}
