import { defaultFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { assertAllowed } from './access';
import type { RequestContext } from './context';
import { serviceErrorOf } from './database-errors';
import { ownTransactionsReason, runInTransaction } from './transaction';

/**
 * Wraps every root query and mutation of the built schema — declared or not — so that the access
 * check runs before its resolver (and before argument validation), every mutation runs in one
 * transaction (unless it declares `@OwnTransactions`), and a database that cannot take the request
 * answers with a coded 503 instead of an internal error. Root fields only: nested fields are
 * reached only through a root field that passed, and wrapping them would cost a promise per field
 * per row.
 */
export function protectRootOperations(schema: GraphQLSchema): GraphQLSchema {
  wrapFields(schema.getQueryType(), false);
  wrapFields(schema.getMutationType(), true);
  if (schema.getSubscriptionType()) throw new Error('Subscriptions are not guarded yet');
  return schema;
}

function wrapFields(type: GraphQLObjectType | null | undefined, mutation: boolean): void {
  if (!type) return;
  for (const field of Object.values(type.getFields())) {
    const resolve = field.resolve ?? defaultFieldResolver;
    const transactional = mutation && !ownTransactionsReason(field);
    field.resolve = async (source, args, context: RequestContext, info) => {
      assertAllowed(field, type.name, context);
      try {
        if (!transactional) return await resolve(source, args, context, info);
        // Mutations run one after another (GraphQL executes root mutation fields serially).
        return await runInTransaction(context, async () => resolve(source, args, context, info));
      } catch (error) {
        throw serviceErrorOf(error, context.logger);
      }
    };
  }
}

