import { GraphQLError } from 'graphql';

/** The error codes of CONTRACT §2; every error a client sees carries one of them. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
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
