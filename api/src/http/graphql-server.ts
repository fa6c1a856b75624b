import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type http from 'node:http';
import type { Config } from '../config';
import type { AppServices, RequestContext } from '../core/context';
import { QUERY_TOO_COSTLY, queryCostLimit } from '../core/cost';
import { formatError, isExpectedError } from '../core/format-error';
import { graphqlTransportGuard } from '../core/http-errors';
import { LIMITS, MAX_REQUEST_BODY, queryLimits } from '../core/limits';
import { releaseHeldConnection } from '../core/transaction';

/**
 * The GraphQL server: the query limits (depth, aliases, cost, tokens), errors as the contract
 * shapes them, no landing page, and a drain of in-flight requests on stop.
 */
export async function startGraphQLServer(schema: GraphQLSchema, httpServer: http.Server, config: Config, logger: AppServices['logger']): Promise<ApolloServer<RequestContext>> {
  const armor = queryLimits();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: armor.validationRules,
    formatError,
    logger,
    plugins: [
      ...armor.plugins,
      queryCostLimit(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Cache hints are not used; the plugin would otherwise wrap every field of every row.
      ApolloServerPluginCacheControlDisabled(),
      errorLogging(),
      legacyJsonStatus(),
    ],
  });
  await apollo.start();
  return apollo;
}

/**
 * `/graphql`'s handlers: the transport guard, the JSON body, Apollo. Mounted on the main app, whose
 * responses carry no ETag (see server.ts).
 */
export function graphqlRoute(apollo: ApolloServer<RequestContext>, context: (req: Request, res: Response) => Promise<RequestContext>): RequestHandler[] {
  return [graphqlTransportGuard(), express.json({ limit: MAX_REQUEST_BODY }), expressMiddleware(apollo, { context: async ({ req, res }) => context(req, res) })];
}

/**
 * Logs what the client is not shown: unexpected errors, with the request id the client got; and
 * ends the request's hold on its connection.
 */
function errorLogging(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isExpectedError(error)) continue;
            contextValue.logger.error({ err: error.originalError ?? error, operationName }, 'unexpected error');
          }
        },
        // The connection a mutation ran on was kept to read its answer (core/transaction.ts).
        async willSendResponse({ contextValue }) {
          await releaseHeldConnection(contextValue);
        },
      };
    },
  };
}

/** Apollo's codes (kept as `reason` by formatError) for a document that failed to parse, validate or coerce; or over the cost limit. */
const DOCUMENT_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', QUERY_TOO_COSTLY]);

/**
 * GraphQL-over-HTTP: a client that accepts only `application/json` SHOULD get 200 for a request
 * that fails to parse or validate (the errors are in the body); `application/graphql-response+json`
 * keeps the 4xx. Apollo answers 400 to both.
 */
function legacyJsonStatus(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          // Apollo answers in application/graphql-response+json whenever the client accepts it.
          const accept = request.http?.headers.get('accept') ?? '';
          const jsonOnly = !accept.includes('application/graphql-response+json');
          if (jsonOnly && response.http.status === 400 && response.body.kind === 'single') {
            const errors = response.body.singleResult.errors ?? [];
            const documentErrors = errors.length > 0 && errors.every((e) => DOCUMENT_ERRORS.has(String(e.extensions?.reason)));
            if (documentErrors) response.http.status = 200;
          }
        },
      };
    },
  };
}
