import { normaliseEmail, ROLE_SCOPE, type Role } from '@lindung/domain';
import type { RaRecord } from 'react-admin';

/**
 * The arguments of createUser / updateUser from the form: only the scope id of the chosen role is
 * kept (the others are cleared), the regency of a village head or partner is left for the API to
 * derive, and an empty password means "unchanged".
 */
export function toUserArgs(data: RaRecord): RaRecord {
  const scope = ROLE_SCOPE[data.role as Role] ?? null;
  return {
    ...data,
    email: typeof data.email === 'string' ? normaliseEmail(data.email) : data.email,
    regencyId: scope === 'regency' ? data.regencyId : scope === null ? null : undefined,
    villageId: scope === 'village' ? data.villageId : null,
    partnerId: scope === 'partner' ? data.partnerId : null,
    password: data.password ? data.password : undefined,
  };
}
