import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { newRefreshToken } from './tokens';

/** A refresh token is good for 14 days of inactivity, and no session outlives 30 days. */
const REFRESH_IDLE_DAYS = 14;
const SESSION_MAX_DAYS = 30;

export interface StoredRefreshToken {
  id: string;
  familyId: string;
  userId: string;
  expiresAt: Date;
  sessionExpiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/** Starts a session (a new token family) or continues one, returning the token to hand out. */
export async function issueRefreshToken(
  em: EntityManager,
  userId: string,
  family?: { familyId: string; sessionExpiresAt: Date },
): Promise<string> {
  const { token, hash } = newRefreshToken();
  await em.query(
    `INSERT INTO refresh_tokens (family_id, user_id, token_hash, session_expires_at, expires_at)
     SELECT f.family_id, $2, $3, f.session_expires_at, least(now() + make_interval(days => $4), f.session_expires_at)
     FROM (SELECT $1::uuid AS family_id, coalesce($5::timestamptz, now() + make_interval(days => $6)) AS session_expires_at) f`,
    [family?.familyId ?? randomUUID(), userId, hash, REFRESH_IDLE_DAYS, family?.sessionExpiresAt ?? null, SESSION_MAX_DAYS],
  );
  return token;
}

/** The stored token with this hash, locked for the rest of the transaction (one refresh at a time). */
export async function findRefreshTokenForUpdate(em: EntityManager, hash: Buffer): Promise<StoredRefreshToken | null> {
  const rows: StoredRefreshToken[] = await em.query(
    `SELECT id, family_id AS "familyId", user_id AS "userId", expires_at AS "expiresAt",
            session_expires_at AS "sessionExpiresAt", used_at AS "usedAt", revoked_at AS "revokedAt"
     FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
    [hash],
  );
  return rows[0] ?? null;
}

export async function markRefreshTokenUsed(em: EntityManager, id: string): Promise<void> {
  await em.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [id]);
}

export async function revokeFamily(em: EntityManager, familyId: string): Promise<void> {
  await em.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
}

export async function revokeAllSessions(em: EntityManager, userId: string): Promise<void> {
  await em.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
}

/** Housekeeping: sessions past their end are of no use to anyone. */
export async function deleteExpiredSessions(em: EntityManager): Promise<void> {
  await em.query(`DELETE FROM refresh_tokens WHERE session_expires_at < now() - interval '1 day'`);
}
