import type { Role, Scope } from '@lindung/domain';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../config';
import type { TokenKeys } from '../modules/auth/keys';

/** The signed-in account as this request sees it, read from the database, not only the token. */
export interface Actor {
  id: string;
  email: string;
  role: Role;
  scope: Scope;
  /** False when the account's scope itself is switched off (a suspended partner organisation). */
  scopeActive: boolean;
}

/** Process-wide services, built once at start. */
export interface AppServices {
  config: Config;
  dataSource: DataSource;
  keys: TokenKeys;
  logger: Logger;
}

/** One per GraphQL request; passed first to every service call. */
export interface RequestContext {
  requestId: string;
  app: AppServices;
  logger: Logger;
  actor: Actor | null;
  /** Why there is no actor although a token was sent (expired, forged…); raised on non-public operations. */
  authError: Error | null;
  /** The transaction's manager inside a mutation, the pool's manager otherwise. */
  em: EntityManager;
  /** Work that must survive the mutation's rollback (security records: failed logins, revoked families). */
  afterRollback: Array<() => Promise<unknown>>;
}
