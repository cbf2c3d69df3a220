/** Request bodies of /api/users: strict (an unknown key is a 400 naming it); roles from the closed list. */
import { z } from 'zod';

/** A row id (PostgreSQL integer): larger ones are a 400, not a 500. */
const idSchema = () =>
  z
    .number({ error: 'harus bilangan bulat positif / must be a positive integer' })
    .int('harus bilangan bulat / must be an integer')
    .positive('harus bilangan bulat positif / must be positive')
    .max(2_147_483_647, 'id di luar jangkauan / id out of range');

export const ROLES = ['EMPLOYEE', 'HR_ADMIN', 'AUDITOR', 'CALIBRATOR'] as const;

const roles = z
  .array(z.enum(ROLES, { error: `peran harus salah satu dari ${ROLES.join(', ')} / unknown role` }), {
    error: 'Peran wajib diisi / roles required',
  })
  .min(1, 'Pilih minimal satu peran / at least one role')
  .max(ROLES.length)
  .refine((r) => new Set(r).size === r.length, 'Peran tidak boleh berulang / roles must not repeat');

/** `POST /api/users`: an account for an employee (username = NIP unless given), or a named account without one. */
export const createUserSchema = z.strictObject({
  employeeId: idSchema().nullable().optional(),
  username: z
    .string()
    .trim()
    .min(3, 'Minimal 3 karakter / at least 3 characters')
    .max(100)
    .regex(/^[a-z0-9._-]+$/i, 'Hanya huruf, angka, titik, garis bawah dan strip / letters, digits, . _ - only')
    .optional(),
  roles,
  calibrationUnitId: idSchema().nullable().optional(),
});

/** `PUT /api/users/:id`: the roles (all of them) and the calibrator's unit. */
export const updateUserSchema = z.strictObject({
  roles,
  calibrationUnitId: idSchema().nullable().optional(),
});

/** Deactivation, reactivation and password reset say why (kept in the audit log). */
export const reasonSchema = z.strictObject({
  reason: z
    .string({ error: 'Alasan wajib diisi / reason required' })
    .trim()
    .min(3, 'Alasan minimal 3 karakter / at least 3 characters')
    .max(500),
});
