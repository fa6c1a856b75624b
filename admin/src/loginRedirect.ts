/**
 * Where the person was going when they had to sign in (again), kept for this tab while they do, so
 * that signing in takes them there: a deep link followed while signed out (`#/Village/…/show`), or
 * the page on screen when the session ended (refresh refused, session revoked elsewhere). Kept in
 * sessionStorage, not only in the router's state, so that it survives a reload of the sign-in page.
 */
const KEY = 'lindung.afterLogin';

export function rememberDestination(path: string): void {
  if (!path || path === '/' || path.startsWith('/login') || path.startsWith('/change-password')) return;
  try {
    sessionStorage.setItem(KEY, path);
  } catch {
    // storage not available: signing in leads to the home page
  }
}

/** The page on screen (the hash route, with its query), kept for after signing in again. */
export function rememberCurrentPage(): void {
  rememberDestination(window.location.hash.replace(/^#/, ''));
}

export function takeDestination(): string | null {
  try {
    const path = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return path;
  } catch {
    return null;
  }
}
