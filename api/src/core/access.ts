import { hasPermission, Permission, writableAccountRoles, type Role } from '@lindung/domain';
import type { GraphQLField } from 'graphql';
import { Extensions } from 'type-graphql';
import type { RequestContext } from './context';
import { AppError, ErrorCode, forbidden, unauthenticated } from './errors';

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
 * Declares that an account which must change its password (after an administrator reset it) may
 * still call this operation; every other one is refused to it until the password is changed.
 * Like `@Allow`, it lives on the field's extensions and shows in the reviewed permission map.
 */
export function AllowDuringPasswordChange(): MethodDecorator {
  return Extensions({ allowDuringPasswordChange: true });
}

export function allowedDuringPasswordChange(field: GraphQLField<unknown, unknown>): boolean {
  return field.extensions?.allowDuringPasswordChange === true;
}

export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';

/**
 * Default deny: a root operation must declare `@Allow`, and the caller must hold one of the
 * declared permissions. An account that must change its password may call only the operations
 * that declare `@AllowDuringPasswordChange`. Called before the operation's resolver (see
 * root-operations.ts).
 */
export function assertAllowed(field: GraphQLField<unknown, unknown>, typeName: string, context: RequestContext): void {
  const permissions = declaredPermissions(field);
  if (!permissions) {
    context.logger.error({ field: `${typeName}.${field.name}` }, 'operation without an access rule');
    throw forbidden('This operation has no access rule');
  }
  if (permissions.includes(Permission.Public)) return;
  if (!context.actor) throw context.authError ?? unauthenticated();
  if (context.actor.mustChangePassword && !allowedDuringPasswordChange(field)) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Change your password first (changePassword): it was reset by an administrator', {
      reason: PASSWORD_CHANGE_REQUIRED,
    });
  }
  if (!permissions.some((permission) => hasPermission(context.actor!.role, permission))) throw forbidden();
}

/**
 * Writes to accounts are bounded twice: by row scope like any record (scopedQuery for the account
 * loaded, assertWrittenWithinScope for the row it ends up as: which regency), and by the role of the
 * account — before and after the write — which must be one the caller's permissions cover
 * (`ACCOUNT_WRITE_ROLES` of the shared matrix: UserWrite any role, VillageHeadAccountWrite village
 * heads only). This is that second check.
 */
export function assertMayWriteAccountsOf(context: RequestContext, ...roles: Role[]): void {
  const writable = writableAccountRoles(context.actor?.role);
  if (!context.actor || roles.some((role) => !writable.includes(role))) {
    throw forbidden('Your role may not manage accounts of that role');
  }
}
