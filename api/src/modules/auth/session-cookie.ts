import { parseCookie } from 'cookie';
import type { Request, Response } from 'express';

/**
 * The portal keeps its refresh token where page scripts cannot read it: an HttpOnly,
 * SameSite=Strict cookie scoped to the API path (Secure whenever the request came over HTTPS).
 * The portal asks for it with this header on login and refreshSession, and then gets no refresh
 * token in the response body; other API clients keep the body field.
 */
export const SESSION_TRANSPORT_HEADER = 'x-session-transport';
export const REFRESH_COOKIE = 'lindung_refresh';
const COOKIE_PATH = '/graphql';

export interface SessionCookie {
  /** The client asked for the cookie transport. */
  readonly wanted: boolean;
  /** The refresh token the cookie carries, if any. */
  readonly refreshToken: string | null;
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export function sessionCookieOf(req: Request, res: Response): SessionCookie {
  const header = req.headers.cookie;
  const refreshToken = header ? (parseCookie(header)[REFRESH_COOKIE] ?? null) : null;
  const attributes = { httpOnly: true, sameSite: 'strict' as const, secure: req.secure, path: COOKIE_PATH };
  return {
    wanted: req.headers[SESSION_TRANSPORT_HEADER] === 'cookie',
    refreshToken,
    set: (token, expiresAt) => res.cookie(REFRESH_COOKIE, token, { ...attributes, expires: expiresAt }),
    clear: () => res.clearCookie(REFRESH_COOKIE, attributes),
  };
}
