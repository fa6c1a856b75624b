import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * The portal in a real browser, against a running API with the demo data that also serves the
 * built portal at `/` (the harness sets LINDUNG_API_URL). Each sign-in gets a fresh browser context,
 * so no session or language choice leaks from one test to the next.
 */
const BASE_URL = (process.env.LINDUNG_API_URL ?? 'http://127.0.0.1:4000').replace(/\/$/, '');
const DEMO_PASSWORD = 'lindung-demo';
const STEP_TIMEOUT = 15_000;

jest.setTimeout(30_000);

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
});

async function openLoginPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(STEP_TIMEOUT);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/`);
  await page.locator('input[name="email"]').waitFor();
  return page;
}

async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

/** Signs in and waits for the menu (every role may read the regions, so Village is always there). */
async function signIn(email: string): Promise<Page> {
  const page = await openLoginPage();
  await submitLogin(page, email, DEMO_PASSWORD);
  await page.locator('a[href="#/Village"]').first().waitFor();
  return page;
}

const menuLink = (page: Page, resource: string) => page.locator(`a[href="#/${resource}"]`);

/** Opens the villages list and waits until its rows are on screen. */
async function openVillages(page: Page): Promise<void> {
  await menuLink(page, 'Village').first().click();
  await page.waitForURL(/#\/Village(\?|$)/);
  await page.locator('td.column-name').first().waitFor();
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

  it('should show a regency official the accounts of its regency without a create button', async () => {
    const page = await signIn('pejabat.gianyar@lindung.test');
    await menuLink(page, 'User').first().click();
    await page.waitForURL(/#\/User(\?|$)/);
    await page.locator('td.column-email', { hasText: 'perbekel.mas@lindung.test' }).waitFor();
    await expect(page.locator('td.column-email', { hasText: 'pejabat.badung@lindung.test' }).count()).resolves.toBe(0);
    await expect(page.locator('a[href="#/User/create"]').count()).resolves.toBe(0);
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
});
