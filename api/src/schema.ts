import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { accessGuard } from './core/access';
import { mutationTransaction } from './core/transaction';
import { validateArgs } from './core/validation';
import { AuthResolver } from './modules/auth/auth.resolver';
import { PartnerOrganisationResolver } from './modules/partners/partner-organisation.resolver';
import { regionResolvers } from './modules/regions/region.resolvers';
import { UserResolver } from './modules/users/user.resolver';

export const resolvers = [AuthResolver, ...regionResolvers, UserResolver, PartnerOrganisationResolver] as const;

/** The whole API schema. The guard runs first on every field, then the transaction wrapper. */
export function buildLindungSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    globalMiddlewares: [accessGuard, mutationTransaction],
    validateFn: validateArgs,
  });
}
