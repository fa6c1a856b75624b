import type { Page } from 'playwright-core';
import { BASE_URL, STEP_TIMEOUT, submitLogin, usePortal } from '../support/browser';

/**
 * The portal in a real browser, against a running API with the demo data that also serves the
 * built portal at `/` (the harness sets LINDUNG_API_URL). Each sign-in gets a fresh browser context,
 * so no session or language choice leaks from one test to the next.
 */
const DEMO_PASSWORD = 'lindung-demo';

jest.setTimeout(30_000);

const { openLoginPage } = usePortal();

/** Signs in and waits for the menu (every role may read the regions, so Village is always there). */
async function signIn(email: string): Promise<Page> {
  const page = await openLoginPage();
  await submitLogin(page, email, DEMO_PASSWORD);
  await page.locator('a[href="#/Village"]').first().waitFor();
  return page;
}

/** A resource's entry in the side menu (the home page links to some resources too). */
const menuLink = (page: Page, resource: string) => page.locator(`a[href="#/${resource}"]:not([data-home-shortcut])`);

/** Opens the villages list and waits until its rows are on screen. */
async function openVillages(page: Page): Promise<void> {
  await menuLink(page, 'Village').first().click();
  await page.waitForURL(/#\/Village(\?|$)/);
  await page.locator('td.column-name').first().waitFor();
}

const SESSION_KEY = 'lindung.session';
const REFRESH_COOKIE = 'lindung_refresh';

/** Waits, at most STEP_TIMEOUT, until `check` gives a value (not undefined/null/false). */
async function eventually<T>(check: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  const deadline = Date.now() + STEP_TIMEOUT;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const refreshCookie = async (page: Page) =>
  (await page.context().cookies()).find((cookie) => cookie.name === REFRESH_COOKIE);

/** Every key and value in the page's localStorage. */
const localStorageOf = (page: Page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key) ?? ''])));

async function storedSession(page: Page): Promise<Record<string, unknown> & { accessToken: string; expiresAt: number }> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY);
  if (!raw) throw new Error('No session in localStorage');
  return JSON.parse(raw);
}

/** A GraphQL request from the test itself (not the browser), with nothing but the given headers. */
async function graphql(query: string, headers: Record<string, string>) {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: { extensions?: Record<string, unknown> }[] };
}

describe('portal', () => {
  it('should show every menu and the create button when signed in as admin', async () => {
    const page = await signIn('admin@lindung.test');

    for (const resource of ['Regency', 'District', 'Village', 'User', 'PartnerOrganisation']) {
      await expect(menuLink(page, resource).count()).resolves.toBe(1);
    }
    await openVillages(page);
    await page.locator('a[href="#/Village/create"]').waitFor();
  });

  it('should find a village by name when searching the villages list', async () => {
    const page = await signIn('admin@lindung.test');
    await openVillages(page);

    await page.locator('input[name="q"]').fill('Mas');
    // The list is searched once typing stops: wait until every row left matches the search.
    await page.waitForFunction(() => {
      const names = [...document.querySelectorAll('td.column-name')].map((cell) => cell.textContent ?? '');
      return names.length > 0 && names.every((name) => /mas/i.test(name));
    });
    await page.locator('td.column-name').filter({ hasText: /^Mas$/ }).first().waitFor();
  });

  it('should show a partner the region menus and its organisation but not users when signed in as partner', async () => {
    const page = await signIn('mitra.sanggar@lindung.test');

    for (const resource of ['Regency', 'District', 'Village', 'PartnerOrganisation']) {
      await expect(menuLink(page, resource).count()).resolves.toBe(1);
    }
    await expect(menuLink(page, 'User').count()).resolves.toBe(0);

    await openVillages(page);
    await expect(page.locator('a[href="#/Village/create"]').count()).resolves.toBe(0);
  });

  it('should show a regency official the accounts of its regency, with a create button (for village heads)', async () => {
    const page = await signIn('pejabat.gianyar@lindung.test');
    await menuLink(page, 'User').first().click();
    await page.waitForURL(/#\/User(\?|$)/);
    await page.locator('td.column-email', { hasText: 'perbekel.mas@lindung.test' }).waitFor();
    await expect(page.locator('td.column-email', { hasText: 'pejabat.badung@lindung.test' }).count()).resolves.toBe(0);
    await page.locator('a[href="#/User/create"]').first().waitFor();
  });

  it('should change the labels when switching between Indonesian and English', async () => {
    const page = await signIn('admin@lindung.test');
    const villagesLink = menuLink(page, 'Village').first();
    await expect(villagesLink.textContent()).resolves.toContain('Desa/Kelurahan');

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.locator('a[href="#/Village"]', { hasText: 'Villages' }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Bahasa Indonesia' }).click();
    await page.locator('a[href="#/Village"]', { hasText: 'Desa/Kelurahan' }).waitFor();
  });

  it('should show an error and stay on the login page when the password is wrong', async () => {
    const page = await openLoginPage();
    // An account no other test signs in with, so this one failure cannot slow down the others.
    await submitLogin(page, 'mitra.penyuluh@lindung.test', 'not-the-password');

    // Indonesian is the default language; a throttled account would get the second message.
    await page.getByRole('alert').filter({ hasText: /Email atau kata sandi salah|Terlalu banyak percobaan/ }).waitFor();
    await expect(page.locator('input[name="email"]').isVisible()).resolves.toBe(true);
    await expect(menuLink(page, 'Village').count()).resolves.toBe(0);
  });

  it('should keep the refresh token in an HttpOnly cookie and out of localStorage when signed in', async () => {
    const page = await signIn('admin@lindung.test');

    const cookie = await refreshCookie(page);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql' });
    expect(cookie!.value.length).toBeGreaterThan(20);

    const session = await storedSession(page);
    expect(Object.keys(session).sort()).toEqual(['accessToken', 'expiresAt', 'user']);
    const storage = await localStorageOf(page);
    for (const [key, value] of Object.entries(storage)) {
      expect(`${key}=${value}`).not.toContain(cookie!.value);
      expect(value).not.toMatch(/refreshToken/i);
    }
  });

  it('should refresh through the cookie when the stored access token has expired', async () => {
    const page = await signIn('admin@lindung.test');
    await openVillages(page);
    const before = await storedSession(page);
    const cookieBefore = (await refreshCookie(page))!.value;

    // Make the access token look expired to the portal: its next request must refresh first.
    await page.evaluate(
      ({ key, session }) => localStorage.setItem(key, JSON.stringify({ ...session, expiresAt: Date.now() })),
      { key: SESSION_KEY, session: before },
    );
    // A list not loaded before, so its rows cannot come from the cache.
    await menuLink(page, 'PartnerOrganisation').first().click();
    await page.waitForURL(/#\/PartnerOrganisation(\?|$)/);
    await page.locator('td.column-name', { hasText: 'Sanggar Seni Tari Mas' }).first().waitFor();

    const after = await eventually(async () => {
      const session = await storedSession(page);
      return session.accessToken !== before.accessToken && session;
    }, 'a new access token');
    expect(after.expiresAt).toBeGreaterThan(Date.now() + 60_000);
    expect(after).not.toHaveProperty('refreshToken');
    const cookieAfter = await refreshCookie(page);
    expect(cookieAfter).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql' });
    expect(cookieAfter!.value).not.toBe(cookieBefore);

    // Still signed in with the rotated session after a reload.
    await page.reload();
    await page.locator('td.column-name', { hasText: 'Sanggar Seni Tari Mas' }).first().waitFor();
  });

  it('should end the session on the server and clear the cookie when logging out', async () => {
    const page = await signIn('admin@lindung.test');
    const { accessToken } = await storedSession(page);
    const cookie = (await refreshCookie(page))!.value;
    const me = await graphql('{ me { id } }', { authorization: `Bearer ${accessToken}` });
    expect(me.errors).toBeUndefined();

    await page.getByRole('button', { name: 'Profil' }).click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await page.locator('input[name="email"]').waitFor();

    await eventually(async () => (await refreshCookie(page)) === undefined, 'the refresh cookie to be cleared');
    await expect(page.evaluate((key) => localStorage.getItem(key), SESSION_KEY)).resolves.toBeNull();
    // The access token is refused at once, not only when it expires; so is the cookie's refresh token.
    const refused = await graphql('{ me { id } }', { authorization: `Bearer ${accessToken}` });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const refresh = await graphql('mutation { refreshSession { accessToken } }', { cookie: `${REFRESH_COOKIE}=${cookie}` });
    expect(refresh.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('should say which sign-in limit was reached, with the wait in words, when the API answers 429', async () => {
    const page = await openLoginPage();
    // The limits themselves are the API tests' business: here the answer is staged.
    await page.route('**/graphql', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '900' },
        body: JSON.stringify({
          errors: [
            {
              message: 'Too many failed sign-ins from your network; try again later (in 900 s)',
              extensions: { code: 'TOO_MANY_REQUESTS', reason: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 900, limit: 'SOURCE' },
            },
          ],
        }),
      }),
    );
    await submitLogin(page, 'admin@lindung.test', DEMO_PASSWORD);
    await page.getByRole('alert').filter({ hasText: 'dari jaringan Anda. Coba lagi dalam 15 menit.' }).waitFor();
    await expect(page.locator('input[name="email"]').isVisible()).resolves.toBe(true);
  });

  it('should show "server busy" and stay signed in when a data request gets HTTP 503', async () => {
    const page = await signIn('admin@lindung.test');
    // Off the first page (the regencies), so the list staged to fail below has not been loaded yet.
    await openVillages(page);
    await page.route('**/graphql', (route) =>
      /allPartnerOrganisations/.test(route.request().postData() ?? '')
        ? route.fulfill({
            status: 503,
            headers: { 'content-type': 'application/json', 'retry-after': '5' },
            body: JSON.stringify({
              errors: [
                {
                  message: 'The database is busy; try again shortly',
                  extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_BUSY', retryAfterSeconds: 5 },
                },
              ],
            }),
          })
        : route.continue(),
    );
    await menuLink(page, 'PartnerOrganisation').first().click();
    await page.getByRole('alert').filter({ hasText: 'Server sedang sibuk. Silakan coba lagi dalam 5 detik.' }).waitFor();

    // Not signed out: once the server answers again, a reload shows the list.
    await page.unroute('**/graphql');
    await page.reload();
    await page.locator('td.column-name', { hasText: 'Sanggar Seni Tari Mas' }).first().waitFor();
    expect(page.url()).toContain('#/PartnerOrganisation');
  });

  it('should drop a session stored before the cookie transport without sending its refresh token', async () => {
    const page = await openLoginPage();
    const sent: string[] = [];
    page.on('request', (request) => sent.push(`${request.url()} ${request.postData() ?? ''}`));
    await page.evaluate((key) => {
      const user = { id: '00000000-0000-0000-0000-000000000000', email: 'admin@lindung.test', fullName: null, role: 'ADMIN' };
      localStorage.setItem(key, JSON.stringify({ accessToken: 'a.b.c', refreshToken: 'legacy-refresh-token', expiresAt: 0, user }));
    }, SESSION_KEY);

    await page.goto(`${BASE_URL}/#/Village`);
    await page.locator('input[name="email"]').waitFor();
    await expect(page.evaluate((key) => localStorage.getItem(key), SESSION_KEY)).resolves.toBeNull();
    expect(sent.filter((line) => line.includes('legacy-refresh-token'))).toEqual([]);
  });
});

describe('contribution rates', () => {
  it('should show a village head the rates in force, rupiah written the Indonesian way, without a create button', async () => {
    const page = await signIn('perbekel.mas@lindung.test');
    await page.goto(`${BASE_URL}/#/ContributionRate?filter=${encodeURIComponent(JSON.stringify({ category: 'BPU' }))}`);
    await page.getByText('Rp6.800').first().waitFor();
    await page.getByText('Rp10.000').first().waitFor();
    await expect(page.locator('a[href="#/ContributionRate/create"]').count()).resolves.toBe(0);
  });

  it('should let an admin open the form of a new rate, checked before it is sent', async () => {
    const page = await signIn('admin@lindung.test');
    await page.goto(`${BASE_URL}/#/ContributionRate/create`);
    await page.locator('input[name="percent"]').fill('1');
    await page.locator('input[name="flatAmount"]').fill('5000');
    await page.locator('button[type="submit"]').click();
    await page.getByText('Isi persentase atau jumlah tetap, salah satu saja').first().waitFor();
  });
});

describe('home per role', () => {
  it.each([
    ['perbekel.mas@lindung.test', 'Mas', ['Desa saya', 'Mitra di desa saya'], ['Kelola akun']],
    ['mitra.sanggar@lindung.test', 'Sanggar Seni Tari Mas', ['Organisasi saya'], ['Kelola akun', 'Desa saya']],
    ['pejabat.gianyar@lindung.test', 'Gianyar', ['Akun perbekel di kabupaten saya', 'Buat akun perbekel', 'Kabupaten saya'], ['Kelola akun']],
    ['admin@lindung.test', null, ['Kelola akun', 'Tarif iuran BPJS Ketenagakerjaan'], ['Desa saya']],
    ['auditor@lindung.test', null, ['Kelola akun', 'Organisasi mitra'], ['Buat akun perbekel']],
  ] as const)('should open %s on its own home: scope %s, its shortcuts, figures within its scope', async (email, scope, shortcuts, absent) => {
    const page = await signIn(email);
    await page.waitForURL(/#\/$/);
    await page.getByText('Yang bisa Anda lakukan').waitFor();
    if (scope) await page.getByText(new RegExp(scope)).first().waitFor();
    for (const shortcut of shortcuts) await page.getByRole('link', { name: shortcut, exact: true }).waitFor();
    for (const shortcut of absent) await expect(page.getByRole('link', { name: shortcut, exact: true }).count()).resolves.toBe(0);
    // Counted within the caller's scope: Gianyar's 70 villages for its people, all 716 of Bali's otherwise.
    await page.waitForFunction(() => /^\d/.test(document.querySelector('[data-figure="Village"]')?.textContent ?? ''));
    // (Other test files may add a few villages meanwhile: bounds, not exact counts.)
    const villages = Number((await page.locator('[data-figure="Village"]').textContent())!.replace(/\./g, ''));
    if (scope) expect(villages).toBeGreaterThanOrEqual(70);
    if (scope) expect(villages).toBeLessThan(200);
    else expect(villages).toBeGreaterThanOrEqual(716);
  });
});
