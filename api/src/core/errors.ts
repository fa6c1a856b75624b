import {
  conflictText,
  reasonText,
  type ConflictDetail,
  type FieldReason,
  type SimpleConflictReason,
} from '@lindung/domain';
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

/** Why each field (dotted for nested input) is refused. */
export type FieldProblems = Record<string, FieldReason>;

export const unauthenticated = (message = 'Sign in to continue', extensions: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.UNAUTHENTICATED, message, extensions);

export const forbidden = (message = 'Your role may not do this') => new AppError(ErrorCode.FORBIDDEN, message);

/**
 * BAD_USER_INPUT with, per field, the English words (`extensions.fields`, for anyone reading the
 * answer) and the coded reason (`extensions.reasons`: `{ code, params }`, for the portal to
 * translate).
 */
export const badUserInput = (problems: FieldProblems, message?: string) => {
  const fields = Object.fromEntries(Object.entries(problems).map(([field, reason]) => [field, reasonText(reason)]));
  const reasons = Object.fromEntries(Object.entries(problems).map(([field, reason]) => [field, codedReason(reason)]));
  return new AppError(ErrorCode.BAD_USER_INPUT, message ?? describeFields(fields), { fields, reasons });
};

// `params` is left out where a reason has none.
function codedReason(reason: FieldReason): { code: string; params?: unknown } {
  return reason.params === undefined ? { code: reason.code } : { code: reason.code, params: reason.params };
}

export const notFound = (entity: string, id: string) =>
  new AppError(ErrorCode.NOT_FOUND, `${entity} ${id} was not found`, { entity, id });

/**
 * CONFLICT: `extensions.reason` is the code and `extensions.params` its parameters, when it has
 * some (the portal words the refusal from both). A bare code will do for a reason without
 * parameters: `conflict('IN_USE')`, `conflict({ code: 'STATUS_TRANSITION', params: { from, to } })`.
 * The message defaults to the reason's English words.
 */
export function conflict(reason: SimpleConflictReason | ConflictDetail, message?: string, extensions: Record<string, unknown> = {}): AppError {
  const detail = (typeof reason === 'string' ? { code: reason } : reason) as ConflictDetail;
  return new AppError(ErrorCode.CONFLICT, message ?? conflictText(detail), {
    reason: detail.code,
    ...(detail.params === undefined ? {} : { params: detail.params }),
    ...extensions,
  });
}

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

function describeFields(fields: Record<string, string>): string {
  const parts = Object.entries(fields).map(([field, reason]) => `${field} ${reason}`);
  return `Invalid input: ${parts.join('; ')}`;
}

/** PostgreSQL error codes the services translate into client errors. */
export const PgError = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  CHECK_VIOLATION: '23514',
  /** An exclusion constraint (overlapping validity), or the enrollments' overlap check raising its code. */
  EXCLUSION_VIOLATION: '23P01',
} as const;

export function pgErrorCode(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: string } })?.driverError;
  return driverError?.code ?? (error as { code?: string })?.code;
}
