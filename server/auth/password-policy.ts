/**
 * The password policy (one place: the change-password route, its OpenAPI schema and the console's hints follow it)
 * and one-time passwords for new and reset accounts, drawn from the operating system's randomness.
 */
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { DEMO_PASSWORD } from '../../prisma/seed/seed-database';
import { ApiError } from '../http/api-error';

/** Shortest accepted password. */
export const MIN_PASSWORD_LENGTH = 10;

const FIELD = 'Kata sandi baru / new password';

/** The new password: length, a letter and a digit, not the published demo password. */
export const newPasswordSchema = z
  .string({ error: `${FIELD}: wajib diisi / required` })
  .min(
    MIN_PASSWORD_LENGTH,
    `${FIELD}: minimal ${MIN_PASSWORD_LENGTH} karakter / at least ${MIN_PASSWORD_LENGTH} characters`,
  )
  .max(200, `${FIELD}: maksimal 200 karakter / at most 200 characters`)
  .refine((p) => /\p{L}/u.test(p) && /\p{N}/u.test(p), {
    error: `${FIELD}: harus memuat huruf dan angka / must contain a letter and a digit`,
  })
  .refine((p) => p !== DEMO_PASSWORD, {
    error: `${FIELD}: kata sandi demo tidak boleh dipakai / the demo password is not allowed`,
  });

/** Body of `POST /api/auth/change-password`. */
export const changePasswordSchema = z.strictObject({
  currentPassword: z
    .string({ error: 'Kata sandi sekarang / current password: wajib diisi / required' })
    .min(1, 'Kata sandi sekarang / current password: wajib diisi / required')
    .max(200),
  newPassword: newPasswordSchema,
});

/** Refusals that need the account: the new password may not be the username (NIP) nor the password it replaces. */
export function assertAcceptable(newPassword: string, username: string, sameAsCurrent: boolean): void {
  const refuse = (message: string) =>
    ApiError.badRequest(`${FIELD}: ${message}`, { fields: [{ field: 'newPassword', message }] });
  if (newPassword.toLowerCase().includes(username.toLowerCase()))
    throw refuse('tidak boleh memuat nama pengguna atau NIP / must not contain the username or NIP');
  if (sameAsCurrent) throw refuse('harus berbeda dari kata sandi sekarang / must differ from the current password');
}

// No 0/o, 1/l/i: a one-time password is read off a screen and typed in.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A one-time password: three groups of four (about 59 bits), with a letter and a digit, e.g. `k7mq-2xpa-9rte`. */
export function oneTimePassword(): string {
  for (;;) {
    const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
    const out = `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
    if (/[a-z]/.test(out) && /\d/.test(out)) return out;
  }
}
