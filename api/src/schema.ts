import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { protectRootOperations } from './core/root-operations';
import { validateArgs } from './core/validation';
import { AuthResolver } from './modules/auth/auth.resolver';
import { PartnerOrganisationResolver } from './modules/partners/partner-organisation.resolver';
import { regionResolvers } from './modules/regions/region.resolvers';
import { UserResolver } from './modules/users/user.resolver';

export const resolvers = [AuthResolver, ...regionResolvers, UserResolver, PartnerOrganisationResolver] as const;

/** The whole API schema, every root operation guarded (and every mutation transactional). */
export async function buildLindungSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers, validateFn: validateArgs });
  return protectRootOperations(schema);
}
