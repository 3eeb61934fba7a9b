/** Stable codes for programs; each has an HTTP status. Messages for people are in Chinese. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_CREDIT_CODE: 400,
  UNKNOWN_DISTRICT: 400,
  UNKNOWN_INDUSTRY_CODE: 400,
  UNKNOWN_CHAIN: 400,
  INVALID_CURSOR: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ENTERPRISE_NOT_FOUND: 404,
  CONFLICT: 409,
  RUN_IN_PROGRESS: 409,
  NO_COMPLETED_RUN: 409,
  ALREADY_LISTED: 409,
  VERSION_CONFLICT: 409,
  TRANSITION_NOT_ALLOWED: 409,
  APPLICATION_WINDOW_CLOSED: 409,
  APPLICATION_BARRED: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  PASSWORD_CHANGE_REQUIRED: 403,
  CSRF_REJECTED: 403,
  SESSION_EXPIRED: 401,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }

  toJSON() {
    return { code: this.code, message: this.message, details: this.details ?? null };
  }
}
