import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * The browser tests' shared set-up: Debian's Chromium (never a downloaded one), the portal served
 * by the test API, a fresh browser context per page opened so that no session or language choice
 * leaks from one test to the next.
 */
export const BASE_URL = (process.env.LINDUNG_API_URL ?? 'http://127.0.0.1:4000').replace(/\/$/, '');
export const STEP_TIMEOUT = 15_000;

/** Without the background-networking flags Chromium keeps calling hosts this machine cannot reach. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/**
 * One browser for a test file (launched before its tests, closed after them) and the login page
 * in a fresh context; the contexts a test opened are closed after it.
 */
export function usePortal() {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    browser: () => browser,
    async openLoginPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
      const context = await browser.newContext({ viewport });
      context.setDefaultTimeout(STEP_TIMEOUT);
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${BASE_URL}/`);
      await page.locator('input[name="email"]').waitFor();
      return page;
    },
    /** A demo account signed in, on its home page. */
    async signIn(email: string, viewport?: { width: number; height: number }): Promise<Page> {
      const page = await this.openLoginPage(viewport);
      await submitLogin(page, email, DEMO_PASSWORD);
      await page.waitForFunction(() => localStorage.getItem('lindung.session') !== null);
      await page.locator('[data-home-shortcut]').first().waitFor();
      return page;
    },
  };
}

/** The demo accounts' password (CONTRACT §5). */
export const DEMO_PASSWORD = 'lindung-demo';

/** Moves the signed-in page to a portal route (`#/Worker/create`), as a link would. */
export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
  await page.waitForURL((url) => url.hash === hash);
}

export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

/**
 * Waits until no CSS transition runs: a dialog still fading in has faint text, which axe reports
 * as too little contrast although the dialog, once shown, has enough.
 */
export async function transitionsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running'),
  );
}

/** Serious and critical axe violations on the page once its transitions have ended: rule id → the first node. */
export async function seriousViolations(page: Page): Promise<Record<string, string>> {
  await transitionsSettled(page);
  // Legacy mode runs axe.run() in the page itself: the portal has no frames, and the default mode
  // opens (and closes) a blank page in the context for every analysis, which doubles its cost.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  return Object.fromEntries(
    violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => [violation.id, `${violation.nodes[0]?.target.join(' ')} ${violation.nodes[0]?.html.slice(0, 200)}`]),
  );
}
