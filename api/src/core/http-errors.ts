import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { Logger } from 'pino';
import { ErrorCode } from './errors';

/**
 * Failures before GraphQL runs (transport, body parsing, routing) answer in the GraphQL-over-HTTP
 * error shape, `{"errors":[{"message","extensions":{"code","reason"}}]}`, as JSON with the
 * matching HTTP status — never express's HTML page, which carries a stack and absolute paths
 * outside production. What Apollo's express5 integration does on its own, and why this exists:
 *
 * - its own refusals are already JSON and are kept: a GET without a preflight header or a POST
 *   with a "simple" content type is 400 (CSRF prevention), a GET mutation is 405;
 * - but its CSRF check runs before its method check, so DELETE without a content type was a 400,
 *   and a POST with a non-JSON type (application/xml) an ambiguous 400 "POST body missing": both
 *   are refused here first, with 405 (and `Allow`) and 415;
 * - express.json fails before Apollo sees the request (malformed JSON 400, too large 413,
 *   unsupported charset or encoding 415), and unknown non-GET routes fall through to express's
 *   404: those errors reach express's final handler, which `httpErrorHandler` replaces.
 */
export const HttpErrorReason = {
  MALFORMED_JSON: 'MALFORMED_JSON',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  NOT_FOUND: 'NOT_FOUND',
  BAD_REQUEST: 'BAD_REQUEST',
} as const;
type HttpErrorReason = (typeof HttpErrorReason)[keyof typeof HttpErrorReason];

const GRAPHQL_METHODS = ['GET', 'POST'];

function sendError(res: Response, status: number, code: ErrorCode, message: string, reason?: HttpErrorReason): void {
  const extensions = reason ? { code, reason } : { code };
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message, extensions }] }));
}

/**
 * In front of Apollo on `/graphql`: no response may be cached (it is per-user data), and a request
 * with a method or body type the endpoint does not take is refused before the body is read.
 */
export function graphqlTransportGuard(): RequestHandler {
  return (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    if (!GRAPHQL_METHODS.includes(req.method)) {
      res.setHeader('Allow', GRAPHQL_METHODS.join(', '));
      sendError(res, 405, ErrorCode.BAD_USER_INPUT, `${req.method} is not allowed here: use GET or POST`, HttpErrorReason.METHOD_NOT_ALLOWED);
      return;
    }
    if (req.method === 'POST' && mediaType(req.headers['content-type']) !== 'application/json') {
      sendError(res, 415, ErrorCode.BAD_USER_INPUT, 'A POST body must be application/json', HttpErrorReason.UNSUPPORTED_MEDIA_TYPE);
      return;
    }
    next();
  };
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** After every route: what nothing answered is a 404 (GET paths are the portal's and never get here). */
export function notFoundHandler(): RequestHandler {
  return (_req, res) => {
    sendError(res, 404, ErrorCode.NOT_FOUND, 'Nothing is served here: the API is POST /graphql', HttpErrorReason.NOT_FOUND);
  };
}

/**
 * Replaces express's final handler. Client errors raised by express and body-parser (they carry a
 * 4xx `status`) keep their status with a plain message; anything else is a bare 500, logged here.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error); // express closes the connection
      return;
    }
    const { status: rawStatus, statusCode, type } = (error ?? {}) as { status?: unknown; statusCode?: unknown; type?: unknown };
    const status = Number(rawStatus ?? statusCode);
    if (!Number.isInteger(status) || status < 400 || status >= 500) {
      logger.error({ err: error, requestId: req.id }, 'unexpected error outside GraphQL');
      sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
      return;
    }
    if (type === 'entity.parse.failed') {
      sendError(res, 400, ErrorCode.BAD_USER_INPUT, 'The request body is not a valid JSON object', HttpErrorReason.MALFORMED_JSON);
    } else if (status === 413) {
      const limit = (error as { limit?: unknown }).limit;
      const detail = typeof limit === 'number' ? ` of ${limit} bytes` : '';
      sendError(res, 413, ErrorCode.BAD_USER_INPUT, `The request body is larger than the limit${detail}`, HttpErrorReason.PAYLOAD_TOO_LARGE);
    } else if (status === 415) {
      sendError(res, 415, ErrorCode.BAD_USER_INPUT, 'The request body must be UTF-8 JSON with a supported content encoding', HttpErrorReason.UNSUPPORTED_MEDIA_TYPE);
    } else if (status === 404) {
      sendError(res, 404, ErrorCode.NOT_FOUND, 'Not found', HttpErrorReason.NOT_FOUND);
    } else if (status === 405) {
      sendError(res, 405, ErrorCode.BAD_USER_INPUT, 'Method not allowed', HttpErrorReason.METHOD_NOT_ALLOWED);
    } else {
      sendError(res, status, ErrorCode.BAD_USER_INPUT, STATUS_CODES[status] ?? 'Bad request', HttpErrorReason.BAD_REQUEST);
    }
  };
}
