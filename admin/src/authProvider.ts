import { canAccess as roleCanAccess } from '@lindung/domain';
import type { AuthProvider } from 'react-admin';
import { GraphQLRequestError } from './graphqlClient';
import { errorCodes, graphQLErrorsOf } from './errors';
import { rememberCurrentPage, rememberDestination, takeDestination } from './loginRedirect';
import { goToPasswordChange, PASSWORD_CHANGE_PATH } from './resources/account/passwordChange';
import { getAccessToken, readSession, signIn, signOut, updateSessionUser } from './session';

/**
 * An error whose message is a translation key, so that the login form can show it in the
 * current language (react-admin translates notification messages).
 */
export class LoginError extends Error {
  readonly messageArgs: Record<string, unknown>;

  constructor(key: string, messageArgs: Record<string, unknown> = {}) {
    super(key);
    this.name = 'LoginError';
    this.messageArgs = messageArgs;
  }
}

/** Which sign-in limit refused the attempt (`extensions.limit`); ACCOUNT and unknown ones get the default. */
const TOO_MANY_ATTEMPTS_BY_LIMIT: Record<string, string> = {
  SOURCE: 'lindung.auth.too_many_attempts_source',
  OVERALL: 'lindung.auth.too_many_attempts_overall',
};

interface LoginParams {
  email: string;
  password: string;
}

export const authProvider: AuthProvider = {
  async login({ email, password }: LoginParams) {
    try {
      const session = await signIn(email.trim(), password);
      const destination = takeDestination();
      if (session.user.mustChangePassword) {
        // A reset password: the new one first, then where the user was going.
        if (destination) rememberDestination(destination);
        return { redirectTo: PASSWORD_CHANGE_PATH };
      }
      return destination ? { redirectTo: destination } : undefined;
    } catch (error) {
      if (error instanceof GraphQLRequestError) {
        const extensions = error.extensions ?? {};
        const retryAfterSeconds = extensions.retryAfterSeconds;
        // TOO_MANY_REQUESTS (429) since the sign-in limits moved; older servers said UNAUTHENTICATED.
        if (extensions.reason === 'TOO_MANY_ATTEMPTS' || error.code === 'TOO_MANY_REQUESTS') {
          throw new LoginError(TOO_MANY_ATTEMPTS_BY_LIMIT[String(extensions.limit)] ?? 'lindung.auth.too_many_attempts', {
            retryAfterSeconds,
          });
        }
        if (error.code === 'SERVICE_UNAVAILABLE') {
          throw new LoginError('lindung.error.SERVICE_UNAVAILABLE', { retryAfterSeconds });
        }
        // Told only to the right password: the account is switched off, and who can switch it on.
        if (error.code === 'UNAUTHENTICATED' && extensions.reason === 'ACCOUNT_INACTIVE') {
          const askRoles = Array.isArray(extensions.askRoles) ? extensions.askRoles : [];
          throw new LoginError(askRoles.includes('REGENCY_OFFICIAL') ? 'lindung.auth.account_inactive_official' : 'lindung.auth.account_inactive');
        }
        if (error.code === 'UNAUTHENTICATED') throw new LoginError('lindung.auth.invalid_credentials');
        if (error.code === 'BAD_USER_INPUT') throw new LoginError('lindung.auth.invalid_credentials');
      }
      throw new LoginError('lindung.auth.server_unreachable');
    }
  },

  async logout() {
    await signOut();
  },

  async checkAuth() {
    // Someone who has not signed in yet just gets the login page, without an error message.
    if (!readSession()) throw { message: false };
    // Refreshes an access token that is about to expire; null means the session could not be kept.
    let token: string | null;
    try {
      token = await getAccessToken();
    } catch {
      // The server could not refresh just now (busy, unreachable): stay signed in. The page's own
      // requests fail and say why; the next one tries the refresh again.
      return;
    }
    if (!token) {
      // The refresh was refused (expired, revoked, reused): the session is over. react-admin signs
      // out and shows the login page; signing in again comes back to this page (also after a reload).
      rememberCurrentPage();
      throw new Error('ra.notification.logged_out');
    }
    // After an administrator reset, every page leads to the password change first.
    if (readSession()?.user.mustChangePassword) goToPasswordChange();
  },

  async checkError(error) {
    // The API wants a new password first (reset meanwhile): ask for it, without signing out.
    if (graphQLErrorsOf(error).some((e) => e.extensions?.reason === 'PASSWORD_CHANGE_REQUIRED')) {
      updateSessionUser({ mustChangePassword: true });
      throw { logoutUser: false, redirectTo: PASSWORD_CHANGE_PATH, message: false };
    }
    // Only an authentication failure ends the session. FORBIDDEN and the others — including
    // SERVICE_UNAVAILABLE (503) and TOO_MANY_REQUESTS (429) — are shown to the user as errors but
    // must not sign them out. (react-admin then calls logout, which clears
    // the stored session; clearing it here would suppress the "session ended" message.)
    if (errorCodes(error).includes('UNAUTHENTICATED') || error?.status === 401) {
      // The session ended elsewhere (signed out, revoked, the account changed): back here after
      // signing in. (Not after signing out here: that clears the session before late answers come.)
      if (readSession()) rememberCurrentPage();
      throw new Error('ra.notification.logged_out');
    }
  },

  async getIdentity() {
    const session = readSession();
    if (!session) throw new Error('ra.auth.auth_check_error');
    const { user } = session;
    return {
      id: user.id,
      fullName: user.fullName || user.email,
      email: user.email,
      role: user.role,
      regencyId: user.regencyId,
      villageId: user.villageId,
      partnerId: user.partnerId,
    };
  },

  async getPermissions() {
    return readSession()?.user.role ?? null;
  },

  async canAccess({ resource, action, record }) {
    const user = readSession()?.user;
    // Until a reset password is changed the API refuses everything else: the menu offers nothing
    // but the account page (which leads to the change).
    if (user?.mustChangePassword) return resource === 'Account' && action === 'list';
    return roleCanAccess(user?.role ?? null, resource, action, record);
  },
};
