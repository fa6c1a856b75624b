import { ROLE_SCOPE, writableAccountRoles, type Role } from '@lindung/domain';
import { useGetIdentity } from 'react-admin';
import { roleChoices } from '../../common/choices';

/**
 * What the signed-in user may make of an account, from the shared matrix: the roles it may give
 * (an admin any, a regency official village heads only), and for a regency official the filter that
 * keeps the scope choices (villages, partners) inside its own regency.
 */
export function useAccountWriting() {
  const { identity, isPending } = useGetIdentity();
  const role = identity?.role as Role | undefined;
  const roles = writableAccountRoles(role);
  const choices = roleChoices.filter((choice) => (roles as string[]).includes(choice.id));
  const scopeFilter: Record<string, string> =
    role && ROLE_SCOPE[role] === 'regency' && typeof identity?.regencyId === 'string' ? { regencyId: identity.regencyId } : {};
  return { isPending, roles, choices, scopeFilter };
}
