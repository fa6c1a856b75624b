import { canAccess as roleCanAccess } from '@lindung/domain';
import type { AuthProvider } from 'react-admin';
import { GraphQLRequestError } from './graphqlClient';
import { errorCodes } from './errors';
import { takeDestination } from './loginRedirect';
import { getAccessToken, readSession, signIn, signOut } from './session';

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
      await signIn(email.trim(), password);
      const destination = takeDestination();
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
    if (!token) throw new Error('ra.notification.logged_out');
  },

  async checkError(error) {
    // Only an authentication failure ends the session. FORBIDDEN and the others — including
    // SERVICE_UNAVAILABLE (503) and TOO_MANY_REQUESTS (429) — are shown to the user as errors but
    // must not sign them out. (react-admin then calls logout, which clears
    // the stored session; clearing it here would suppress the "session ended" message.)
    if (errorCodes(error).includes('UNAUTHENTICATED') || error?.status === 401) {
      throw new Error('ra.notification.logged_out');
    }
  },

  async getIdentity() {
    const session = readSession();
    if (!session) throw new Error('ra.auth.auth_check_error');
    const { user } = session;
    return { id: user.id, fullName: user.fullName || user.email, email: user.email, role: user.role };
  },

  async getPermissions() {
    return readSession()?.user.role ?? null;
  },

  async canAccess({ resource, action }) {
    return roleCanAccess(readSession()?.user.role ?? null, resource, action);
  },
};
