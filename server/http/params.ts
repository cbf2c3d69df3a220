/** Path parameter parsing with errors that name the parameter. */
import { z } from 'zod';
import { ApiError } from './api-error';

/** Parses a positive integer id from a path parameter. */
export function parseId(value: unknown, name = 'id'): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_ID) {
    throw ApiError.badRequest(`${name}: harus bilangan bulat positif / must be a positive integer`, {
      fields: [{ field: name, message: 'harus bilangan bulat positif' }],
    });
  }
  return n;
}

/** Largest id a database row can have (PostgreSQL `integer`). */
export const MAX_ID = 2_147_483_647;

/** A row id in a request body: a positive integer a database column can hold (larger ones are a 400, not a 500). */
export const idSchema = (message = 'Wajib diisi') =>
  z
    .number({ error: message })
    .int('harus bilangan bulat / must be an integer')
    .positive('harus bilangan bulat positif / must be positive')
    .max(MAX_ID, `id di luar jangkauan (maksimal ${MAX_ID}) / id out of range`);
