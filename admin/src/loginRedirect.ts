/**
 * Where a signed-out visitor was going (a deep link such as `#/Village/…/show`), kept for this tab
 * while they sign in, so that the login can take them there.
 */
const KEY = 'lindung.afterLogin';

export function rememberDestination(path: string): void {
  if (path && path !== '/' && !path.startsWith('/login')) sessionStorage.setItem(KEY, path);
}

export function takeDestination(): string | null {
  const path = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  return path;
}
