import { HttpError } from 'react-admin';
import { GraphQLRequestError, type GraphQLErrorShape } from './graphqlClient';
import { i18nProvider, intlLocale } from './i18n';
import { conflictMessage, fieldLabel, fieldReasonMessage, type ReasonContext } from './i18n/reasons';
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

/** Reasons are worded now, in the current language, with the form's resource naming other fields. */
function reasonContext(resource?: string): ReasonContext {
  return { translate: i18nProvider.translate, intlLocale: intlLocale(i18nProvider.getLocale()), resource };
}

/**
 * BAD_USER_INPUT's problems in the user's words, per field: the coded reason translated
 * (`lindung.reason.<code>`), or the server's English words for a code this portal does not know.
 */
export function fieldMessages(error: GraphQLErrorShape, resource?: string): Record<string, string> {
  const fields = error.extensions?.fields ?? {};
  const reasons = error.extensions?.reasons ?? {};
  const context = reasonContext(resource);
  const messages: Record<string, string> = {};
  for (const field of new Set([...Object.keys(fields), ...Object.keys(reasons)])) {
    const reason = reasons[field];
    messages[field] = (reason && fieldReasonMessage(reason, context)) ?? fields[field] ?? '';
  }
  return messages;
}

/** The notification of a BAD_USER_INPUT: each field's label and problem, for when no form shows them. */
function invalidFieldsMessage(messages: Record<string, string>, resource?: string): string {
  const context = reasonContext(resource);
  const problems = Object.entries(messages)
    .map(([field, message]) => `${fieldLabel(field, context)}: ${message}`)
    .join('; ');
  return i18nProvider.translate('lindung.reason_words.invalid_fields', { problems });
}

/**
 * A message in the user's language: per code, or per reason for a CONFLICT. The server's own words
 * are kept where they say more than we can (a CONFLICT reason this portal does not know, input
 * errors not tied to a field).
 */
function messageOf(code: string, error: GraphQLErrorShape, resource?: string): string {
  const reason = error.extensions?.reason;
  if (code === 'CONFLICT') {
    return (reason && conflictMessage({ code: reason, params: error.extensions?.params }, reasonContext(resource))) ?? error.message;
  }
  if (code === 'BAD_USER_INPUT') {
    const messages = fieldMessages(error, resource);
    return Object.keys(messages).length > 0 ? invalidFieldsMessage(messages, resource) : error.message;
  }
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
 * GraphQL code (checkError reads the code), `body.errors` with each field's problem in the user's
 * words so that forms show them under their inputs (react-admin's server-side validation), and a
 * message (translated, or a key react-admin translates). `resource`: the data provider call's,
 * whose field labels name the fields.
 */
export function toHttpError(error: unknown, resource?: string): unknown {
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
  const fields = code === 'BAD_USER_INPUT' ? fieldMessages(first, resource) : {};
  return new HttpError(messageOf(code, first, resource), status, {
    code,
    reason: first.extensions?.reason,
    graphQLErrors: errors,
    ...(Object.keys(fields).length > 0 ? { errors: fields } : {}),
  });
}
