import { hasPermission, Permission } from '@lindung/domain';
import type { GraphQLField } from 'graphql';
import { Extensions } from 'type-graphql';
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

/**
 * Default deny: a root operation must declare `@Allow`, and the caller must hold one of the
 * declared permissions. Called before the operation's resolver (see root-operations.ts).
 */
export function assertAllowed(field: GraphQLField<unknown, unknown>, typeName: string, context: RequestContext): void {
  const permissions = declaredPermissions(field);
  if (!permissions) {
    context.logger.error({ field: `${typeName}.${field.name}` }, 'operation without an access rule');
    throw forbidden('This operation has no access rule');
  }
  if (permissions.includes(Permission.Public)) return;
  if (!context.actor) throw context.authError ?? unauthenticated();
  if (!permissions.some((permission) => hasPermission(context.actor!.role, permission))) throw forbidden();
}
