import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, Observable } from '@apollo/client';
import { setContext } from '@apollo/client/link/context';
import {
  buildSchema,
  introspectionFromSchema,
  type IntrospectionInputObjectType,
  type IntrospectionSchema,
  type IntrospectionTypeRef,
} from 'graphql';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import type { DataProvider } from 'react-admin';
// The API's build writes its SDL here. Production turns introspection off, so the portal carries
// the schema instead of asking the server for it at runtime.
import schemaSdl from '../../api/schema.graphql?raw';
import { toHttpError } from './errors';
import { GRAPHQL_ENDPOINT, GraphQLRequestError, type GraphQLErrorShape } from './graphqlClient';
import { getAccessToken } from './session';

const introspectedSchema = withoutNestedRelations(introspectionFromSchema(buildSchema(schemaSdl)).__schema);

/**
 * The API's nested relation fields (District.villages, User.partner …) are for clients that ask
 * for them; the portal reads references by id (ReferenceField, ReferenceManyField). Left in,
 * ra-data-graphql-simple would add them to every query it builds: extra SQL on every page, and a
 * refusal where the role may not read the related type (a partner and its organisation's accounts).
 */
function withoutNestedRelations(schema: IntrospectionSchema): IntrospectionSchema {
  const objectTypes = new Set(schema.types.filter((type) => type.kind === 'OBJECT').map((type) => type.name));
  const roots = new Set([schema.queryType.name, schema.mutationType?.name]);
  const named = (ref: IntrospectionTypeRef): string => ('ofType' in ref && ref.ofType ? named(ref.ofType) : (ref as { name: string }).name);
  return {
    ...schema,
    types: schema.types.map((type) =>
      type.kind !== 'OBJECT' || roots.has(type.name)
        ? type
        : { ...type, fields: type.fields.filter((field) => !objectTypes.has(named(field.type))) },
    ),
  };
}

// Every request waits for a fresh access token (the session refreshes it when it is about to expire).
const authLink = setContext(async (_operation, { headers }) => {
  const token = await getAccessToken();
  return { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
});

/** The GraphQL errors a failed transport step carried: an HTTP 4xx/5xx answer's body, or a refresh's. */
function carriedErrors(error: unknown): GraphQLErrorShape[] | null {
  if (error instanceof GraphQLRequestError) return error.errors;
  const errors = (error as { result?: { errors?: unknown } } | null)?.result?.errors;
  return Array.isArray(errors) && errors.length > 0 ? (errors as GraphQLErrorShape[]) : null;
}

/**
 * Apollo turns an answer with HTTP 503, 429 or 401 into a network error, and ra-data-graphql keeps
 * only its message and status from those, so `extensions` (code, reason, retryAfterSeconds) would
 * be lost. Such an answer is passed on as the GraphQL result it is, whatever its status, so that
 * toHttpError and checkError see the codes (a 503 must read "server busy", never as signed out).
 * The same for a refresh that failed before the request could leave (authLink).
 */
const errorBodyLink = new ApolloLink(
  (operation, forward) =>
    new Observable((observer) => {
      // HttpLink may already have passed on a partial result (errors with data) before failing.
      let delivered = false;
      const subscription = forward(operation).subscribe({
        next: (result) => {
          delivered = true;
          observer.next(result);
        },
        error: (error: unknown) => {
          const errors = carriedErrors(error);
          if (!errors || delivered) {
            observer.error(error);
            return;
          }
          observer.next({ errors: errors as never });
          observer.complete();
        },
        complete: () => observer.complete(),
      });
      return () => subscription.unsubscribe();
    }),
);

const client = new ApolloClient({
  // Same-origin fetches carry cookies by default; the API's only cookie is scoped to /graphql anyway.
  link: ApolloLink.from([errorBodyLink, authLink, new HttpLink({ uri: GRAPHQL_ENDPOINT, credentials: 'same-origin' })]),
  cache: new InMemoryCache(),
});

const graphQLProvider = buildGraphQLProvider({
  client,
  introspection: { schema: introspectedSchema },
}) as DataProvider;

/** The fields of each resource's GraphQL list filter (`VillageFilter` → Village: code, districtId, …). */
const filterFields = new Map(
  introspectedSchema.types
    .filter((type): type is IntrospectionInputObjectType => type.kind === 'INPUT_OBJECT' && type.name.endsWith('Filter'))
    .map((type) => [type.name.slice(0, -'Filter'.length), new Set(type.inputFields.map((field) => field.name))]),
);

/**
 * A list's filter as the API takes it: only the fields its `<Type>Filter` has. The others are the
 * portal's own — a kecamatan chosen to narrow the villages offered in the users' filter
 * (common/RegionFilterInputs), where UserFilter has no `districtId` — and are not sent. (Also for
 * whatever else sends a list's filter to the API, such as an export.)
 */
export function apiFilter(resource: string, filter: Record<string, unknown>): Record<string, unknown> {
  const fields = filterFields.get(resource);
  if (!fields) return filter;
  return Object.fromEntries(Object.entries(filter).filter(([field]) => fields.has(field.split('.')[0])));
}

function apiParams(method: string, args: unknown[]): unknown[] {
  const [resource, params] = args as [unknown, { filter?: Record<string, unknown> } | undefined];
  if ((method !== 'getList' && method !== 'getManyReference') || typeof resource !== 'string' || !params?.filter) return args;
  return [resource, { ...params, filter: apiFilter(resource, params.filter) }, ...args.slice(2)];
}

/**
 * The ra-data-graphql-simple provider, with GraphQL errors turned into react-admin HttpErrors
 * (every method's first argument is the resource, whose field labels word the errors).
 */
export const dataProvider = Object.fromEntries(
  Object.entries(graphQLProvider).map(([name, member]) => [
    name,
    typeof member === 'function'
      ? (...args: unknown[]) =>
          Promise.resolve((member as (...a: unknown[]) => unknown).apply(graphQLProvider, apiParams(name, args))).catch((error) => {
            throw toHttpError(error, typeof args[0] === 'string' ? args[0] : undefined);
          })
      : member,
  ]),
) as DataProvider;
