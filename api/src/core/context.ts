import type { Role, Scope } from '@lindung/domain';
import type DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Config } from '../config';
import type { AuthCache } from '../modules/auth/auth-cache';
import type { RateCache } from '../modules/contributions/rate-cache';
import type { TokenKeys } from '../modules/auth/keys';
import type { LoginLimits } from '../modules/auth/login-limits';
import type { SessionCookie } from '../modules/auth/session-cookie';

/** The signed-in account as this request sees it, read from the database, not only the token. */
export interface Actor {
  id: string;
  email: string;
  role: Role;
  scope: Scope;
  /** The sign-in session (refresh-token family) the access token belongs to. */
  sessionId: string;
  /** After a password reset: refused everything but the operations marked @AllowDuringPasswordChange. */
  mustChangePassword: boolean;
}

/** Process-wide services, built once at start. */
export interface AppServices {
  config: Config;
  dataSource: DataSource;
  keys: TokenKeys;
  logger: Logger;
  /** Accounts and sessions recently checked, forgotten on change (LISTEN/NOTIFY across processes). */
  authCache: AuthCache;
  /** Every contribution rate, forgotten on change (LISTEN/NOTIFY across processes). */
  rateCache: RateCache;
  loginLimits: LoginLimits;
}

/** One per GraphQL request; passed first to every service call. */
export interface RequestContext {
  requestId: string;
  app: AppServices;
  logger: Logger;
  actor: Actor | null;
  /** Why there is no actor although a token was sent (expired, forged…); raised on non-public operations. */
  authError: Error | null;
  /** The transaction's manager inside a mutation (its connection's after it), the pool's manager otherwise. */
  em: EntityManager;
  /** The connection the request's mutation ran on, kept to read its answer (core/transaction.ts). */
  heldConnection?: QueryRunner | null;
  /**
   * Work that must survive the mutation's rollback (security records: a revoked session). Runs on
   * the transaction's own connection after the ROLLBACK, with that connection's manager.
   */
  afterRollback: Array<(em: EntityManager) => Promise<unknown>>;
  /** Work for after the commit (forgetting cached accounts, setting cookies); never on failure. */
  afterCommit: Array<(em: EntityManager) => unknown>;
  /** The transaction's last statement, sent with its COMMIT in one round trip (core/transaction.ts `commitWith`). */
  commitStatement?: string;
  /** The client's address: the socket's, or X-Forwarded-For's when TRUST_PROXY says so. */
  clientIp: string;
  /** Per-request DataLoaders of the `@Relation` fields (core/relations.ts), one per relation. */
  loaders: Map<object, DataLoader<string, unknown>>;
  /** The refresh-token cookie of the portal's session (see modules/auth/session-cookie.ts). */
  sessionCookie: SessionCookie;
}
