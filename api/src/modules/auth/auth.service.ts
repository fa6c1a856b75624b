import { normaliseEmail } from '@lindung/domain';
import type { RequestContext } from '../../core/context';
import { unauthenticated } from '../../core/errors';
import { User } from '../users/user.entity';
import type { AuthPayload } from './auth.types';
import { clearFailures, lockedForSeconds, recordFailure, throttleKey } from './login-throttle';
import { verifyDecoy, verifyPassword } from './passwords';
import {
  findRefreshTokenForUpdate,
  issueRefreshToken,
  markRefreshTokenUsed,
  revokeFamily,
} from './sessions';
import { hashRefreshToken, signAccessToken } from './tokens';

const BAD_CREDENTIALS = 'Wrong email or password';

export class AuthService {
  async login(ctx: RequestContext, email: string, password: string): Promise<AuthPayload> {
    const key = throttleKey(email);
    const wait = await lockedForSeconds(ctx.em, key);
    if (wait > 0) {
      throw unauthenticated(`Too many failed sign-ins; try again in ${wait} s`, {
        reason: 'TOO_MANY_ATTEMPTS',
        retryAfterSeconds: wait,
      });
    }
    const user = await ctx.em
      .createQueryBuilder(User, 'account')
      .addSelect('account.passwordHash')
      .where('account.email = :email', { email: normaliseEmail(email) })
      .getOne();
    const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyDecoy(password);
    if (!user || !valid || !user.active) {
      // The failure must be counted although this mutation's transaction rolls back.
      ctx.afterRollback.push(() => recordFailure(ctx.app.dataSource.manager, key));
      throw unauthenticated(BAD_CREDENTIALS, { reason: 'BAD_CREDENTIALS' });
    }
    await clearFailures(ctx.em, key);
    await ctx.em.update(User, { id: user.id }, { lastLoginAt: () => 'now()' });
    return this.payload(ctx, user, await issueRefreshToken(ctx.em, user.id));
  }

  async refresh(ctx: RequestContext, refreshToken: string): Promise<AuthPayload> {
    const stored = await findRefreshTokenForUpdate(ctx.em, hashRefreshToken(refreshToken));
    if (!stored) throw unauthenticated('The refresh token is not valid', { reason: 'REFRESH_TOKEN_INVALID' });
    if (stored.usedAt || stored.revokedAt) {
      // A spent token presented again means it was copied: end the whole session.
      ctx.afterRollback.push(() => revokeFamily(ctx.app.dataSource.manager, stored.familyId));
      ctx.logger.warn({ userId: stored.userId, familyId: stored.familyId }, 'refresh token re-used; session revoked');
      throw unauthenticated('The refresh token was already used; sign in again', { reason: 'REFRESH_TOKEN_REUSED' });
    }
    if (stored.expiresAt.getTime() <= Date.now()) {
      throw unauthenticated('The session has expired; sign in again', { reason: 'REFRESH_TOKEN_EXPIRED' });
    }
    const user = await ctx.em.findOne(User, { where: { id: stored.userId } });
    if (!user?.active) {
      ctx.afterRollback.push(() => revokeFamily(ctx.app.dataSource.manager, stored.familyId));
      throw unauthenticated('The account is not active', { reason: 'ACCOUNT_INACTIVE' });
    }
    await markRefreshTokenUsed(ctx.em, stored.id);
    const next = await issueRefreshToken(ctx.em, user.id, stored);
    return this.payload(ctx, user, next);
  }

  /** Ends the session the token belongs to. Unknown tokens are ignored: logging out twice is fine. */
  async logout(ctx: RequestContext, refreshToken: string): Promise<boolean> {
    const stored = await findRefreshTokenForUpdate(ctx.em, hashRefreshToken(refreshToken));
    if (stored) await revokeFamily(ctx.em, stored.familyId);
    return true;
  }

  async me(ctx: RequestContext): Promise<User> {
    const user = await ctx.em.findOne(User, { where: { id: ctx.actor!.id } });
    if (!user) throw unauthenticated();
    return user;
  }

  private async payload(ctx: RequestContext, user: User, refreshToken: string): Promise<AuthPayload> {
    const scope = { regencyId: user.regencyId, villageId: user.villageId, partnerId: user.partnerId };
    const access = await signAccessToken(ctx.app.keys, { sub: user.id, role: user.role, scope });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, user };
  }
}

export const authService = new AuthService();
