import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { newRefreshToken } from './tokens';

/** A refresh token is good for 14 days of inactivity, and no session outlives 30 days. */
const REFRESH_IDLE_DAYS = 14;
const SESSION_MAX_DAYS = 30;

/**
 * A session is one sign-in: a row in `sessions` that access tokens name (`sid`) and that a chain
 * of single-use refresh tokens continues. Revoking the row ends every token of the session.
 */
export interface StoredRefreshToken {
  id: string;
  sessionId: string;
  userId: string;
  expiresAt: Date;
  sessionExpiresAt: Date;
  usedAt: Date | null;
  sessionRevokedAt: Date | null;
}

export interface IssuedRefreshToken {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

/** Starts a session for the account, with its first refresh token. */
export async function startSession(em: EntityManager, userId: string): Promise<IssuedRefreshToken> {
  const sessionId = randomUUID();
  await em.query(
    `INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))`,
    [sessionId, userId, SESSION_MAX_DAYS],
  );
  return issueRefreshToken(em, userId, sessionId);
}

/** The next refresh token of a session; it expires with inactivity or with the session. */
export async function issueRefreshToken(em: EntityManager, userId: string, sessionId: string): Promise<IssuedRefreshToken> {
  const { token, hash } = newRefreshToken();
  const rows: { expires_at: Date }[] = await em.query(
    `INSERT INTO refresh_tokens (session_id, user_id, token_hash, expires_at)
     SELECT s.id, $2, $3, least(now() + make_interval(days => $4), s.expires_at) FROM sessions s WHERE s.id = $1
     RETURNING expires_at`,
    [sessionId, userId, hash, REFRESH_IDLE_DAYS],
  );
  return { token, sessionId, expiresAt: rows[0].expires_at };
}

/** The stored token with this hash, locked for the rest of the transaction (one refresh at a time). */
export async function findRefreshTokenForUpdate(em: EntityManager, hash: Buffer): Promise<StoredRefreshToken | null> {
  const rows: StoredRefreshToken[] = await em.query(
    `SELECT t.id, t.session_id AS "sessionId", t.user_id AS "userId", t.expires_at AS "expiresAt",
            s.expires_at AS "sessionExpiresAt", t.used_at AS "usedAt", s.revoked_at AS "sessionRevokedAt"
     FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
     WHERE t.token_hash = $1 FOR UPDATE OF t`,
    [hash],
  );
  return rows[0] ?? null;
}

export async function markRefreshTokenUsed(em: EntityManager, id: string): Promise<void> {
  await em.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [id]);
}

export async function revokeSession(em: EntityManager, sessionId: string): Promise<void> {
  await em.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
}

/** Ends every session of the account, but `except` (the caller's own, when it changes its password). */
export async function revokeAllSessions(em: EntityManager, userId: string, options: { except?: string } = {}): Promise<void> {
  await em.query(
    `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2`,
    [userId, options.except ?? null],
  );
}

/** Housekeeping: sessions past their end are of no use to anyone (their tokens go with them). */
export async function deleteExpiredSessions(em: EntityManager): Promise<void> {
  await em.query(`DELETE FROM sessions WHERE expires_at < now() - interval '1 day'`);
}
