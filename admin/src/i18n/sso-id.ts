/** Single sign-on on the login page (server/auth/oidc.routes.ts), Bahasa Indonesia; sso-en.ts has the same keys. */
export const ssoId = {
  capaian: {
    sso: {
      button: 'Masuk dengan SSO',
      or: 'atau masuk dengan nama pengguna dan kata sandi',
      signing_in: 'Sedang masuk dengan SSO…',
      failed: 'Masuk dengan SSO gagal: kode sudah kedaluwarsa atau sudah dipakai. Silakan ulangi.',
    },
  },
};
