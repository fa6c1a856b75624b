import { normaliseEmail } from '@lindung/domain';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/**
 * Failed sign-ins are counted per account key (a hash of the email, whether the account exists or
 * not, so the throttle says nothing about which accounts exist). From the 5th consecutive failure
 * on, each further failure locks the key for twice as long: 1 s, 2 s, 4 s … at most 15 minutes.
 * Failures older than 15 minutes start the count afresh.
 */
export const THROTTLE_FREE_FAILURES = 4;
const MAX_LOCK_SECONDS = 15 * 60;
const FORGET_AFTER = '15 minutes';

export function throttleKey(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('hex');
}

/** Seconds until this key may try again, or 0. */
export async function lockedForSeconds(em: EntityManager, key: string): Promise<number> {
  const rows: { seconds: number }[] = await em.query(
    `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds
     FROM login_throttle WHERE key = $1 AND locked_until > now()`,
    [key],
  );
  return rows[0]?.seconds ?? 0;
}

export async function recordFailure(em: EntityManager, key: string): Promise<void> {
  await em.query(
    `INSERT INTO login_throttle AS t (key, failures, last_failure_at)
     VALUES ($1, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN t.last_failure_at < now() - $2::interval THEN 1 ELSE t.failures + 1 END,
       last_failure_at = now()`,
    [key, FORGET_AFTER],
  );
  await em.query(
    `UPDATE login_throttle
     SET locked_until = CASE WHEN failures > $2
       THEN now() + make_interval(secs => least($3, power(2, failures - $2 - 1))) END
     WHERE key = $1`,
    [key, THROTTLE_FREE_FAILURES, MAX_LOCK_SECONDS],
  );
}

export async function clearFailures(em: EntityManager, key: string): Promise<void> {
  await em.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
}

export async function forgetOldFailures(em: EntityManager): Promise<void> {
  await em.query(`DELETE FROM login_throttle WHERE last_failure_at < now() - interval '1 day'`);
}
