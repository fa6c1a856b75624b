import { normaliseEmail } from '@lindung/domain';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource, EntityManager } from 'typeorm';
import { tooManyRequests } from '../../core/errors';
import { poolOf } from '../../database/data-source';

/**
 * Sign-in limits, after OWASP's authentication cheat sheet. Every attempt is counted atomically
 * *before* the password is checked (a success gives its points back), so concurrent attempts
 * cannot slip past a limit. The counts live in PostgreSQL (rate-limiter-flexible's store), shared
 * by every API process.
 *
 * - account + source: 5 failures in 15 minutes lock that account *from that address* for
 *   15 minutes — a stranger elsewhere cannot lock the owner out.
 * - account, from any source: past 10 failures in an hour each further attempt is slowed (½ s,
 *   1 s, 2 s … at most 8 s), never refused, so the owner can still sign in.
 * - source: 50 failed sign-ins in an hour from one address block it for 15 minutes — enough for a
 *   kantor desa whose staff share one address, not for password spraying.
 * - overall: 300 failed sign-ins a minute, from everywhere together, pause sign-ins for the rest
 *   of that minute (sessions already open are unaffected).
 *
 * An account is named by a hash of its normalised email, whether it exists or not, so the limits
 * behave alike for unknown emails and reveal nothing.
 */
export const LOGIN_LIMITS = {
  accountAndSource: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  source: { points: 50, duration: 60 * 60, blockDuration: 15 * 60 },
  overall: { points: 300, duration: 60 },
  account: { freeFailures: 10, duration: 60 * 60, firstDelayMs: 500, maxDelayMs: 8_000 },
} as const;

const TABLE = 'login_limits';

export interface Admission {
  /** Wait this long before checking the password (the account is under attack from elsewhere). */
  delayMs: number;
  /** The attempt succeeded: give back its points and forget the account's failures. */
  succeeded(): Promise<void>;
}

export class LoginLimits {
  private readonly accountAndSource: RateLimiterPostgres;
  private readonly source: RateLimiterPostgres;
  private readonly overall: RateLimiterPostgres;
  private readonly account: RateLimiterPostgres;

  constructor(dataSource: DataSource) {
    const store = (keyPrefix: string, options: { points: number; duration: number; blockDuration?: number }) =>
      new RateLimiterPostgres({
        storeClient: poolOf(dataSource),
        storeType: 'pool',
        tableName: TABLE,
        tableCreated: true, // by the migration, never by the library
        clearExpiredByTimeout: false, // housekeeping does it (forgetExpiredLimits)
        keyPrefix,
        ...options,
      });
    this.accountAndSource = store('login_account_source', LOGIN_LIMITS.accountAndSource);
    this.source = store('login_source', LOGIN_LIMITS.source);
    this.overall = store('login_overall', LOGIN_LIMITS.overall);
    this.account = store('login_account', { points: LOGIN_LIMITS.account.freeFailures, duration: LOGIN_LIMITS.account.duration });
  }

  /** Counts the attempt; refuses it (TOO_MANY_REQUESTS) when a limit is spent. */
  async admit(email: string, sourceIp: string): Promise<Admission> {
    const account = accountKey(email);
    const pair = `${account}:${sourceIp}`;
    await consumeOrRefuse(this.overall, 'all', 'OVERALL', 'Too many failed sign-ins right now; try again shortly');
    await consumeOrRefuse(this.source, sourceIp, 'SOURCE', 'Too many failed sign-ins from your network; try again later');
    await consumeOrRefuse(this.accountAndSource, pair, 'ACCOUNT', 'Too many failed sign-ins; try again later');
    const failures = await consumeCounting(this.account, account);
    return {
      delayMs: slowdownFor(failures),
      succeeded: async () => {
        await Promise.all([
          this.overall.reward('all', 1),
          this.source.reward(sourceIp, 1),
          this.accountAndSource.delete(pair),
          this.account.delete(account),
        ]);
      },
    };
  }
}

export function accountKey(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('hex');
}

async function consumeOrRefuse(limiter: RateLimiterPostgres, key: string, limit: string, message: string): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection; // the store failed, not the limit
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw tooManyRequests('TOO_MANY_ATTEMPTS', `${message} (in ${seconds} s)`, seconds, { limit });
  }
}

/** Consumes without refusing; returns how many attempts the key has made in its window. */
async function consumeCounting(limiter: RateLimiterPostgres, key: string): Promise<number> {
  try {
    return (await limiter.consume(key, 1)).consumedPoints;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return rejection.consumedPoints;
  }
}

function slowdownFor(attempts: number): number {
  const { freeFailures, firstDelayMs, maxDelayMs } = LOGIN_LIMITS.account;
  const excess = attempts - freeFailures;
  return excess <= 0 ? 0 : Math.min(maxDelayMs, firstDelayMs * 2 ** (excess - 1));
}

/** Housekeeping: counts whose window ended over an hour ago. */
export async function forgetExpiredLimits(em: EntityManager): Promise<void> {
  await em.query(`DELETE FROM ${TABLE} WHERE expire < $1`, [Date.now() - 60 * 60 * 1000]);
}
