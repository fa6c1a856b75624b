import type { Role } from '@lindung/domain';
import { graphqlRequest, GraphQLRequestError } from './graphqlClient';

/**
 * The signed-in session, kept in localStorage: the short-lived access token, its expiry and who
 * signed in (every tab reads it here, as do the auth and data providers). The single-use refresh
 * token is never seen by page scripts: the API keeps it in an HttpOnly cookie scoped to /graphql
 * (we ask for that with `X-Session-Transport: cookie`), and the browser sends it along.
 */
export interface SessionUser {
  id: string;
  email: string;
  fullName: string | null;
  role: Role;
  regencyId: string | null;
  villageId: string | null;
  partnerId: string | null;
  /** After an administrator reset the password: the portal asks for a new one before anything else. */
  mustChangePassword?: boolean;
}

export interface Session {
  accessToken: string;
  /** When the access token expires, in this browser's clock (ms since the epoch). */
  expiresAt: number;
  user: SessionUser;
}

interface AuthPayload {
  accessToken: string;
  accessTokenExpiresAt: string;
  user: SessionUser;
}

const STORAGE_KEY = 'lindung.session';
const LOCK_NAME = 'lindung.session.refresh';
/** Refresh when less than this is left, so no request leaves with a token about to expire. */
const REFRESH_MARGIN_MS = 60_000;
/** Login and refreshSession then set the refresh token as an HttpOnly cookie, not in the body. */
const COOKIE_TRANSPORT = { 'x-session-transport': 'cookie' };

// No `refreshToken` in the selection: with the cookie transport the API answers null anyway.
const AUTH_PAYLOAD = `accessToken accessTokenExpiresAt user { id email fullName role regencyId villageId partnerId mustChangePassword }`;
const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { ${AUTH_PAYLOAD} } }`;
// Without an argument both read the cookie; logout without one ends the bearer token's own session.
const REFRESH = `mutation RefreshSession { refreshSession { ${AUTH_PAYLOAD} } }`;
const LOGOUT = `mutation Logout { logout }`;

function isSession(value: unknown): value is Session {
  const candidate = value as Partial<Session> | null;
  return (
    typeof candidate?.accessToken === 'string' &&
    candidate.accessToken.length > 0 &&
    typeof candidate.expiresAt === 'number' &&
    typeof candidate.user === 'object' &&
    candidate.user !== null &&
    typeof candidate.user.id === 'string'
  );
}

export function readSession(): Session | null {
  let raw: string | null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage not available (privacy settings): nobody is signed in
  }
  if (!raw) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    stored = null;
  }
  // A session from before the cookie transport carries its refresh token in storage. Its access
  // token names no session, so the API refuses it anyway: drop the whole thing (the token is never
  // sent) and let the user sign in again. Anything unreadable goes the same way.
  if (!isSession(stored) || Object.prototype.hasOwnProperty.call(stored, 'refreshToken')) {
    clearSession();
    return null;
  }
  return { accessToken: stored.accessToken, expiresAt: stored.expiresAt, user: stored.user };
}

function writeSession(session: Session): void {
  // Exactly these three fields: nothing else from a server answer ends up in storage.
  const { accessToken, expiresAt, user } = session;
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ accessToken, expiresAt, user }));
}

/** Updates who signed in (the password was changed, or the API says it must be): every tab sees it. */
export function updateSessionUser(changes: Partial<SessionUser>): void {
  const session = readSession();
  if (session) writeSession({ ...session, user: { ...session.user, ...changes } });
}

export function clearSession(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage not available: nothing stored
  }
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
    expiresAt: localExpiry(payload),
    user: payload.user,
  };
  writeSession(session);
  return session;
}

export async function signIn(email: string, password: string): Promise<Session> {
  const data = await graphqlRequest<{ login: AuthPayload }>(LOGIN, { email, password }, { headers: COOKIE_TRANSPORT });
  return store(data.login);
}

/**
 * Ends the session on the server (best effort: the local session is cleared either way). The
 * cookie names the session and is cleared by the answer; the bearer token lets the API end the
 * current session even when the cookie is already gone. An expired access token does no harm here:
 * logout is public, and the API only reads who is calling.
 */
export async function signOut(): Promise<void> {
  const session = readSession();
  clearSession();
  try {
    await graphqlRequest<{ logout: boolean }>(LOGOUT, {}, { accessToken: session?.accessToken, headers: COOKIE_TRANSPORT });
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
    const data = await graphqlRequest<{ refreshSession: AuthPayload }>(REFRESH, {}, { headers: COOKIE_TRANSPORT });
    return store(data.refreshSession);
  } catch (error) {
    if (error instanceof GraphQLRequestError && error.code === 'UNAUTHENTICATED') {
      // Refused for good (expired, revoked, reused): the session is over.
      clearSession();
      return null;
    }
    // A transient failure (network, server busy or restarting: SERVICE_UNAVAILABLE, 503): keep the
    // session, and the next request tries again. While the access token still works, use it; once
    // it has expired, sending it would only be refused as UNAUTHENTICATED and sign the user out,
    // so the caller gets this failure to report instead.
    if (session.expiresAt <= Date.now()) throw error;
    return session;
  }
}

/**
 * A usable access token, refreshed first when it is about to expire; null when signed out. Throws
 * the refresh failure when the token has expired and the server could not refresh it just now.
 */
export async function getAccessToken(): Promise<string | null> {
  const session = readSession();
  if (!session) return null;
  if (!needsRefresh(session)) return session.accessToken;
  const refreshed = await refreshOnce();
  return refreshed?.accessToken ?? null;
}

/** A GraphQL call as the signed-in account: the portal's own mutations beside the data provider's. */
export async function requestSignedIn<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  return graphqlRequest<T>(query, variables, { accessToken: await getAccessToken() });
}
