/**
 * The full portal (react-admin, MUI, the data provider and every resource page: App.tsx) as a part
 * loaded on demand. The sign-in page starts fetching it once the form is on screen, so that it has
 * usually arrived by the time the password is typed.
 */
type PortalModule = typeof import('../App');

let loading: Promise<PortalModule> | null = null;

export function loadPortal(): Promise<PortalModule> {
  loading ??= import('../App').catch((error: unknown) => {
    loading = null; // a failed download is tried again next time
    throw error;
  });
  return loading;
}

const RELOADED_AT = 'lindung.portalReloadedAt';

/**
 * After the portal failed to download: when the server answers, the likely cause is a new build
 * that replaced this page's files (their names change with every build), and one reload brings the
 * new page (still signed in). Not when the network is down, and not twice within half a minute.
 */
export async function reloadForNewBuild(): Promise<boolean> {
  try {
    const last = Number(sessionStorage.getItem(RELOADED_AT));
    if (last && Date.now() - last < 30_000) return false;
    const page = await fetch(window.location.pathname, { cache: 'no-store' });
    if (!page.ok) return false;
    sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  } catch {
    return false;
  }
  window.location.reload();
  return true;
}
