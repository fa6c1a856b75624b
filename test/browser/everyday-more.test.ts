import type { Page } from 'playwright-core';
import { BASE_URL, STEP_TIMEOUT, submitLogin, usePortal } from '../support/browser';

/**
 * Everyday use, continued: signing in again where one was (a deep link, an ended session), the
 * dependent region filters, deleting with a confirmation that waits for the server, and dates and
 * times as Indonesians write them.
 */
const DEMO_PASSWORD = 'lindung-demo';
const SESSION_KEY = 'lindung.session';
const REFRESH_COOKIE = 'lindung_refresh';

jest.setTimeout(60_000);

const portal = usePortal();

/** A GraphQL call from the test itself (not the browser). */
async function api(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

async function adminToken(): Promise<string> {
  const result = await api(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
    e: 'admin@lindung.test',
    p: DEMO_PASSWORD,
  });
  return result.data.login.accessToken;
}

/** The id of a region by its Kemendagri code. */
async function regionId(list: 'allRegencies' | 'allDistricts' | 'allVillages', code: string): Promise<string> {
  const result = await api(`{ ${list}(filter: { code: "${code}" }) { id } }`, {}, { authorization: `Bearer ${await adminToken()}` });
  return result.data[list][0].id;
}

async function signIn(email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await portal.openLoginPage(viewport);
  await submitLogin(page, email, DEMO_PASSWORD);
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, SESSION_KEY);
  await page.locator('#main-content').waitFor();
  return page;
}

/** Opens a portal page by its hash, as a click on a link would. */
async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#${path}`);
}

/** Ends the browser's session on the server: `logout` with its refresh cookie, from elsewhere. */
async function endSessionOnServer(page: Page): Promise<void> {
  const cookie = (await page.context().cookies()).find((c) => c.name === REFRESH_COOKIE);
  if (!cookie) throw new Error('no refresh cookie');
  const result = await api('mutation { logout }', {}, { cookie: `${REFRESH_COOKIE}=${cookie.value}` });
  expect(result.errors).toBeUndefined();
}

/** Makes the stored access token look expired, so that the portal's next request must refresh first. */
async function expireAccessToken(page: Page): Promise<void> {
  await page.evaluate((key) => {
    const session = JSON.parse(localStorage.getItem(key)!);
    localStorage.setItem(key, JSON.stringify({ ...session, expiresAt: Date.now() }));
  }, SESSION_KEY);
}

describe('signing in again where one was', () => {
  it('should take a deep link followed while signed out to the sign-in page, then to that page', async () => {
    const ubud = await regionId('allDistricts', '51.04.05');
    const page = await portal.openLoginPage();
    await page.goto(`${BASE_URL}/#/District/${encodeURIComponent(ubud)}/show`);
    await page.waitForURL(/#\/login$/);
    await submitLogin(page, 'auditor@lindung.test', DEMO_PASSWORD);
    await page.waitForURL((url) => url.hash === `#/District/${encodeURIComponent(ubud)}/show`);
    await page.locator('.RaShow-main').getByText('51.04.05', { exact: true }).waitFor();
  });

  it('should take an expired session (refresh refused) to sign-in, and back to the same page after signing in', async () => {
    const page = await signIn('auditor@lindung.test');
    const filter = encodeURIComponent(JSON.stringify({ type: 'KELURAHAN' }));
    await go(page, `/Village?filter=${filter}`);
    await page.locator('.RaList-main td.column-name').first().waitFor();

    await endSessionOnServer(page);
    await expireAccessToken(page);
    // The next page asks for a new access token first: refused, so the session is over.
    await go(page, '/Regency');
    await page.waitForURL(/#\/login/);
    await page.getByText('Sesi Anda telah berakhir, silakan masuk kembali.').first().waitFor();

    await submitLogin(page, 'auditor@lindung.test', DEMO_PASSWORD);
    await page.waitForURL((url) => url.hash === '#/Regency');
    await page.locator('.RaList-main td.column-name').first().waitFor();
  });

  it('should take a session ended elsewhere to sign-in at its next request, and back there after signing in, also after a reload', async () => {
    const page = await signIn('auditor@lindung.test');
    const mas = await regionId('allVillages', '51.04.05.2002');
    await go(page, '/District');
    await page.locator('.RaList-main td.column-name').first().waitFor();

    // The access token is refused at once (its session is revoked), before it expires.
    await endSessionOnServer(page);
    const target = `/Village/${encodeURIComponent(mas)}/show`;
    await go(page, target);
    await page.waitForURL(/#\/login/);
    await page.getByText('Sesi Anda telah berakhir, silakan masuk kembali.').first().waitFor();

    // Even when the sign-in page is reloaded meanwhile, signing in goes back there.
    await page.reload();
    await page.locator('input[name="email"]').waitFor();
    await submitLogin(page, 'auditor@lindung.test', DEMO_PASSWORD);
    await page.waitForURL((url) => url.hash === `#${target}`, { timeout: STEP_TIMEOUT });
    await page.locator('.RaShow-main').getByText('51.04.05.2002', { exact: true }).waitFor();
  });
});

/** The options of the open autocomplete list, once they have loaded. */
async function options(page: Page): Promise<string[]> {
  await page.getByRole('listbox').getByRole('option').first().waitFor();
  return page.getByRole('listbox').getByRole('option').allTextContents();
}

/** Types into an autocomplete filter and picks the option named exactly so. */
async function choose(page: Page, source: string, typed: string, option: string): Promise<void> {
  const input = page.locator(`input[name="${source}"]`);
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.waitForURL((url) => decodeURIComponent(url.hash).includes(`"${source}":"`));
}

/** The list's filter in a portal address (`#/User?filter=…`). */
const filterOf = (href: string): Record<string, unknown> => JSON.parse(new URL(href.replace('#', '')).searchParams.get('filter') ?? '{}');

describe('dependent region filters', () => {
  it('should offer kecamatan of the chosen regency and villages of the chosen kecamatan, and empty both when the regency changes', async () => {
    const page = await signIn('admin@lindung.test');
    const shown = encodeURIComponent(JSON.stringify({ regencyId: true, districtId: true, villageId: true }));
    await go(page, `/User?displayedFilters=${shown}`);
    await page.locator('.RaList-main td.column-email').first().waitFor();

    await choose(page, 'regencyId', 'Gianyar', 'Kabupaten Gianyar (51.04)');
    await page.locator('input[name="districtId"]').click();
    const districts = await options(page);
    expect(districts.length).toBe(7);
    for (const option of districts) expect(option).toMatch(/\(51\.04\.\d\d\)$/);
    await page.keyboard.press('Escape');
    await choose(page, 'districtId', 'Ubud', 'Ubud (51.04.05)');

    await page.locator('input[name="villageId"]').click();
    const villages = await options(page);
    expect(villages.length).toBeGreaterThan(5);
    for (const option of villages) expect(option).toMatch(/\(51\.04\.05\.\d{4}\)$/);
    // Full names, never cut off: no option is wider than its box.
    const cut = await page
      .getByRole('listbox')
      .getByRole('option')
      .evaluateAll((items) => items.filter((item) => item.scrollWidth > item.clientWidth + 1).map((item) => item.textContent));
    expect(cut).toEqual([]);
    await page.keyboard.press('Escape');
    await choose(page, 'villageId', 'Mas', 'Mas (51.04.05.2002)');
    await page.locator('.RaList-main td.column-email', { hasText: 'perbekel.mas@lindung.test' }).waitFor();
    // The kecamatan is kept with the list's filter (UserFilter has none: the data provider does not send it).
    expect(Object.keys(filterOf(page.url())).sort()).toEqual(['districtId', 'regencyId', 'villageId']);
    await expect(page.locator('.RaNotification-error').count()).resolves.toBe(0);

    // Another regency: the kecamatan and the village are emptied.
    await choose(page, 'regencyId', 'Badung', 'Kabupaten Badung (51.03)');
    await page.waitForFunction(
      () =>
        (document.querySelector('input[name="districtId"]') as HTMLInputElement | null)?.value === '' &&
        (document.querySelector('input[name="villageId"]') as HTMLInputElement | null)?.value === '',
    );
    await page.waitForURL((url) => Object.keys(filterOf(url.href)).join() === 'regencyId');
    await page.locator('input[name="districtId"]').click();
    for (const option of await options(page)) expect(option).toMatch(/\(51\.03\.\d\d\)$/);
  });

  it('should fit the three region filters on a phone, with full names', async () => {
    const page = await signIn('admin@lindung.test', { width: 390, height: 844 });
    const shown = encodeURIComponent(JSON.stringify({ regencyId: true, districtId: true, villageId: true }));
    await go(page, `/User?displayedFilters=${shown}`);
    await page.locator('input[name="villageId"]').waitFor();
    await choose(page, 'regencyId', 'Jembrana', 'Kabupaten Jembrana (51.01)');
    await page.locator('input[name="villageId"]').click();
    await options(page);
    const widths = await page.evaluate(() => ({
      page: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
      window: window.innerWidth,
      listbox: document.querySelector('[role="listbox"]')!.getBoundingClientRect().right,
      cut: [...document.querySelectorAll('[role="option"]')].filter((item) => item.scrollWidth > item.clientWidth + 1).length,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    expect(widths.listbox).toBeLessThanOrEqual(widths.window);
    expect(widths.cut).toBe(0);
  });

  it('should offer a regency official only its own regency’s kecamatan and villages', async () => {
    const page = await signIn('pejabat.gianyar@lindung.test');
    await go(page, '/User');
    await page.locator('.RaList-main td.column-email').first().waitFor();
    await page.getByRole('button', { name: 'Tambah filter' }).click();
    const menu = await page.getByRole('menuitemcheckbox').allTextContents();
    expect(menu).toEqual(expect.arrayContaining(['Kecamatan', 'Desa/Kelurahan']));
    expect(menu).not.toContain('Kabupaten/Kota');
    await page.getByRole('menuitemcheckbox', { name: 'Kecamatan' }).click();
    // (The closing menu gives the focus back to its button: only then is the input clicked.)
    await page.getByRole('menuitemcheckbox').first().waitFor({ state: 'detached' });
    await page.locator('input[name="districtId"]').click();
    const districts = await options(page);
    expect(districts.length).toBe(7);
    for (const option of districts) expect(option).toMatch(/\(51\.04\.\d\d\)$/);
  });
});

describe('forms check themselves', () => {
  const allNoValidate = (page: Page) => page.locator('form').evaluateAll((forms) => forms.map((form) => (form as HTMLFormElement).noValidate));

  it('should say what is wrong under each field, in the person’s language, never in a browser bubble', async () => {
    const page = await signIn('admin@lindung.test');
    await go(page, '/Regency/create');
    await page.locator('.RaCreate-main input[name="code"]').waitFor();
    await expect(allNoValidate(page)).resolves.toEqual([true]);
    await page.locator('input[name="workforceTarget"]').fill('1.5');
    await page.locator('input[name="population"]').fill('-3');
    await page.locator('.RaCreate-main button[type="submit"]').click();
    await page.locator('.ra-input-code').getByText('Wajib diisi').waitFor();
    await page.locator('.ra-input-name').getByText('Wajib diisi').waitFor();
    await page.locator('.ra-input-workforceTarget').getByText('Harus bilangan bulat').waitFor();
    await page.locator('.ra-input-population').getByText('Tidak boleh negatif').waitFor();
    await page.locator('input[name="code"]').fill('51.4');
    await page.locator('.ra-input-code').getByText('Harus berupa kode kabupaten/kota Kemendagri (mis. 51.04)').waitFor();

    // A list's filter form too (here with a date filter, which the browser would otherwise check).
    const shown = encodeURIComponent(JSON.stringify({ inForceOn: true }));
    await go(page, `/ContributionRate?displayedFilters=${shown}`);
    await page.locator('input[name="inForceOn"]').waitFor();
    const forms = await allNoValidate(page);
    expect(forms.length).toBeGreaterThan(0);
    expect(forms.every(Boolean)).toBe(true);
  });
});

describe('deleting', () => {
  const confirmDialog = (page: Page) => page.getByRole('dialog');
  const inUse = /^Data ini tidak dapat dihapus: masih ada (\d+) desa\/kelurahan yang bergantung padanya\.$/;

  async function ubudVillages(): Promise<number> {
    const token = await adminToken();
    const ubud = await regionId('allDistricts', '51.04.05');
    const result = await api(`query($d: ID) { _allVillagesMeta(filter: { districtId: $d }) { count } }`, { d: ubud }, { authorization: `Bearer ${token}` });
    return result.data._allVillagesMeta.count;
  }

  it('should ask before deleting a kecamatan, wait for the server, and say what still depends on it', async () => {
    const villages = await ubudVillages();
    const ubud = await regionId('allDistricts', '51.04.05');
    const page = await signIn('admin@lindung.test');

    // One record, from its edit page.
    await go(page, `/District/${encodeURIComponent(ubud)}`);
    await page.locator('.RaEdit-main input[name="name"]').waitFor();
    await page.getByRole('button', { name: 'Hapus' }).click();
    await confirmDialog(page).getByText(/Ubud \(51\.04\.05\)/).first().waitFor();
    await confirmDialog(page).getByRole('button', { name: 'Konfirmasi' }).click();
    const alert = page.getByRole('alert').filter({ hasText: inUse });
    await alert.waitFor();
    expect(Number(inUse.exec((await alert.textContent())!.trim())![1])).toBe(villages);
    // Nothing disappeared: still on its page, still in the list.
    expect(page.url()).toContain(`#/District/${encodeURIComponent(ubud)}`);
    await page.keyboard.press('Escape');

    // Several, from the list: the same question first, the same answer.
    await go(page, `/District?filter=${encodeURIComponent(JSON.stringify({ q: 'Ubud' }))}`);
    const row = page.locator('.RaList-main tr', { has: page.locator('td.column-code', { hasText: '51.04.05' }) });
    await row.locator('input[type="checkbox"]').check();
    await page.locator('.RaBulkActionsToolbar-toolbar').getByRole('button', { name: 'Hapus' }).click();
    await confirmDialog(page).getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByRole('alert').filter({ hasText: inUse }).waitFor();
    await row.waitFor();
    await expect(regionId('allDistricts', '51.04.05')).resolves.toBe(ubud);
  });

  it('should word the refusal in English with the right number', async () => {
    const page = await signIn('admin@lindung.test');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    const ubud = await regionId('allDistricts', '51.04.05');
    await go(page, `/District/${encodeURIComponent(ubud)}`);
    await page.locator('.RaEdit-main input[name="name"]').waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await confirmDialog(page).getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('alert').filter({ hasText: /^This record cannot be deleted: it still has \d+ villages depending on it\.$/ }).waitFor();
  });
});

describe('dates and times', () => {
  /** What the portal should show for a moment: `25/11/2026 09.30 WITA` (id) or `25/11/2026 09:30 WITA` (en). */
  function expected(iso: string, locale: string, timeZone: string, label: string): string {
    const date = new Date(iso);
    const day = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }).format(date);
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
    return `${day} ${time} ${label}`;
  }

  async function masHead(): Promise<{ id: string; createdAt: string }> {
    const result = await api(`{ allUsers(filter: { q: "perbekel.mas@lindung.test" }) { id email createdAt } }`, {}, { authorization: `Bearer ${await adminToken()}` });
    return result.data.allUsers.find((user: { email: string }) => user.email === 'perbekel.mas@lindung.test');
  }

  it.each([
    ['UTC', 'Asia/Makassar', 'WITA'],
    ['Asia/Jakarta', 'Asia/Jakarta', 'WIB'],
    ['Asia/Jayapura', 'Asia/Jayapura', 'WIT'],
    ['Europe/Amsterdam', 'Asia/Makassar', 'WITA'],
  ])('should show times to a browser in %s in %s, labelled %s', async (browserZone, shownZone, label) => {
    const { id, createdAt } = await masHead();
    const context = await portal.browser().newContext({ viewport: { width: 1280, height: 900 }, timezoneId: browserZone });
    try {
      context.setDefaultTimeout(STEP_TIMEOUT);
      const page = await context.newPage();
      await page.goto(`${BASE_URL}/#/User/${encodeURIComponent(id)}/show`);
      await submitLogin(page, 'admin@lindung.test', DEMO_PASSWORD);
      const created = page.locator('.RaShow-main .ra-field-createdAt time');
      await created.waitFor();
      await expect(created.textContent()).resolves.toBe(expected(createdAt, 'id-ID', shownZone, label));
      if (browserZone === 'UTC') {
        await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
        await page.getByRole('menuitem', { name: 'English' }).click();
        await page.locator('a[href="#/Village"]', { hasText: 'Villages' }).first().waitFor();
        await expect(created.textContent()).resolves.toBe(expected(createdAt, 'en-GB', shownZone, label));
      }
    } finally {
      await context.close();
    }
  });

  it('should write a calendar day as 25/11/2026 and a percentage with a decimal comma', async () => {
    const page = await signIn('admin@lindung.test');
    await go(page, `/ContributionRate?filter=${encodeURIComponent(JSON.stringify({ program: 'JKK', category: 'PU' }))}`);
    await page.locator('.RaList-main td.column-validFrom').first().waitFor();
    for (const text of await page.locator('.RaList-main td.column-validFrom').allTextContents()) expect(text).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const percents = (await page.locator('.RaList-main td.column-percent').allTextContents()).filter(Boolean);
    expect(percents.some((text) => /^\d+,\d+$/.test(text))).toBe(true);
  });
});
