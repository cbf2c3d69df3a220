/** Single sign-on on the login page, English (the keys of sso-id.ts). */
export const ssoEn = {
  capaian: {
    sso: {
      button: 'Sign in with SSO',
      or: 'or sign in with user name and password',
      signing_in: 'Signing in with SSO…',
      failed: 'Single sign-on failed: the code has expired or was already used. Please try again.',
    },
  },
};
