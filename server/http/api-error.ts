/** An error with an HTTP status that the error handler renders as `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
  }

  static badRequest(message: string, details?: unknown) {
    return new ApiError(400, 'BAD_REQUEST', message, details);
  }
  static unauthorized(message = 'Perlu masuk terlebih dahulu / authentication required') {
    return new ApiError(401, 'UNAUTHORIZED', message);
  }
  static forbidden(message = 'Anda tidak berhak melakukan ini / forbidden') {
    return new ApiError(403, 'FORBIDDEN', message);
  }
  /** A 400 listing every invalid field (`Data tidak valid: unitId — tidak ditemukan; …`). */
  static invalidFields(fields: FieldError[]) {
    return ApiError.badRequest(`Data tidak valid: ${fields.map((f) => `${f.field} — ${f.message}`).join('; ')}`, {
      fields,
    });
  }
  static notFound(what: string) {
    return new ApiError(404, 'NOT_FOUND', `${what} tidak ditemukan / not found`);
  }
  static conflict(message: string, details?: unknown) {
    return new ApiError(409, 'CONFLICT', message, details);
  }
  static unavailable(part: string, message: string) {
    return new ApiError(503, 'SERVICE_UNAVAILABLE', message, { part });
  }
}

/** One invalid field: `field` is a dotted path into the request body or query. */
export interface FieldError {
  field: string;
  message: string;
}
