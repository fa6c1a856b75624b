import { normaliseEmail } from '@lindung/domain';
import type { RequestContext } from '../../core/context';
import { unauthenticated } from '../../core/errors';
import { runInTransaction } from '../../core/transaction';
import { User } from '../users/user.entity';
import { forgetAccountAfterCommit } from './auth-cache';
import type { AuthPayload } from './auth.types';
import { verifyDecoy, verifyPassword } from './passwords';
import {
  findRefreshTokenForUpdate,
  issueRefreshToken,
  markRefreshTokenUsed,
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
    const admission = await ctx.app.loginLimits.admit(email, ctx.clientIp);
    if (admission.delayMs > 0) await sleep(admission.delayMs);
    const user = await ctx.em
      .createQueryBuilder(User, 'account')
      .addSelect('account.passwordHash')
      .where('account.email = :email', { email: normaliseEmail(email) })
      .getOne();
    const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyDecoy(password);
    if (!user || !valid || !user.active) throw unauthenticated(BAD_CREDENTIALS, { reason: 'BAD_CREDENTIALS' });
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export const authService = new AuthService();
