import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { asServiceUnavailable } from './database-errors';
import { AppError, ErrorCode } from './errors';

/** Apollo's own codes for a request that never reached a resolver: the client's input was at fault. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
]);

/**
 * What a client may see of an error: our own errors as raised, request errors (syntax, schema
 * validation, limits) as BAD_USER_INPUT keeping the original code as `reason`, and everything
 * else as a bare INTERNAL_SERVER_ERROR — no stack, SQL or driver text (it is logged instead).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const unwrapped = unwrapResolverError(error);
  const original = asServiceUnavailable(unwrapped) ?? unwrapped;
  if (original instanceof AppError) {
    // `http` (status, headers) is for Apollo's response head, not for the client's JSON.
    const { http: _http, ...extensions } = original.extensions;
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      extensions: { code: ErrorCode.BAD_USER_INPUT, reason: code },
    };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/** Whether an error is one the client caused or was meant to see (not worth an error log). */
export function isExpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof AppError || asServiceUnavailable(original)) return true;
  const code = (original as { extensions?: { code?: unknown } })?.extensions?.code;
  return typeof code === 'string' && REQUEST_ERROR_CODES.has(code);
}
