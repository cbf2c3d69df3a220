/**
 * The username and password form of the login page: react-admin's LoginForm, except that the button keeps its words
 * while signing in (its spinner is named), so a screen reader never meets a nameless button.
 */
import { useState } from 'react';
import { Button, CardContent, CircularProgress } from '@mui/material';
import { Form, PasswordInput, required, TextInput, useLogin, useNotify, useTranslate } from 'react-admin';

export function SignInForm() {
  const [loading, setLoading] = useState(false);
  const login = useLogin();
  const translate = useTranslate();
  const notify = useNotify();
  const submit = (values: Record<string, unknown>) => {
    setLoading(true);
    login(values)
      .then(() => setLoading(false))
      .catch((error: unknown) => {
        setLoading(false);
        const message =
          typeof error === 'string' ? error : ((error as Error | undefined)?.message ?? 'ra.auth.sign_in_error');
        notify(message || 'ra.auth.sign_in_error', { type: 'error', messageArgs: { _: message || undefined } });
      });
  };
  return (
    <Form onSubmit={submit} mode="onChange" noValidate>
      <CardContent sx={{ width: 300, pb: '16px !important' }}>
        <TextInput
          autoFocus
          source="username"
          label={translate('ra.auth.username')}
          autoComplete="username"
          validate={required()}
        />
        <PasswordInput
          source="password"
          label={translate('ra.auth.password')}
          autoComplete="current-password"
          validate={required()}
        />
        <Button
          variant="contained"
          type="submit"
          color="primary"
          disabled={loading}
          fullWidth
          sx={{ mt: 2 }}
          startIcon={loading ? <CircularProgress size={16} aria-label={translate('ra.page.loading')} /> : undefined}
        >
          {translate('ra.auth.sign_in')}
        </Button>
      </CardContent>
    </Form>
  );
}
