/** zod validation middleware: a bad body or query becomes a 400 naming each field. */
import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { ApiError, type FieldError } from './api-error';

/** Turns zod issues into field errors (`items.0.title: Wajib diisi`). */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(body)', message: i.message }));
}

/** Parses `value` with `schema` or throws a 400 ApiError listing every invalid field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields = fieldErrors(result.error);
    const message = `Data tidak valid: ${fields.map((f) => `${f.field} — ${f.message}`).join('; ')}`;
    throw ApiError.badRequest(message, { fields });
  }
  return result.data;
}

/** Validates `req.body` and replaces it with the parsed value. */
export function validateBody<S extends z.ZodType>(schema: S) {
  return (req: Request, _res: Response, next: NextFunction) => {
    req.body = parseOrThrow(schema, req.body ?? {});
    next();
  };
}
