/**
 * An error with an HTTP status that the error handler renders as `{ error: { code, message, params, details } }`.
 * `message` is the server's bilingual text (Indonesian / English, kept for API clients); `code` and `params` let a
 * client word the error in its own language (the console does: admin/src/i18n/errors-*.ts).
 */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
    public readonly params?: ErrorParams,
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
  /**
   * A 400 `VALIDATION` listing every invalid field (`Data tidak valid: unitId — tidak ditemukan; …`), the fields
   * named in `params.fields` and each with its own `code`/`params` where the validator gave one.
   */
  static invalidFields(fields: FieldError[]) {
    return new ApiError(
      400,
      'VALIDATION',
      `Data tidak valid: ${fields.map((f) => `${f.field} — ${f.message}`).join('; ')}`,
      { fields },
      { fields: [...new Set(fields.map((f) => f.field))].join(', ') },
    );
  }
  /** A 404 naming what was not found; `params.entity` is a stable key for it (`cycle`, `employee`, …). */
  static notFound(what: string) {
    return new ApiError(404, 'NOT_FOUND', `${what} tidak ditemukan / not found`, undefined, {
      what,
      ...(ENTITIES[what] ? { entity: ENTITIES[what] } : {}),
    });
  }
  static conflict(message: string, details?: unknown) {
    return new ApiError(409, 'CONFLICT', message, details);
  }
  /** A 409 `TASK_NOT_OPEN`: the task was completed, cancelled or has expired (`params.status` when known). */
  static taskNotOpen(message: string, details?: { status?: string }) {
    return new ApiError(409, 'TASK_NOT_OPEN', message, details, details?.status ? { status: details.status } : {});
  }
  static unavailable(part: string, message: string) {
    return new ApiError(503, 'SERVICE_UNAVAILABLE', message, { part }, { part });
  }
}

/** Values a client interpolates into its own wording of an error. */
export type ErrorParams = Record<string, string | number>;

/** One invalid field: `field` is a dotted path into the request body or query; `code`/`params` when known. */
export interface FieldError {
  field: string;
  message: string;
  code?: string;
  params?: ErrorParams;
}

/** What `notFound` is called with, as a stable key a client can word. */
const ENTITIES: Record<string, string> = {
  'Versi aturan': 'ruleset',
  Siklus: 'cycle',
  Unit: 'unit',
  Tugas: 'task',
  'Penugasan Plt/Plh': 'delegation',
  Pegawai: 'employee',
  'Jadwal siklus': 'schedule',
  Data: 'record',
  'Bukti dukung': 'evidence',
  Akun: 'account',
  TPP: 'pay',
  'Rekomendasi sanksi': 'sanction',
  Periode: 'period',
  Penilaian: 'appraisal',
};
