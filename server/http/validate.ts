/** zod validation middleware: a bad body or query becomes a 400 naming each field. */
import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { zodFieldErrors } from '../../workflows/task-payloads';
import { ApiError, type FieldError } from './api-error';

/**
 * Turns zod issues into field errors (`items.0.title: Wajib diisi`; an unknown key named as such), each with a
 * `code` and `params` a client can word in its own language (`REQUIRED`, `TOO_SHORT {minimum}`, …) where zod says
 * what was wrong; `input` (the value parsed) tells a missing field from a wrong one.
 */
export function fieldErrors(error: z.ZodError, input?: unknown): FieldError[] {
  const coded = error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys.map(() => fieldCode(issue, input)) : [fieldCode(issue, input)],
  );
  return zodFieldErrors(error).map((f, i) => ({
    ...f,
    field: f.field === '(payload)' ? '(body)' : f.field,
    ...coded[i],
  }));
}

/** The value at `path` inside `value` (undefined when a step is missing). */
function at(value: unknown, path: PropertyKey[]): unknown {
  let v = value;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

const SIZE_CODES: Record<string, [string, string]> = {
  string: ['TOO_SHORT', 'TOO_LONG'],
  array: ['TOO_FEW', 'TOO_MANY'],
  set: ['TOO_FEW', 'TOO_MANY'],
  number: ['TOO_SMALL', 'TOO_BIG'],
  int: ['TOO_SMALL', 'TOO_BIG'],
  bigint: ['TOO_SMALL', 'TOO_BIG'],
  date: ['TOO_EARLY', 'TOO_LATE'],
};

/** The code and parameters of one zod issue (none for a refinement: its message is all there is). */
function fieldCode(issue: z.ZodError['issues'][number], input: unknown): Pick<FieldError, 'code' | 'params'> {
  switch (issue.code) {
    case 'invalid_type':
      return input !== undefined && at(input, issue.path) === undefined
        ? { code: 'REQUIRED', params: {} }
        : { code: 'INVALID_TYPE', params: { expected: String(issue.expected) } };
    case 'too_small': {
      const codes = SIZE_CODES[String(issue.origin)];
      return codes ? { code: codes[0], params: { minimum: Number(issue.minimum) } } : {};
    }
    case 'too_big': {
      const codes = SIZE_CODES[String(issue.origin)];
      return codes ? { code: codes[1], params: { maximum: Number(issue.maximum) } } : {};
    }
    case 'invalid_value':
      return { code: 'INVALID_OPTION', params: { options: issue.values.map(String).join(', ') } };
    case 'invalid_format':
      return { code: 'INVALID_FORMAT', params: { format: String(issue.format) } };
    case 'not_multiple_of':
      return { code: 'NOT_MULTIPLE_OF', params: { divisor: Number(issue.divisor) } };
    case 'unrecognized_keys':
      return { code: 'UNKNOWN_FIELD', params: {} };
    default:
      return {};
  }
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
  if (!result.success) throw ApiError.invalidFields(fieldErrors(result.error, value ?? {}));
  const nul = nulStrings(result.data);
  if (nul.length)
    throw ApiError.invalidFields(
      nul.map((field) => ({ field, message: 'karakter NUL tidak diizinkan / NUL character', code: 'NUL_CHARACTER' })),
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
