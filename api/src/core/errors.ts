import { GraphQLError } from 'graphql';

/** The error codes of CONTRACT §2; every error a client sees carries one of them. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The request was sound but the service could not take it now (HTTP 503, `Retry-After`). */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** Too many attempts (sign-ins): HTTP 429 with `Retry-After`. */
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error meant for the client: its message and extensions are shown as they are. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export type FieldProblems = Record<string, string>;

export const unauthenticated = (message = 'Sign in to continue', extensions: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.UNAUTHENTICATED, message, extensions);

export const forbidden = (message = 'Your role may not do this') => new AppError(ErrorCode.FORBIDDEN, message);

export const badUserInput = (fields: FieldProblems, message?: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message ?? describeFields(fields), { fields });

export const notFound = (entity: string, id: string) =>
  new AppError(ErrorCode.NOT_FOUND, `${entity} ${id} was not found`, { entity, id });

export const conflict = (reason: string, message: string, extensions: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.CONFLICT, message, { reason, ...extensions });

/**
 * Apollo reads `extensions.http` (status, headers) off a thrown error and strips it from the
 * answer; formatError drops it from what the client sees as well.
 */
function httpHead(status: number, retryAfterSeconds: number) {
  return { status, headers: new Map([['retry-after', String(retryAfterSeconds)]]) };
}

/** The database cannot take the request now (pool exhausted, unreachable, statement timed out). */
export const serviceUnavailable = (reason: string, message: string, retryAfterSeconds: number) =>
  new AppError(ErrorCode.SERVICE_UNAVAILABLE, message, {
    reason,
    retryAfterSeconds,
    http: httpHead(503, retryAfterSeconds),
  });

/** A limit on attempts was reached; the client may try again after `retryAfterSeconds`. */
export const tooManyRequests = (reason: string, message: string, retryAfterSeconds: number, extensions: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.TOO_MANY_REQUESTS, message, {
    reason,
    retryAfterSeconds,
    ...extensions,
    http: httpHead(429, retryAfterSeconds),
  });

function describeFields(fields: FieldProblems): string {
  const parts = Object.entries(fields).map(([field, reason]) => `${field} ${reason}`);
  return `Invalid input: ${parts.join('; ')}`;
}

/** PostgreSQL error codes the services translate into client errors. */
export const PgError = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  CHECK_VIOLATION: '23514',
} as const;

export function pgErrorCode(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: string } })?.driverError;
  return driverError?.code ?? (error as { code?: string })?.code;
}
