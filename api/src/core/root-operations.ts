import { defaultFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { assertAllowed } from './access';
import type { RequestContext } from './context';
import { runInTransaction } from './transaction';

/**
 * Wraps every root query and mutation of the built schema — declared or not — so that the access
 * check runs before its resolver (and before argument validation), and every mutation runs in one
 * transaction. Root fields only: nested fields are reached only through a root field that passed,
 * and wrapping them would cost a promise per field per row.
 */
export function protectRootOperations(schema: GraphQLSchema): GraphQLSchema {
  wrapFields(schema.getQueryType(), false);
  wrapFields(schema.getMutationType(), true);
  if (schema.getSubscriptionType()) throw new Error('Subscriptions are not guarded yet');
  return schema;
}

function wrapFields(type: GraphQLObjectType | null | undefined, transactional: boolean): void {
  if (!type) return;
  for (const field of Object.values(type.getFields())) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context: RequestContext, info) => {
      assertAllowed(field, type.name, context);
      if (!transactional) return resolve(source, args, context, info);
      // Mutations run one after another (GraphQL executes root mutation fields serially).
      return runInTransaction(context, async () => resolve(source, args, context, info));
    };
  }
}
