/**
 * A minimal GraphQL-over-HTTP call for the auth operations (login, refreshSession, logout), which
 * run outside the data provider: they must work without, or before, an access token.
 */
export const GRAPHQL_ENDPOINT = '/graphql';

/** The parts of a GraphQL error the portal acts on (CONTRACT §2). */
export interface GraphQLErrorShape {
  message: string;
  extensions?: {
    code?: string;
    reason?: string;
    retryAfterSeconds?: number;
    /** BAD_USER_INPUT: the English words per field… */
    fields?: Record<string, string>;
    /** …and the coded reason per field (packages/domain/src/reasons.ts), which the portal words. */
    reasons?: Record<string, { code: string; params?: Record<string, unknown> }>;
    /** CONFLICT: the reason's parameters (STATUS_TRANSITION's `from`, `to`). */
    params?: Record<string, unknown>;
    [key: string]: unknown;
  };
}

/** A request that reached the server and came back with GraphQL errors. */
export class GraphQLRequestError extends Error {
  readonly errors: GraphQLErrorShape[];
  readonly status: number;

  constructor(errors: GraphQLErrorShape[], status: number) {
    super(errors[0]?.message ?? 'GraphQL error');
    this.name = 'GraphQLRequestError';
    this.errors = errors;
    this.status = status;
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }

  get extensions(): GraphQLErrorShape['extensions'] {
    return this.errors[0]?.extensions;
  }
}

export interface GraphQLRequestOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  accessToken?: string | null;
  /** More request headers (e.g. `X-Session-Transport: cookie` on the session operations). */
  headers?: Record<string, string>;
}

export async function graphqlRequest<T>(
  query: string,
  variables: Record<string, unknown>,
  options: GraphQLRequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    ...options.headers,
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (options.accessToken) headers.authorization = `Bearer ${options.accessToken}`;
  const response = await fetch(GRAPHQL_ENDPOINT, {
    method: 'POST',
    headers,
    // The refresh token travels in an HttpOnly cookie scoped to /graphql: it must go with the request.
    credentials: 'same-origin',
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: T | null; errors?: GraphQLErrorShape[] } | undefined;
  try {
    body = await response.json();
  } catch {
    // Not a GraphQL answer (a proxy error page, say): report it as a transport failure below.
  }
  if (body?.errors?.length) throw new GraphQLRequestError(body.errors, response.status);
  if (!response.ok || !body?.data) {
    throw new Error(`GraphQL request failed with HTTP ${response.status}`);
  }
  return body.data;
}
