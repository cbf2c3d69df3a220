/** Path parameter parsing with errors that name the parameter. */
import { ApiError } from './api-error';

/** Parses a positive integer id from a path parameter. */
export function parseId(value: unknown, name = 'id'): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw ApiError.badRequest(`${name}: harus bilangan bulat positif / must be a positive integer`, {
      fields: [{ field: name, message: 'harus bilangan bulat positif' }],
    });
  }
  return n;
}
