import type { Role } from '@lindung/domain';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../core/context';
import { unauthenticated } from '../../core/errors';
import type { AccountRecord, AuthCache } from './auth-cache';
import type { TokenKeys } from './keys';
import { verifyAccessToken, type AccessClaims } from './tokens';

export interface Authentication {
  actor: Actor | null;
  authError: Error | null;
}

const ANONYMOUS: Authentication = { actor: null, authError: null };

export interface AuthServices {
  keys: TokenKeys;
  dataSource: DataSource;
  authCache: AuthCache;
}

/**
 * Who is calling: the bearer token must verify, its session must still be live, and the account
 * must still exist, be active and hold the role and scope the token claims — logging out, a
 * revoked session or a changed account makes older tokens useless at once.
 */
export async function authenticate(header: string | undefined, services: AuthServices): Promise<Authentication> {
  if (!header) return ANONYMOUS;
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header);
  if (!match) return failed('Authorization must be "Bearer <access token>"');
  let claims: AccessClaims;
  try {
    claims = await verifyAccessToken(services.keys, match[1]);
  } catch (error) {
    const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
    return failed(expired ? 'The access token has expired' : 'The access token is invalid', expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID');
  }
  const record = await accountRecord(services, claims.sub, claims.sid);
  if (!record || !record.active) return failed('The account is not active', 'ACCOUNT_INACTIVE');
  if (!record.sessionLive || !record.sessionExpiresAt || record.sessionExpiresAt.getTime() <= Date.now()) {
    return failed('The session has ended; sign in again', 'SESSION_ENDED');
  }
  const current = { regencyId: record.regencyId, villageId: record.villageId, partnerId: record.partnerId };
  const unchanged =
    record.role === claims.role &&
    current.regencyId === claims.scope.regencyId &&
    current.villageId === claims.scope.villageId &&
    current.partnerId === claims.scope.partnerId;
  if (!unchanged) return failed('The account has changed; sign in again', 'SESSION_OUTDATED');
  return {
    actor: {
      id: record.id,
      email: record.email,
      role: record.role as Role,
      scope: current,
      sessionId: claims.sid,
      mustChangePassword: record.mustChangePassword,
    },
    authError: null,
  };
}

/** From the cache when this process has it, else one query (cached only when access is live). */
async function accountRecord(services: AuthServices, userId: string, sessionId: string): Promise<AccountRecord | null> {
  const cached = services.authCache.get(userId, sessionId);
  if (cached) return cached;
  const rows: AccountRecord[] = await services.dataSource.query(
    `SELECT u.id, u.email, u.role, u.active, u.regency_id AS "regencyId", u.village_id AS "villageId",
            u.partner_id AS "partnerId", u.must_change_password AS "mustChangePassword",
            (s.id IS NOT NULL AND s.revoked_at IS NULL) AS "sessionLive", s.expires_at AS "sessionExpiresAt"
     FROM users u
     LEFT JOIN sessions s ON s.id = $2 AND s.user_id = u.id
     WHERE u.id = $1`,
    [userId, sessionId],
  );
  const record = rows[0] ?? null;
  if (record?.active && record.sessionLive) services.authCache.set(userId, sessionId, record);
  return record;
}

function failed(message: string, reason = 'TOKEN_INVALID'): Authentication {
  return { actor: null, authError: unauthenticated(message, { reason }) };
}
