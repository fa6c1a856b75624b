import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { setContext } from '@apollo/client/link/context';
import { buildSchema, introspectionFromSchema } from 'graphql';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import type { DataProvider } from 'react-admin';
// The API's build writes its SDL here. Production turns introspection off, so the portal carries
// the schema instead of asking the server for it at runtime.
import schemaSdl from '../../api/schema.graphql?raw';
import { toHttpError } from './errors';
import { GRAPHQL_ENDPOINT } from './graphqlClient';
import { getAccessToken } from './session';

const introspectedSchema = introspectionFromSchema(buildSchema(schemaSdl)).__schema;

// Every request waits for a fresh access token (the session refreshes it when it is about to expire).
const authLink = setContext(async (_operation, { headers }) => {
  const token = await getAccessToken();
  return { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
});

const client = new ApolloClient({
  link: ApolloLink.from([authLink, new HttpLink({ uri: GRAPHQL_ENDPOINT })]),
  cache: new InMemoryCache(),
});

const graphQLProvider = buildGraphQLProvider({
  client,
  introspection: { schema: introspectedSchema },
}) as DataProvider;

/** The ra-data-graphql-simple provider, with GraphQL errors turned into react-admin HttpErrors. */
export const dataProvider = Object.fromEntries(
  Object.entries(graphQLProvider).map(([name, member]) => [
    name,
    typeof member === 'function'
      ? (...args: unknown[]) =>
          Promise.resolve((member as (...a: unknown[]) => unknown).apply(graphQLProvider, args)).catch((error) => {
            throw toHttpError(error);
          })
      : member,
  ]),
) as DataProvider;
