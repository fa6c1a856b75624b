import { accountManagerRoles, newPasswordProblem, normaliseEmail, type Role } from '@lindung/domain';
import type { RequestContext } from '../../core/context';
import { badUserInput, conflict, unauthenticated } from '../../core/errors';
import { runInTransaction } from '../../core/transaction';
import { User } from '../users/user.entity';
import { forgetAccountAfterCommit } from './auth-cache';
import type { AuthPayload } from './auth.types';
import type { Admission } from './login-limits';
import { hashPassword, verifyDecoy, verifyPassword } from './passwords';
import {
  findRefreshTokenForUpdate,
  issueRefreshToken,
  markRefreshTokenUsed,
  revokeAllSessions,
  revokeSession,
  startSession,
  type IssuedRefreshToken,
} from './sessions';
import { hashRefreshToken, signAccessToken } from './tokens';

const BAD_CREDENTIALS = 'Wrong email or password';

export class AuthService {
  /**
   * Count the attempt, read the account, let go of the connection, verify the password (tens of
   * milliseconds of CPU on the thread pool), and only then write the session, in its own short
   * transaction. No connection is held while hashing, so sign-ins cannot starve other requests.
   */
  async login(ctx: RequestContext, email: string, password: string): Promise<AuthPayload> {
    const admission = await admitAttempt(ctx, email);
    const user = await accountWithPasswordHash(ctx, 'email', normaliseEmail(email));
    const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyDecoy(password);
    if (!user || !valid) throw unauthenticated(BAD_CREDENTIALS, { reason: 'BAD_CREDENTIALS' });
    // Only the right password learns that the account exists but is switched off, and whom to ask.
    if (!user.active) throw accountInactive(user.role);
    const payload = await runInTransaction(ctx, async () => {
      await ctx.em.update(User, { id: user.id }, { lastLoginAt: () => 'now()' });
      return this.payload(ctx, user, await startSession(ctx.em, user.id));
    });
    await admission.succeeded();
    return payload;
  }

  async refresh(ctx: RequestContext, refreshToken: string | undefined): Promise<AuthPayload> {
    const presented = refreshToken ?? ctx.sessionCookie.refreshToken;
    if (!presented) throw unauthenticated('No refresh token was sent', { reason: 'REFRESH_TOKEN_INVALID' });
    const stored = await findRefreshTokenForUpdate(ctx.em, hashRefreshToken(presented));
    if (!stored) throw unauthenticated('The refresh token is not valid', { reason: 'REFRESH_TOKEN_INVALID' });
    if (stored.sessionRevokedAt) {
      throw unauthenticated('The session has ended; sign in again', { reason: 'SESSION_ENDED' });
    }
    if (stored.usedAt) {
      // A spent token presented again means it was copied: end the whole session.
      this.revokeDespiteRollback(ctx, stored.userId, stored.sessionId);
      ctx.logger.warn({ userId: stored.userId, sessionId: stored.sessionId }, 'refresh token re-used; session revoked');
      throw unauthenticated('The refresh token was already used; sign in again', { reason: 'REFRESH_TOKEN_REUSED' });
    }
    if (stored.expiresAt.getTime() <= Date.now() || stored.sessionExpiresAt.getTime() <= Date.now()) {
      throw unauthenticated('The session has expired; sign in again', { reason: 'REFRESH_TOKEN_EXPIRED' });
    }
    const user = await ctx.em.findOne(User, { where: { id: stored.userId } });
    if (!user?.active) {
      this.revokeDespiteRollback(ctx, stored.userId, stored.sessionId);
      throw unauthenticated('The account is not active', { reason: 'ACCOUNT_INACTIVE' });
    }
    await markRefreshTokenUsed(ctx.em, stored.id);
    return this.payload(ctx, user, await issueRefreshToken(ctx.em, user.id, stored.sessionId));
  }

  /**
   * Ends a session: the one the refresh token (argument or cookie) belongs to, else the caller's
   * own. Unknown tokens are ignored: logging out twice is fine.
   */
  async logout(ctx: RequestContext, refreshToken: string | undefined): Promise<boolean> {
    const presented = refreshToken ?? ctx.sessionCookie.refreshToken;
    const stored = presented ? await findRefreshTokenForUpdate(ctx.em, hashRefreshToken(presented)) : null;
    const session = stored ? { userId: stored.userId, sessionId: stored.sessionId } : ctx.actor && { userId: ctx.actor.id, sessionId: ctx.actor.sessionId };
    if (session) {
      await revokeSession(ctx.em, session.sessionId);
      forgetAccountAfterCommit(ctx, session.userId);
    }
    if (ctx.sessionCookie.refreshToken) ctx.afterCommit.push(() => ctx.sessionCookie.clear());
    return true;
  }

  /**
   * The caller changes its own password. As at sign-in, the attempt is counted first and the
   * current password is verified (and the new one hashed) holding no connection; then one short
   * transaction writes it, clears a reset's mustChangePassword and ends the account's other
   * sessions — this one continues.
   */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<boolean> {
    const actor = ctx.actor!;
    const problem = newPasswordProblem(currentPassword, newPassword);
    if (problem) throw badUserInput({ newPassword: problem });
    const admission = await admitAttempt(ctx, actor.email);
    const user = await accountWithPasswordHash(ctx, 'id', actor.id);
    if (!user) throw unauthenticated();
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw badUserInput({ currentPassword: { code: 'PASSWORD_WRONG' } });
    }
    const passwordHash = await hashPassword(newPassword);
    await runInTransaction(ctx, async () => {
      // Only over the password just verified: a reset or change that came in between wins.
      const result = await ctx.em
        .createQueryBuilder()
        .update(User)
        .set({ passwordHash, mustChangePassword: false })
        .where('id = :id AND password_hash = :verified AND active', { id: user.id, verified: user.passwordHash })
        .execute();
      if (!result.affected) throw conflict('PASSWORD_CHANGED', 'Your password was changed meanwhile; sign in again and retry');
      await revokeAllSessions(ctx.em, user.id, { except: actor.sessionId });
      forgetAccountAfterCommit(ctx, user.id);
    });
    await admission.succeeded();
    return true;
  }

  async me(ctx: RequestContext): Promise<User> {
    const user = await ctx.em.findOne(User, { where: { id: ctx.actor!.id } });
    if (!user) throw unauthenticated();
    return user;
  }

  /** The mutation fails, but the session must end all the same (on the same connection, after the rollback). */
  private revokeDespiteRollback(ctx: RequestContext, userId: string, sessionId: string): void {
    ctx.afterRollback.push(async (em) => {
      await revokeSession(em, sessionId);
      ctx.app.authCache.forgetUser(userId);
    });
  }

  /** The refresh token goes into the body, or into the HttpOnly cookie when the client asked for it. */
  private async payload(ctx: RequestContext, user: User, refresh: IssuedRefreshToken): Promise<AuthPayload> {
    const scope = { regencyId: user.regencyId, villageId: user.villageId, partnerId: user.partnerId };
    const access = await signAccessToken(ctx.app.keys, { sub: user.id, role: user.role, scope, sid: refresh.sessionId });
    const cookie = ctx.sessionCookie.wanted;
    if (cookie) ctx.afterCommit.push(() => ctx.sessionCookie.set(refresh.token, refresh.expiresAt));
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: cookie ? null : refresh.token,
      user,
    };
  }
}

function accountInactive(role: Role) {
  const askRoles = accountManagerRoles(role);
  const whom = askRoles.includes('REGENCY_OFFICIAL') ? 'your regency official or a program administrator' : 'a program administrator';
  return unauthenticated(`This account has been deactivated; ask ${whom} to reactivate it`, { reason: 'ACCOUNT_INACTIVE', askRoles });
}

/** Counts a password attempt against the sign-in limits (refused when one is spent), then waits as they say. */
async function admitAttempt(ctx: RequestContext, email: string): Promise<Admission> {
  const admission = await ctx.app.loginLimits.admit(email, ctx.clientIp);
  if (admission.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, admission.delayMs));
  return admission;
}

/** The account with its password hash (never selected otherwise), read on the pool and released. */
function accountWithPasswordHash(ctx: RequestContext, by: 'email' | 'id', value: string): Promise<User | null> {
  return ctx.em.createQueryBuilder(User, 'account').addSelect('account.passwordHash').where(`account.${by} = :value`, { value }).getOne();
}

export const authService = new AuthService();
