import type { ChangeSubscription } from '../../core/change-listener';
import type { RequestContext } from '../../core/context';

/**
 * What the per-request account check found for one (account, session): cached for a few seconds
 * so that a signed-in request costs no database round trip. Any change to what it read — an
 * account's role, scope, state or password, a session revoked — is announced by database
 * triggers on the `lindung_auth` channel, and every API process forgets the entries it concerns.
 * A partner's status is not part of it (a suspended partner's users still sign in and read; their
 * reports are refused where they are written), so partners announce nothing. While the listening
 * connection is down the cache is off: correctness never rests on the TTL alone.
 */
export interface AccountRecord {
  id: string;
  email: string;
  role: string;
  active: boolean;
  regencyId: string | null;
  villageId: string | null;
  partnerId: string | null;
  /** After a password reset, until the account changes it (the users trigger announces changes). */
  mustChangePassword: boolean;
  sessionLive: boolean;
  sessionExpiresAt: Date | null;
}

interface Entry {
  record: AccountRecord;
  expires: number;
}

export const AUTH_CHANNEL = 'lindung_auth';

export class AuthCache {
  private readonly byUser = new Map<string, Map<string, Entry>>();
  private size = 0;
  private listening = false;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get enabled(): boolean {
    return this.listening && this.ttlMs > 0;
  }

  get(userId: string, sessionId: string): AccountRecord | null {
    const entry = this.byUser.get(userId)?.get(sessionId);
    if (!entry || !this.enabled) return null;
    if (entry.expires <= Date.now()) {
      this.forgetSession(userId, sessionId);
      return null;
    }
    return entry.record;
  }

  set(userId: string, sessionId: string, record: AccountRecord): void {
    if (!this.enabled) return;
    // A full cache starts over rather than tracking recency: entries live seconds anyway.
    if (this.size >= this.maxEntries) this.forgetAll();
    let sessions = this.byUser.get(userId);
    if (!sessions) this.byUser.set(userId, (sessions = new Map()));
    if (!sessions.has(sessionId)) this.size += 1;
    sessions.set(sessionId, { record, expires: Date.now() + this.ttlMs });
  }

  forgetUser(userId: string): void {
    const sessions = this.byUser.get(userId);
    if (!sessions) return;
    this.size -= sessions.size;
    this.byUser.delete(userId);
  }

  forgetAll(): void {
    this.byUser.clear();
    this.size = 0;
  }

  /** Called by the listener: the cache serves only while change notices can reach it. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.forgetAll();
  }

  private forgetSession(userId: string, sessionId: string): void {
    const sessions = this.byUser.get(userId);
    if (sessions?.delete(sessionId)) this.size -= 1;
    if (sessions?.size === 0) this.byUser.delete(userId);
  }
}

interface AuthChange {
  table?: string;
  userId?: string | null;
}

/**
 * Applies one notice from the triggers (see the sessions-and-login-limits and partner-auth-notify
 * migrations): every one names an account; a notice that does not is not understood, so
 * everything is forgotten rather than something kept that should not be.
 */
export function applyAuthChange(cache: AuthCache, change: AuthChange): void {
  if (change.userId) cache.forgetUser(change.userId);
  else cache.forgetAll();
}

/** The account cache's subscription to the triggers' notices (see core/change-listener.ts). */
export function authChanges(cache: AuthCache): ChangeSubscription {
  return {
    channel: AUTH_CHANNEL,
    notice: (payload) => applyAuthChange(cache, (payload as AuthChange | null) ?? {}),
    listening: (on) => cache.setListening(on),
  };
}

/**
 * Forgets an account in this process as soon as the change commits; the trigger's notice tells
 * the other processes (and arrives here too, a moment later).
 */
export function forgetAccountAfterCommit(ctx: RequestContext, userId: string): void {
  ctx.afterCommit.push(() => ctx.app.authCache.forgetUser(userId));
}
