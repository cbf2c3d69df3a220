/** zod validation middleware: a bad body or query becomes a 400 naming each field. */
import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { zodFieldErrors } from '../../workflows/task-payloads';
import { ApiError, type FieldError } from './api-error';

/** Turns zod issues into field errors (`items.0.title: Wajib diisi`; an unknown key named as such). */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return zodFieldErrors(error).map((f) => ({ ...f, field: f.field === '(payload)' ? '(body)' : f.field }));
}

/** Paths of the strings in `value` that hold a NUL character, which PostgreSQL text cannot store. */
function nulStrings(value: unknown, at: string[] = [], out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(at.join('.') || '(body)');
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) nulStrings(v, [...at, k], out);
  return out;
}

/** Parses `value` with `schema` or throws a 400 ApiError listing every invalid field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw ApiError.invalidFields(fieldErrors(result.error));
  const nul = nulStrings(result.data);
  if (nul.length)
    throw ApiError.invalidFields(
      nul.map((field) => ({ field, message: 'karakter NUL tidak diizinkan / NUL character' })),
    );
  return result.data;
}

/**
 * Throws when an object anywhere in `schema` would accept keys it does not name (zod's default strips them
 * silently): every request body is strict, so a key the server does not know is a 400 naming it. Checked when the
 * route is built, so a new route with a loose schema fails at start and in every test.
 */
export function assertStrict(schema: z.ZodType, at = '(body)'): void {
  const def = (schema as any)._zod.def;
  switch (def.type) {
    case 'object':
      if (def.catchall?._zod.def.type !== 'never')
        throw new Error(`Skema ${at} tidak ketat: pakai z.strictObject / request schema ${at} must be strict`);
      for (const [key, value] of Object.entries(def.shape)) assertStrict(value as z.ZodType, `${at}.${key}`);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return assertStrict(def.innerType, at);
    case 'pipe':
      return assertStrict(def.in, at);
    case 'array':
      return assertStrict(def.element, `${at}.*`);
    case 'record':
      return assertStrict(def.valueType, `${at}.*`);
    case 'union':
      for (const option of def.options) assertStrict(option, at);
      return;
    default:
      return;
  }
}

/** Validates `req.body` with a strict schema and replaces it with the parsed value. */
export function validateBody<S extends z.ZodType>(schema: S) {
  assertStrict(schema);
  return (req: Request, _res: Response, next: NextFunction) => {
    req.body = parseOrThrow(schema, req.body ?? {});
    next();
  };
}
