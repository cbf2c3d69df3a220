/**
 * The one error handler (registered last): every error becomes JSON `{ error: { code, message, params, details } }`,
 * `message` bilingual as before, `code` and `params` for a client to word it in its own language.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { ApiError, type ErrorParams } from './api-error';

function isDatabaseDown(err: any): boolean {
  const text = `${err?.code ?? ''} ${err?.name ?? ''} ${err?.message ?? ''} ${err?.cause?.code ?? ''}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|P1001|P1017|DatabaseNotReachable|Connection terminated|connect ENOENT|the database system is (shutting down|starting up)|Can't reach database|Query read timeout|timeout exceeded when trying to connect/i.test(
    text,
  );
}

function fromPrisma(err: any): ApiError | null {
  if (err?.code === 'P2002') {
    const cause = err.meta?.driverAdapterError?.cause;
    // With the pg adapter Prisma reports the index name (`employees_nip_key`): recover the column for the client.
    const fromIndex =
      typeof cause?.constraint?.index === 'string' && cause.table
        ? [
            cause.constraint.index
              .replace(`${cause.table}_`, '')
              .replace(/_key$/, '')
              .replace(/_([a-z])/g, (_: string, c: string) => c.toUpperCase()),
          ]
        : undefined;
    const target = err.meta?.target ?? cause?.constraint?.fields ?? fromIndex ?? [];
    const fields = (Array.isArray(target) ? target : [target]).map((f: string) => ({
      field: String(f),
      message: 'sudah dipakai / already taken',
    }));
    const names = fields.map((f: any) => f.field).join(', ');
    return new ApiError(
      409,
      'CONFLICT',
      `Data sudah ada: ${names || 'nilai unik'} / already exists`,
      { fields },
      {
        fields: names,
      },
    );
  }
  if (err?.code === 'P2025')
    return new ApiError(404, 'NOT_FOUND', 'Data tidak ditemukan / record not found', undefined, { entity: 'record' });
  if (err?.code === 'P2003')
    return ApiError.badRequest('Data yang dirujuk tidak ada / referenced record does not exist', {
      fields: [
        {
          field: String(err.meta?.field_name ?? err.meta?.constraint ?? ''),
          message: 'tidak ada / does not exist',
          code: 'NOT_FOUND',
        },
      ],
    });
  return null;
}

/** Builds the express error handler. */
export function errorHandler(logger: Logger) {
  return (err: any, req: Request, res: Response, _next: NextFunction) => {
    let apiError: ApiError;
    if (err instanceof ApiError) apiError = err;
    else if (err?.type === 'entity.parse.failed') {
      apiError = ApiError.badRequest('JSON tidak valid pada body permintaan / malformed JSON body', {
        fields: [{ field: '(body)', message: err.message }],
      });
    } else if (err?.type === 'entity.too.large') {
      apiError = new ApiError(413, 'PAYLOAD_TOO_LARGE', 'Permintaan terlalu besar / request too large');
    } else if (fromPrisma(err)) apiError = fromPrisma(err)!;
    else if (isDatabaseDown(err))
      apiError = ApiError.unavailable('database', 'Basis data tidak tersedia / database unavailable');
    else if (
      err?.name === 'TemporalUnavailable' ||
      /14 UNAVAILABLE|TransportError|Failed to connect/i.test(String(err?.message))
    ) {
      apiError = ApiError.unavailable('temporal', 'Temporal tidak tersedia / workflow service unavailable');
    } else {
      req.log?.error({ err }, 'unhandled error');
      logger.error({ err }, 'unhandled error');
      apiError = new ApiError(500, 'INTERNAL', 'Terjadi kesalahan pada server / internal error');
    }
    res.status(apiError.status).json({
      error: {
        code: apiError.code,
        message: apiError.message,
        params: paramsOf(apiError),
        details: apiError.details,
      },
    });
  };
}

/**
 * The parameters a client words the error with: the error's own, or read off the details of the errors built
 * outside this folder (the access guard's refusal names who may act; a separation-of-duties refusal what was refused).
 */
export function paramsOf(error: ApiError): ErrorParams {
  const details = (error.details ?? {}) as Record<string, unknown>;
  const params: ErrorParams = { ...error.params };
  if (
    error.code === 'FORBIDDEN' &&
    Array.isArray(details.allow) &&
    error.message.startsWith(`Tindakan ${String(details.resource)}.${String(details.action)} hanya untuk:`)
  )
    params.allow = details.allow.join(',');
  if (error.code === 'OWN_CASE' && typeof details.what === 'string') params.what = details.what;
  return params;
}

/** 404 for any unknown /api route. */
export function notFoundHandler(req: Request, res: Response) {
  res.status(404).json({
    error: {
      code: 'NOT_FOUND',
      message: `Rute tidak ditemukan / no route: ${req.method} ${req.path}`,
      params: { entity: 'route', route: `${req.method} ${req.path}` },
    },
  });
}
