import type { Role } from '@lindung/domain';
import { graphqlRequest, GraphQLRequestError } from './graphqlClient';

/**
 * The signed-in session, kept in localStorage: the short-lived access token, the single-use
 * refresh token, and who signed in. Both the auth provider and the data provider read it here.
 */
export interface SessionUser {
  id: string;
  email: string;
  fullName: string | null;
  role: Role;
  regencyId: string | null;
  villageId: string | null;
  partnerId: string | null;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires, in this browser's clock (ms since the epoch). */
  expiresAt: number;
  user: SessionUser;
}

interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  user: SessionUser;
}

const STORAGE_KEY = 'lindung.session';
const LOCK_NAME = 'lindung.session.refresh';
/** Refresh when less than this is left, so no request leaves with a token about to expire. */
const REFRESH_MARGIN_MS = 60_000;

const AUTH_PAYLOAD = `accessToken refreshToken accessTokenExpiresAt user { id email fullName role regencyId villageId partnerId }`;
const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { ${AUTH_PAYLOAD} } }`;
const REFRESH = `mutation RefreshSession($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { ${AUTH_PAYLOAD} } }`;
const LOGOUT = `mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }`;

export function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    return session?.accessToken && session.refreshToken && session.user ? session : null;
  } catch {
    return null;
  }
}

function writeSession(session: Session): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(STORAGE_KEY);
}

/**
 * The expiry in this browser's clock. The token's own lifetime (exp − iat) is measured from now,
 * so a browser whose clock is off does not refresh too late; the ISO expiry is the fallback.
 */
function localExpiry(payload: AuthPayload): number {
  try {
    const claims = JSON.parse(atob(payload.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof claims.exp === 'number' && typeof claims.iat === 'number' && claims.exp > claims.iat) {
      return Date.now() + (claims.exp - claims.iat) * 1000;
    }
  } catch {
    // Not a readable JWT: use the server's stated expiry.
  }
  const stated = Date.parse(payload.accessTokenExpiresAt);
  return Number.isNaN(stated) ? Date.now() + REFRESH_MARGIN_MS : stated;
}

function store(payload: AuthPayload): Session {
  const session: Session = {
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    expiresAt: localExpiry(payload),
    user: payload.user,
  };
  writeSession(session);
  return session;
}

export async function signIn(email: string, password: string): Promise<Session> {
  const data = await graphqlRequest<{ login: AuthPayload }>(LOGIN, { email, password });
  return store(data.login);
}

/** Ends the session on the server (best effort: the local session is cleared either way). */
export async function signOut(): Promise<void> {
  const session = readSession();
  clearSession();
  if (!session) return;
  try {
    await graphqlRequest<{ logout: boolean }>(LOGOUT, { refreshToken: session.refreshToken }, session.accessToken);
  } catch {
    // The server may already have ended it (expired, revoked): nothing more to do.
  }
}

const needsRefresh = (session: Session) => session.expiresAt - Date.now() < REFRESH_MARGIN_MS;

/**
 * Refresh tokens are single-use and a reused one revokes the whole session family, so only one
 * refresh may be in flight: one promise within this tab, and a Web Lock across tabs (each tab
 * re-reads the stored session inside the lock and skips the call if another tab already rotated).
 */
let inFlight: Promise<Session | null> | null = null;

function refreshOnce(): Promise<Session | null> {
  if (!inFlight) {
    inFlight = withCrossTabLock(refreshIfStillNeeded).finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
}

async function withCrossTabLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(LOCK_NAME, task) : task();
}

async function refreshIfStillNeeded(): Promise<Session | null> {
  const session = readSession();
  if (!session) return null;
  if (!needsRefresh(session)) return session;
  try {
    const data = await graphqlRequest<{ refreshSession: AuthPayload }>(REFRESH, {
      refreshToken: session.refreshToken,
    });
    return store(data.refreshSession);
  } catch (error) {
    if (error instanceof GraphQLRequestError && error.code === 'UNAUTHENTICATED') {
      // Refused for good (expired, revoked, reused): the session is over.
      clearSession();
      return null;
    }
    // A transient failure (network, server restarting): keep the session and let the caller's
    // request report the problem; the next request tries again.
    return session;
  }
}

/** A usable access token, refreshed first when it is about to expire; null when signed out. */
export async function getAccessToken(): Promise<string | null> {
  const session = readSession();
  if (!session) return null;
  if (!needsRefresh(session)) return session.accessToken;
  const refreshed = await refreshOnce();
  return refreshed?.accessToken ?? null;
}
