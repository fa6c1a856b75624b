import type { Logger } from 'pino';
import type { ConflictDetail } from '@lindung/domain';
import { AppError, conflict, pgErrorCode, serviceUnavailable } from './errors';

/**
 * Database failures that are not the request's fault and pass if the client tries again: the pool
 * had no free connection within the acquire timeout, the server is unreachable, a statement ran
 * past `statement_timeout`, or two transactions waited on each other's rows and PostgreSQL stopped
 * this one (a deadlock: two imports tying the same people, say). They answer 503 with `Retry-After` instead of a bare 500 (or a hang).
 */
const POOL_EXHAUSTED = /timeout exceeded when trying to connect/i;
const CONNECTION_LOST = /Connection terminated|ECONNREFUSED|ECONNRESET|the database system is (starting up|shutting down)/i;
const QUERY_CANCELED = '57014';
const CANNOT_CONNECT_NOW = '57P03';
const ADMIN_SHUTDOWN = '57P01';
const DEADLOCK_DETECTED = '40P01';

/** A statement stopped by `statement_timeout`. */
export function isStatementTimeout(error: unknown): boolean {
  return error instanceof Error && pgErrorCode(error) === QUERY_CANCELED;
}

export function asServiceUnavailable(error: unknown): AppError | null {
  if (error instanceof AppError || !(error instanceof Error)) return null;
  const code = pgErrorCode(error);
  if (POOL_EXHAUSTED.test(error.message) || code === DEADLOCK_DETECTED) {
    return serviceUnavailable('DATABASE_BUSY', 'The service is busy; try again in a moment', 1);
  }
  if (code === QUERY_CANCELED) {
    return serviceUnavailable('STATEMENT_TIMEOUT', 'The request took too long and was stopped; try again', 5);
  }
  if (code === CANNOT_CONNECT_NOW || code === ADMIN_SHUTDOWN || code === 'ECONNREFUSED' || CONNECTION_LOST.test(error.message)) {
    return serviceUnavailable('DATABASE_UNAVAILABLE', 'The database cannot be reached; try again shortly', 5);
  }
  return null;
}

/**
 * SQLSTATE of a refusal the database raises itself, in a function of a migration (a budget that
 * cannot take a cost found at COMMIT, say): MESSAGE is the conflict's reason code, DETAIL its
 * params as JSON.
 */
export const DATABASE_REFUSAL = 'LN409';

/** A refusal raised by the database, as the CONFLICT a service would have raised. */
export function databaseRefusalOf(error: unknown): AppError | null {
  if (error instanceof AppError || !(error instanceof Error) || pgErrorCode(error) !== DATABASE_REFUSAL) return null;
  const raised = ((error as { driverError?: unknown }).driverError ?? error) as { message: string; detail?: string };
  const params: unknown = raised.detail ? JSON.parse(raised.detail) : undefined;
  return conflict({ code: raised.message, ...(params === undefined ? {} : { params }) } as ConflictDetail);
}

/**
 * A database that cannot take the request becomes its coded 503 (logged), a refusal the database
 * raised its CONFLICT; other errors pass.
 */
export function serviceErrorOf(error: unknown, logger: Pick<Logger, 'warn'>): unknown {
  const refusal = databaseRefusalOf(error);
  if (refusal) return refusal;
  const unavailable = asServiceUnavailable(error);
  if (!unavailable) return error;
  logger.warn({ err: error, reason: unavailable.extensions.reason }, 'the database could not take the request');
  return unavailable;
}
