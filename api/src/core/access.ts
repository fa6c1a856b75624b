import { hasPermission, Permission } from '@lindung/domain';
import type { GraphQLField, GraphQLResolveInfo } from 'graphql';
import { Extensions, type MiddlewareFn } from 'type-graphql';
import type { RequestContext } from './context';
import { forbidden, unauthenticated } from './errors';

/**
 * Declares who may call an operation, with permissions from the shared matrix in
 * `@lindung/domain` (any one is enough). The declaration lives on the schema field's extensions,
 * so the runtime guard and the permission snapshot read the very same thing.
 */
export function Allow(...permissions: [Permission, ...Permission[]]): MethodDecorator {
  return Extensions({ allow: permissions });
}

export function declaredPermissions(field: GraphQLField<unknown, unknown>): Permission[] | undefined {
  const allow = field.extensions?.allow;
  return Array.isArray(allow) && allow.length > 0 ? (allow as Permission[]) : undefined;
}

const isRootField = (info: GraphQLResolveInfo) => info.path.prev === undefined;

/**
 * Default deny: every root query and mutation must declare `@Allow`, and the caller must hold one
 * of the declared permissions. Runs before any resolver; nested fields are reached only through
 * a root field that passed.
 */
export const accessGuard: MiddlewareFn<RequestContext> = async ({ info, context }, next) => {
  if (!isRootField(info)) return next();
  const field = info.parentType.getFields()[info.fieldName];
  const permissions = field && declaredPermissions(field);
  if (!permissions) {
    context.logger.error({ field: `${info.parentType.name}.${info.fieldName}` }, 'operation without an access rule');
    throw forbidden('This operation has no access rule');
  }
  if (permissions.includes(Permission.Public)) return next();
  if (!context.actor) throw context.authError ?? unauthenticated();
  if (!permissions.some((permission) => hasPermission(context.actor!.role, permission))) throw forbidden();
  return next();
};
