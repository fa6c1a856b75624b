import { HttpError } from 'react-admin';
import { GraphQLRequestError, type GraphQLErrorShape } from './graphqlClient';
import { i18nProvider } from './i18n';
import { waitPhrase } from './i18n/wait';

/** `extensions.code` values of CONTRACT §2, with the HTTP status react-admin expects for each. */
const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  TOO_MANY_REQUESTS: 429,
};

/**
 * Codes whose message says how long to wait (`extensions.retryAfterSeconds`). react-admin shows a
 * data provider error's message without arguments, so these are translated here, in the current
 * language, rather than left as keys.
 */
const RETRY_AFTER_CODES = new Set(['SERVICE_UNAVAILABLE', 'TOO_MANY_REQUESTS']);

function retryAfterMessage(code: string, retryAfterSeconds: unknown): string {
  const translate = i18nProvider.translate;
  return translate(`lindung.error.${code}`, { wait: waitPhrase(translate, retryAfterSeconds) });
}

/** CONFLICT reasons the portal has words for (`lindung.error.conflict.<reason>`). */
const KNOWN_CONFLICT_REASONS = new Set(['IN_USE', 'HAS_CHILDREN', 'SELF_LOCKOUT']);

/**
 * A message in the user's language: per code, or per rule for a CONFLICT. The server's own words
 * are kept where they say more than we can (an unknown CONFLICT rule, input errors not tied to a
 * form field).
 */
function messageKey(code: string, error: GraphQLErrorShape): string {
  const reason = error.extensions?.reason;
  if (code === 'CONFLICT') {
    return reason && KNOWN_CONFLICT_REASONS.has(reason) ? `lindung.error.conflict.${reason}` : error.message;
  }
  if (code === 'BAD_USER_INPUT' && !error.extensions?.fields) return error.message;
  if (RETRY_AFTER_CODES.has(code)) return retryAfterMessage(code, error.extensions?.retryAfterSeconds);
  return `lindung.error.${code}`;
}

type MaybeGraphQLErrors = { graphQLErrors?: GraphQLErrorShape[]; networkError?: { result?: { errors?: GraphQLErrorShape[] } } };

/** The GraphQL errors inside whatever an Apollo call, a plain request or our own wrapper threw. */
export function graphQLErrorsOf(error: unknown): GraphQLErrorShape[] {
  if (error instanceof GraphQLRequestError) return error.errors;
  const candidate = error as { body?: MaybeGraphQLErrors & { graphQLErrors?: GraphQLErrorShape[] } } & MaybeGraphQLErrors;
  const sources = [candidate, candidate?.body].filter(Boolean) as MaybeGraphQLErrors[];
  const found: GraphQLErrorShape[] = [];
  for (const source of sources) {
    if (Array.isArray(source.graphQLErrors)) found.push(...source.graphQLErrors);
    const fromNetwork = source.networkError?.result?.errors;
    if (Array.isArray(fromNetwork)) found.push(...fromNetwork);
  }
  return found;
}

export function errorCodes(error: unknown): string[] {
  return graphQLErrorsOf(error)
    .map((e) => e.extensions?.code)
    .filter((code): code is string => typeof code === 'string');
}

/**
 * Turns a failed data provider call into the HttpError react-admin understands: the status of the
 * GraphQL code (checkError reads the code), `body.errors` with the fields at fault so that forms show
 * them next to their inputs, and a translatable message.
 */
export function toHttpError(error: unknown): unknown {
  const errors = graphQLErrorsOf(error);
  const first = errors[0];
  const code = first?.extensions?.code;
  if (!first || !code) {
    // A busy or throttled answer without a GraphQL body (a proxy's page, say): same words, no wait.
    const status = (error as { status?: unknown })?.status;
    if (status === 503 || status === 429) {
      const busyCode = status === 503 ? 'SERVICE_UNAVAILABLE' : 'TOO_MANY_REQUESTS';
      return new HttpError(retryAfterMessage(busyCode, undefined), status, { code: busyCode });
    }
    return error;
  }
  const status = STATUS_BY_CODE[code] ?? 500;
  const fields = first.extensions?.fields;
  const message = messageKey(code, first);
  return new HttpError(message, status, {
    code,
    reason: first.extensions?.reason,
    graphQLErrors: errors,
    ...(fields && Object.keys(fields).length > 0 ? { errors: fields } : {}),
  });
}
