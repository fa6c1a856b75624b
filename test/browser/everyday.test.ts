import AxeBuilder from '@axe-core/playwright';
import { canAccess, RESOURCE_PERMISSIONS, type Role } from '@lindung/domain';
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE_URL, launchChromium, STEP_TIMEOUT, transitionsSettled } from '../support/browser';

/**
 * "Everyday use": every page each demo role can open, on a phone (390 × 844) and on a desktop
 * (1280 × 900), must not scroll sideways, must pass axe-core with no serious or critical
 * violation (nor the moderate ones of the page's structure: one top-level heading, one main
 * landmark, all content in landmarks), must have exactly one `<h1>`, and must let no form fall back
 * on the browser's own validation bubbles; and the sign-in form works with the keyboard alone.
 *
 * One browser for the file, one context per role (signed in once, pages opened by changing the
 * hash, so the portal is loaded once per role). Set EVERYDAY_REPORT=<file> to write every page's
 * figures as JSON (the before/after measurements of the issue).
 */
const DEMO_PASSWORD = 'lindung-demo';

jest.setTimeout(120_000);

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
type Viewport = typeof PHONE;

const ROLES: { email: string; role: Role }[] = [
  { email: 'admin@lindung.test', role: 'ADMIN' },
  { email: 'pejabat.gianyar@lindung.test', role: 'REGENCY_OFFICIAL' },
  { email: 'perbekel.mas@lindung.test', role: 'VILLAGE_HEAD' },
  { email: 'mitra.sanggar@lindung.test', role: 'PARTNER' },
  { email: 'auditor@lindung.test', role: 'AUDITOR' },
];

/**
 * The GraphQL list behind each portal resource, its default sort, and the fields `canAccess` needs
 * to judge a write to the record. A resource of the permission matrix not named here (the caller's
 * own account page) is opened by its list page only, and skipped when the portal has no page for
 * it yet (react-admin's "not found").
 */
const LISTS: Record<string, { list: string; sort: string; fields: string }> = {
  Regency: { list: 'allRegencies', sort: 'code', fields: 'id' },
  District: { list: 'allDistricts', sort: 'code', fields: 'id' },
  Village: { list: 'allVillages', sort: 'code', fields: 'id' },
  PartnerOrganisation: { list: 'allPartnerOrganisations', sort: 'name', fields: 'id' },
  User: { list: 'allUsers', sort: 'email', fields: 'id role' },
  ContributionRate: { list: 'allContributionRates', sort: 'program', fields: 'id' },
  Budget: { list: 'allBudgets', sort: 'fiscalYear', fields: 'id' },
  Proposal: { list: 'allProposals', sort: 'createdAt', fields: 'id' },
  CoverageReport: { list: 'allCoverageReports', sort: 'asOf', fields: 'id' },
  Regulation: { list: 'allRegulations', sort: 'validFrom', fields: 'id' },
  Award: { list: 'allAwards', sort: 'year', fields: 'id' },
  AwardWeight: { list: 'allAwardWeights', sort: 'criterion', fields: 'id' },
};

interface PageResult {
  role: Role;
  viewport: string;
  path: string;
  resource: string;
  scrollWidth: number;
  bodyScrollWidth: number;
  innerWidth: number;
  overflow: boolean;
  /** Serious and critical axe violations, and the moderate STRUCTURE_RULES: rule id → nodes. */
  axe: Record<string, number>;
  axeNodes: number;
  /** How many `<h1>` the page has (one: its title). */
  headingsOne: number;
  /** Forms the browser would validate itself (no `noValidate`, yet inputs with native constraints). */
  nativeValidation: string[];
  /** Set when the page never showed (then nothing else was measured). */
  error?: string;
  /** A resource of the permission matrix the portal has no page for yet. */
  skipped?: boolean;
}

const results: PageResult[] = [];

/** Runs at most `size` of the functions given to it at a time, the others in turn. */
function slots(size: number): <T>(work: () => Promise<T>) => Promise<T> {
  let free = size;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (free > 0) free--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (process.env.EVERYDAY_REPORT) fs.writeFileSync(process.env.EVERYDAY_REPORT, JSON.stringify({ results, details }, null, 2));
});

async function newPage(viewport: Viewport): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = await context.newPage();
  trackRequests(page);
  return { context, page };
}

/** Counts the GraphQL requests in flight, so that a page can be called settled. */
const inFlight = new WeakMap<Page, { count: number; lastChange: number }>();
function trackRequests(page: Page): void {
  const state = { count: 0, lastChange: Date.now() };
  inFlight.set(page, state);
  const isApi = (url: string) => url.includes('/graphql');
  page.on('request', (request) => {
    if (isApi(request.url())) Object.assign(state, { count: state.count + 1, lastChange: Date.now() });
  });
  const done = (request: { url(): string }) => {
    if (isApi(request.url())) Object.assign(state, { count: Math.max(0, state.count - 1), lastChange: Date.now() });
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/**
 * Waits until no API request has been in flight for a while and no progress indicator shows. It
 * waits a moment first: a page just opened or resized starts its requests as it renders.
 */
async function settle(page: Page): Promise<void> {
  const state = inFlight.get(page)!;
  const deadline = Date.now() + STEP_TIMEOUT;
  for (;;) {
    await page.waitForTimeout(100);
    if (state.count === 0 && Date.now() - state.lastChange > 100) {
      const busy = await page
        .locator('.MuiLinearProgress-root:visible, .MuiCircularProgress-root:visible, .MuiSkeleton-root:visible')
        .count();
      if (busy === 0) break;
    }
    if (Date.now() > deadline) throw new Error(`Page ${page.url()} did not settle`);
  }
  // Transitions (fades, collapsing menus) end before anything is measured.
  await page.waitForTimeout(50);
}

async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${BASE_URL}/`);
  await page.locator('input[name="email"]').waitFor();
  await submitLogin(page, email, DEMO_PASSWORD);
  await page.waitForFunction(() => localStorage.getItem('lindung.session') !== null);
  await settle(page);
}

/** From nothing focused, Tab reaches the email field, then the password field; Enter submits. */
async function signInWithKeyboard(page: Page, email: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.tagName);
  for (let presses = 0; (await focusedName()) !== 'email'; presses++) {
    if (presses > 10) throw new Error('Tab never reached the email field');
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expect(focusedName()).resolves.toBe('password');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.locator('input[name="email"]').waitFor({ state: 'detached' });
  await page.waitForFunction(() => localStorage.getItem('lindung.session') !== null);
}

/** The first row of a list as the portal sorts it, asked of the API with the page's own token. */
async function firstRecord(page: Page, resource: string): Promise<{ id: string; role?: string } | undefined> {
  const { list, sort, fields } = LISTS[resource];
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('lindung.session') ?? '{}').accessToken as string);
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `{ ${list}(page: 0, perPage: 1, sortField: "${sort}", sortOrder: "ASC") { ${fields} } }` }),
  });
  const body = (await response.json()) as { data?: Record<string, { id: string; role?: string }[]> };
  return body.data?.[list]?.[0];
}

interface Target {
  resource: string;
  path: string;
  /** What shows once the page has rendered. */
  ready: string;
}

/** Every page a role can open: its home, each resource's list, its first row's show page, create and edit. */
async function pagesOf(page: Page, role: Role): Promise<Target[]> {
  const pages: Target[] = [{ resource: 'Home', path: '/', ready: '[data-home-shortcut]' }];
  for (const resource of Object.keys(RESOURCE_PERMISSIONS)) {
    if (!canAccess(role, resource, 'list')) continue;
    if (!LISTS[resource]) {
      pages.push({ resource, path: `/${resource}`, ready: '#main-content' });
      continue;
    }
    pages.push({ resource, path: `/${resource}`, ready: '.RaList-main' });
    const record = await firstRecord(page, resource);
    const id = record && encodeURIComponent(record.id);
    if (id && canAccess(role, resource, 'show', record)) {
      pages.push({ resource, path: `/${resource}/${id}/show`, ready: '.RaShow-main' });
    }
    if (canAccess(role, resource, 'create')) pages.push({ resource, path: `/${resource}/create`, ready: '.RaCreate-main' });
    if (id && canAccess(role, resource, 'edit', record)) {
      pages.push({ resource, path: `/${resource}/${id}`, ready: '.RaEdit-main' });
    }
  }
  return pages;
}

/** The page's width beside the window's: wider means the whole page scrolls sideways. */
async function measure(page: Page): Promise<Pick<PageResult, 'scrollWidth' | 'bodyScrollWidth' | 'innerWidth' | 'overflow'>> {
  const widths = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  return { ...widths, overflow: widths.scrollWidth > widths.innerWidth || widths.bodyScrollWidth > widths.innerWidth };
}

/** Where each serious/critical violation was found (rule id → the first nodes' HTML), for the report. */
const details: Record<string, Record<string, string[]>> = {};

/** Moderate rules that still fail a page: its structure (a top-level heading, one main landmark, content in landmarks). */
const STRUCTURE_RULES = new Set(['page-has-heading-one', 'landmark-one-main', 'region']);

async function seriousViolations(page: Page, where = ''): Promise<Record<string, number>> {
  await transitionsSettled(page);
  // Legacy mode runs axe.run() in the page itself: the portal has no frames, and the default mode
  // opens (and closes) a blank page in the context for every analysis, which doubles its cost.
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const found: Record<string, number> = {};
  for (const violation of violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical' && !STRUCTURE_RULES.has(violation.id)) continue;
    found[violation.id] = violation.nodes.length;
    (details[where] ??= {})[violation.id] = violation.nodes.slice(0, 3).map((node) => `${node.target.join(' ')} ${node.html.slice(0, 200)}`);
  }
  return found;
}

/**
 * The page's `<h1>` count, and each form that would let the browser validate it: one without
 * `noValidate` holding an input the browser checks on submit (required, a pattern, a range, an
 * email, URL, number or date type), described by its inputs' names.
 */
async function structure(page: Page): Promise<Pick<PageResult, 'headingsOne' | 'nativeValidation'>> {
  return page.evaluate(() => {
    const constrained =
      'input[required], input[pattern], input[min], input[max], input[step], input[minlength], input[maxlength], ' +
      'input[type="email"], input[type="url"], input[type="number"], input[type="date"], input[type="datetime-local"], ' +
      'input[type="time"], textarea[required], textarea[minlength], textarea[maxlength], select[required]';
    const nativeValidation = [...document.querySelectorAll('form')]
      .filter((form) => !form.noValidate && form.querySelector(constrained))
      .map((form) => `form(${[...form.querySelectorAll<HTMLInputElement>(constrained)].map((input) => input.name || input.type).join(', ')})`);
    return { headingsOne: document.querySelectorAll('h1').length, nativeValidation };
  });
}

/** Measures the page on screen: its width, axe's serious and critical violations, its h1 and its forms. */
async function measurePage(page: Page, base: Pick<PageResult, 'role' | 'viewport' | 'path' | 'resource'>): Promise<PageResult> {
  const widths = await measure(page);
  const axe = await seriousViolations(page, `${base.role} ${base.viewport} ${base.path}`);
  const result = { ...base, ...widths, ...(await structure(page)), axe, axeNodes: Object.values(axe).reduce((sum, nodes) => sum + nodes, 0) };
  results.push(result);
  return result;
}

const sizeOf = (viewport: Viewport) => `${viewport.width}x${viewport.height}`;

/**
 * Opens one page by its hash, waits until it has rendered and settled, and measures it at each
 * viewport in turn (resizing the window rather than loading the page again).
 */
async function check(page: Page, role: Role, target: Target, viewports: Viewport[]): Promise<PageResult[]> {
  const bases = viewports.map((viewport) => ({ role, viewport: sizeOf(viewport), path: target.path, resource: target.resource }));
  const unmeasured = (extra: Partial<PageResult>) => {
    const found = bases.map((base) => ({
      ...base,
      scrollWidth: 0,
      bodyScrollWidth: 0,
      innerWidth: 0,
      overflow: false,
      axe: {},
      axeNodes: 0,
      headingsOne: 1,
      nativeValidation: [],
      ...extra,
    }));
    results.push(...found);
    return found;
  };
  // An error notification of the page before is closed, not blamed on this one.
  if (await page.locator('.RaNotification-error').count()) {
    await page.keyboard.press('Escape');
    await page.locator('.RaNotification-error').waitFor({ state: 'detached' });
  }
  await page.setViewportSize(viewports[0]);
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#${target.path}`);
  await page.waitForURL((url) => url.hash === `#${target.path}`);
  try {
    await page.locator(`${target.ready}, .RaNotFound-root`).first().waitFor();
  } catch {
    const alert = await page.locator('.RaNotification-error').allTextContents();
    return unmeasured({ error: `did not show${alert.length ? ` (${alert.join('; ')})` : ''}` });
  }
  if (await page.locator('.RaNotFound-root').isVisible()) {
    return unmeasured(LISTS[target.resource] ? { error: 'not found' } : { skipped: true });
  }
  const measured: PageResult[] = [];
  for (const [index, viewport] of viewports.entries()) {
    if (index > 0) await page.setViewportSize(viewport);
    await settle(page);
    const result = await measurePage(page, bases[index]);
    // A page that opened but could not load its data says so in an error notification.
    const failures = await page.locator('.RaNotification-error').allTextContents();
    if (failures.length) result.error = `shows an error (${failures.join('; ')})`;
    measured.push(result);
  }
  return measured;
}

const describeResult = (r: PageResult) =>
  `${r.viewport} ${r.path}: ` +
  (r.error
    ? r.error
    : `${r.overflow ? `scrolls sideways (${Math.max(r.scrollWidth, r.bodyScrollWidth)} > ${r.innerWidth})` : 'fits'}` +
      `${r.axeNodes ? `; axe ${JSON.stringify(r.axe)}` : ''}` +
      `${r.headingsOne !== 1 ? `; ${r.headingsOne} h1` : ''}` +
      `${r.nativeValidation.length ? `; browser-validated ${r.nativeValidation.join(' ')}` : ''}`);

const failed = (r: PageResult) => Boolean(r.error || r.overflow || r.axeNodes > 0 || r.headingsOne !== 1 || r.nativeValidation.length > 0);

describe('everyday use', () => {
  // Two roles at a time: one role's waits for the API overlap the other's axe runs.
  const roleSlots = slots(2);
  it.concurrent.each(ROLES)(
    'should fit every page on a phone and on a desktop, and pass axe, as $role',
    ({ email, role }) =>
      roleSlots(async () => {
        const { context, page } = await newPage(PHONE);
        try {
          await signIn(page, email);
          const checked: PageResult[] = [];
          for (const [index, target] of (await pagesOf(page, role)).entries()) {
            // Every other page starts wide, so that each page costs one resize.
            checked.push(...(await check(page, role, target, index % 2 ? [DESKTOP, PHONE] : [PHONE, DESKTOP])));
          }

          expect(checked.filter((r) => !r.skipped).length).toBeGreaterThan(0);
          expect(checked.filter(failed).map(describeResult)).toEqual([]);
        } finally {
          await context.close();
        }
      }),
    // Two roles at a time: the last one waits for two others within its own time. Beside the other
    // suites on CI's two cores a role took up to ~260 s, so the fifth needs about three times that;
    // a page that never loads still fails, on its own wait, long before.
    1_200_000,
  );

  it('should filter a list from a phone', async () => {
    const { context, page } = await newPage(PHONE);
    try {
      await signIn(page, 'perbekel.batuan@lindung.test');
      const [list] = await check(page, 'VILLAGE_HEAD', { resource: 'Village', path: '/Village', ready: '.RaList-main' }, [PHONE]);
      expect(describeResult(list)).toBe('390x844 /Village: fits');

      // The filters that are not always on sit behind the filter button, in a menu.
      await page.getByRole('button', { name: 'Tambah filter' }).click();
      await page.getByRole('menuitemcheckbox', { name: 'Jenis' }).click();
      await page.getByRole('combobox', { name: 'Jenis' }).click();
      await page.getByRole('option', { name: 'Kelurahan' }).click();
      await page.waitForURL(/KELURAHAN/);
      await settle(page);
      // The list keeps its previous rows on screen until the filtered page arrives.
      await page.waitForFunction(() => {
        const shown = [...document.querySelectorAll('#main-content a[href^="#/Village/"]')];
        return shown.length > 0 && shown.every((row) => row.textContent?.includes('Kelurahan'));
      });

      // One line per village on a phone, every one of them now a kelurahan.
      const rows = page.locator('#main-content a[href^="#/Village/"]');
      await expect(rows.count()).resolves.toBeGreaterThan(0);
      for (const text of await rows.allTextContents()) expect(text).toContain('Kelurahan');
      const base = { role: 'VILLAGE_HEAD' as Role, viewport: '390x844', path: '/Village (filtered)', resource: 'Village' };
      expect(describeResult(await measurePage(page, base))).toBe('390x844 /Village (filtered): fits');
    } finally {
      await context.close();
    }
  });

  it('should sign in with the keyboard alone, and pass axe on the sign-in pages', async () => {
    const { context, page } = await newPage(PHONE);
    try {
      // The sign-in page a visitor gets first, and react-admin's, which signing out leads to.
      await page.goto(`${BASE_URL}/`);
      for (const which of ['/login (first)', '/login (after signing out)']) {
        await page.locator('input[name="email"]').waitFor();
        await settle(page);
        for (const viewport of [PHONE, DESKTOP]) {
          await page.setViewportSize(viewport);
          await page.waitForTimeout(200);
          const base = { role: 'VILLAGE_HEAD' as Role, viewport: sizeOf(viewport), path: which, resource: 'login' };
          expect(describeResult(await measurePage(page, base))).toBe(`${base.viewport} ${which}: fits`);
        }
        await page.setViewportSize(PHONE);
        await signInWithKeyboard(page, 'perbekel.batuan@lindung.test');

        await settle(page);
        await page.getByRole('button', { name: /^Profil/ }).click();
        await page.getByRole('menuitem', { name: 'Keluar' }).click();
      }
    } finally {
      await context.close();
    }
  });
});
