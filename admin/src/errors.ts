import { HttpError } from 'react-admin';
import { GraphQLRequestError, type GraphQLErrorShape } from './graphqlClient';

/** `extensions.code` values of CONTRACT §2, with the HTTP status react-admin expects for each. */
const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL_SERVER_ERROR: 500,
};

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
  if (!first || !code) return error;
  const status = STATUS_BY_CODE[code] ?? 500;
  const fields = first.extensions?.fields;
  // CONFLICT messages explain which rule refused (e.g. a regency that still has districts), so the
  // server's words are kept; the other codes get a message in the user's language.
  const message = code === 'CONFLICT' || (code === 'BAD_USER_INPUT' && !fields) ? first.message : `lindung.error.${code}`;
  return new HttpError(message, status, {
    code,
    reason: first.extensions?.reason,
    graphQLErrors: errors,
    ...(fields && Object.keys(fields).length > 0 ? { errors: fields } : {}),
  });
}
