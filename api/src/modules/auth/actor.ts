import { PartnerStatus, type Role } from '@lindung/domain';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../core/context';
import { unauthenticated } from '../../core/errors';
import type { TokenKeys } from './keys';
import { verifyAccessToken } from './tokens';

export interface Authentication {
  actor: Actor | null;
  authError: Error | null;
}

const ANONYMOUS: Authentication = { actor: null, authError: null };

/**
 * Who is calling: the bearer token must verify, and the account must still exist, be active and
 * hold the role and scope the token claims — a changed account makes older tokens useless.
 */
export async function authenticate(
  header: string | undefined,
  keys: TokenKeys,
  dataSource: DataSource,
): Promise<Authentication> {
  if (!header) return ANONYMOUS;
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header);
  if (!match) return failed('Authorization must be "Bearer <access token>"');
  let claims;
  try {
    claims = await verifyAccessToken(keys, match[1]);
  } catch (error) {
    const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
    return failed(expired ? 'The access token has expired' : 'The access token is invalid', expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID');
  }
  const rows: AccountRow[] = await dataSource.query(
    `SELECT u.id, u.email, u.role, u.active, u.regency_id, u.village_id, u.partner_id, p.status AS partner_status
     FROM users u LEFT JOIN partner_organisations p ON p.id = u.partner_id
     WHERE u.id = $1`,
    [claims.sub],
  );
  const row = rows[0];
  if (!row || !row.active) return failed('The account is not active', 'ACCOUNT_INACTIVE');
  const current = { regencyId: row.regency_id, villageId: row.village_id, partnerId: row.partner_id };
  const unchanged =
    row.role === claims.role &&
    current.regencyId === claims.scope.regencyId &&
    current.villageId === claims.scope.villageId &&
    current.partnerId === claims.scope.partnerId;
  if (!unchanged) return failed('The account has changed; sign in again', 'SESSION_OUTDATED');
  return {
    actor: {
      id: row.id,
      email: row.email,
      role: row.role,
      scope: current,
      scopeActive: row.partner_id === null || row.partner_status === PartnerStatus.ACTIVE,
    },
    authError: null,
  };
}

interface AccountRow {
  id: string;
  email: string;
  role: Role;
  active: boolean;
  regency_id: string | null;
  village_id: string | null;
  partner_id: string | null;
  partner_status: string | null;
}

function failed(message: string, reason = 'TOKEN_INVALID'): Authentication {
  return { actor: null, authError: unauthenticated(message, { reason }) };
}
