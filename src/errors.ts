/**
 * The one place that knows the error codes a user can act on, their HTTP status and whether
 * retrying can help. Everything that fails in a way a user should understand throws AppError.
 */
export const ERROR_CODES = {
  invalid_prompt: { status: 400, retryable: false },
  invalid_definition: { status: 422, retryable: false },
  invalid_input: { status: 400, retryable: false },
  unknown_reference: { status: 422, retryable: false },
  out_of_scope: { status: 422, retryable: false },
  lookback_exceeded: { status: 422, retryable: false },
  type_mismatch: { status: 422, retryable: false },
  limit_exceeded: { status: 422, retryable: false },
  /** A condition asking what a personal trait (email, phone…) holds: only whether it exists may be asked. */
  personal_data: { status: 422, retryable: false },
  /** A request written in a language the product does not read (it reads English, Traditional Chinese, Japanese and Thai). */
  unsupported_language: { status: 422, retryable: false },
  /** A condition about the visit (device, page, campaign) asked of an engine that only knows history. */
  live_only_condition: { status: 422, retryable: false },
  import_failed: { status: 422, retryable: false },
  not_found: { status: 404, retryable: false },
  unauthorized: { status: 401, retryable: false },
  payload_too_large: { status: 413, retryable: false },
  rate_limited: { status: 429, retryable: true },
  conflict: { status: 409, retryable: true },
  /** A change the thing does not allow, whenever it is tried (deleting a default live audience). */
  not_allowed: { status: 409, retryable: false },
  llm_unavailable: { status: 503, retryable: true },
  store_unavailable: { status: 503, retryable: true },
  engine_unavailable: { status: 503, retryable: true },
  /** A run went on longer than the service lets one run (RUN_TIMEOUT_MS). */
  timeout: { status: 504, retryable: true },
  /** The service cannot take the request now (shutting down, overloaded). */
  unavailable: { status: 503, retryable: true },
  internal: { status: 500, retryable: true },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  /** Structured details a client can use (closest names, the failing path...). */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.retryable = ERROR_CODES[code].retryable;
    this.details = details;
  }

  toJSON(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** Any thrown thing as an AppError; unknown failures become `internal` without leaking internals. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('internal', 'Something went wrong on our side. Try again in a moment.', {
    cause: err instanceof Error ? err.message : String(err),
  });
}
