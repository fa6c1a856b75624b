import type { Page } from 'playwright-core';
import { login, ok } from '../support/api';
import { DEMO_PASSWORD, seriousViolations, submitLogin, usePortal } from '../support/browser';

/**
 * The dashboard each role opens first (issue 9): the Gianyar official sees the official coverage of
 * the demo data — 130,300 of 198,628 = 65.60 % — written as Indonesians write it (the portal's
 * default language) and as the English do; the charts have their figures in words for screen
 * readers and fit a phone; a village head sees its own village, a partner its own contribution.
 */
jest.setTimeout(90_000);

const portal = usePortal();
const PHONE = { width: 390, height: 844 };

const OFFICIAL = 'pejabat.gianyar@lindung.test';
const VILLAGE_HEAD = 'perbekel.mas@lindung.test';
const PARTNER = 'mitra.sanggar@lindung.test';

/** The dashboard's cards have all loaded: no progress bar left inside it. */
async function dashboardLoaded(page: Page): Promise<void> {
  await page.locator('[data-dashboard]').waitFor();
  await page.waitForFunction(() => {
    const dashboard = document.querySelector('[data-dashboard]');
    return dashboard !== null && dashboard.querySelector('[role="progressbar"]') === null;
  });
}


/** The page does not scroll sideways (the charts follow the phone's width). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
}

/** The caller's live protected workers, as the API counts them for that account. */
async function liveProtectedWorkers(email: string): Promise<number> {
  const session = await login(email);
  const data = await ok<{ coverage: { live: { protectedWorkers: number } } }>(
    `query($regencyId: ID!) { coverage(regencyId: $regencyId) { live { protectedWorkers } } }`,
    { regencyId: session.user.regencyId },
    session.accessToken,
  );
  return data.coverage.live.protectedWorkers;
}

/**
 * The page's big figure equals the API's count for the same account, in Indonesian digits. Other
 * test files may enrol people meanwhile: a mismatch is read again (after a reload) before failing.
 */
async function expectOwnLiveFigure(page: Page, email: string): Promise<void> {
  const figure = page.locator('[data-dashboard-figure="live"]');
  let shown = '';
  let expected = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    await figure.waitFor();
    shown = (await figure.textContent())!.trim();
    expected = new Intl.NumberFormat('id-ID').format(await liveProtectedWorkers(email));
    if (shown === expected) break;
    await page.reload();
    await dashboardLoaded(page);
  }
  expect(shown).toBe(expected);
}

describe('the regency official', () => {
  it('should see the official coverage, 65,60 % of the target, in Indonesian and in English', async () => {
    const page = await portal.signIn(OFFICIAL);
    const official = page.locator('[data-coverage-rate="official"]');
    await page.waitForFunction(() => document.querySelector('[data-coverage-rate="official"]')?.textContent?.trim() === '65,60 %');
    expect((await official.textContent())!.trim()).toBe('65,60 %');
    // The figures behind it, with Indonesian thousands separators.
    const gauge = page.locator('[data-dashboard-card="gauge"]');
    await expect(gauge.textContent()).resolves.toContain('130.300 dari 198.628 pekerja');

    // Every card of the official's dashboard, each a section named by its heading.
    await dashboardLoaded(page);
    const cards = await page.locator('[data-dashboard-card]').evaluateAll((sections) => sections.map((section) => section.getAttribute('data-dashboard-card')));
    expect(cards).toEqual(expect.arrayContaining(['gauge', 'target', 'trend', 'districts', 'partner-types', 'funding-sources', 'budget', 'waiting', 'ending']));
    for (const section of await page.locator('section[data-dashboard-card]').all()) {
      await expect(section.getAttribute('aria-labelledby')).resolves.toBeTruthy();
    }

    // The kecamatan chart is drawn, and its figures are there in a table for screen readers.
    const districts = page.locator('[data-dashboard-card="districts"]');
    await expect(districts.locator('svg').count()).resolves.toBeGreaterThan(0);
    await expect(districts.locator('table caption').textContent()).resolves.toContain('kecamatan');
    await expect(districts.locator('table tbody th').allTextContents()).resolves.toEqual(expect.arrayContaining(['Ubud', 'Sukawati']));

    // The budget of the year in rupiah as Indonesians write it.
    await expect(page.locator('[data-dashboard-card="budget"]').textContent()).resolves.toMatch(/Rp\d{1,3}(\.\d{3})+/);

    // English: the same figure, written the English way.
    await page.evaluate(() => localStorage.setItem('RaStoreLindung.locale', JSON.stringify('en')));
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-coverage-rate="official"]')?.textContent?.trim() === '65.60%');
    await expect(gauge.textContent()).resolves.toContain('130,300 of 198,628 workers');
  });

  it('should fit a phone and pass axe with every card loaded', async () => {
    const page = await portal.signIn(OFFICIAL, PHONE);
    await page.waitForFunction(() => document.querySelector('[data-coverage-rate="official"]')?.textContent?.trim() === '65,60 %');
    await dashboardLoaded(page);
    // The charts have been drawn at the phone's width.
    await page.locator('[data-dashboard-card="districts"] svg').first().waitFor();
    await expectNoSidewaysScroll(page);
    const chartWidth = await page.locator('[data-dashboard-card="districts"] svg').first().evaluate((svg) => svg.getBoundingClientRect().width);
    expect(chartWidth).toBeGreaterThan(200);
    expect(chartWidth).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual({});
  });
});

describe('a village head', () => {
  it('should see its own village on a phone: its protected workers, its proposals, the regency budget', async () => {
    const page = await portal.signIn(VILLAGE_HEAD, PHONE);
    await dashboardLoaded(page);
    await expect(page.locator('[data-dashboard-card="village"] h2').textContent()).resolves.toContain('Mas');
    await expectOwnLiveFigure(page, VILLAGE_HEAD);

    // Its own proposals, counted by status as the API lists them for it.
    const session = await login(VILLAGE_HEAD);
    const { allProposals } = await ok<{ allProposals: { status: string }[] }>(
      `query($villageId: ID!) { allProposals(filter: { villageId: $villageId }, perPage: 50) { status } }`,
      { villageId: session.user.villageId },
      session.accessToken,
    );
    expect(allProposals.length).toBeGreaterThan(0);
    const approved = allProposals.filter((proposal) => proposal.status === 'APPROVED').length;
    if (approved > 0) {
      await expect(page.locator('[data-dashboard-status="APPROVED"]').textContent()).resolves.toBe(`Disetujui: ${approved}`);
    }
    // The regency's budget (a village head reads it), not a regency-wide gauge.
    await page.locator('[data-dashboard-card="budget"] [data-dashboard-budget]').first().waitFor();
    await expect(page.locator('[data-dashboard-card="gauge"]').count()).resolves.toBe(0);
    await expectNoSidewaysScroll(page);
  });
});

describe('the home page while it loads', () => {
  it('should keep the shortcuts where they first appear while the dashboard fills in, on a phone', async () => {
    const page = await portal.openLoginPage(PHONE);
    // The village's name (a reference the identity card reads) answers late, so the shortcuts are
    // measured while its place is held (react-admin's empty block, then its progress bar after a
    // second) and again once it has arrived: under a slow network or a busy machine, as on a phone.
    await page.route('**/graphql', async (route) => {
      if (/allVillages\(/.test(route.request().postData() ?? '')) await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await submitLogin(page, VILLAGE_HEAD, DEMO_PASSWORD);
    const shortcut = page.locator('[data-home-shortcut]').last();
    await shortcut.waitFor();
    const first = await shortcut.boundingBox();
    const identityCard = page.locator('main .MuiCard-root').first();
    await identityCard.locator('[role="progressbar"]').waitFor();
    const whileLoading = await shortcut.boundingBox();
    await identityCard.getByText('Mas (51.04.05.2002)').waitFor();
    await dashboardLoaded(page);
    // A tap aimed at a shortcut lands on it: nothing above it or below it moves it.
    expect(whileLoading).toEqual(first);
    expect(await shortcut.boundingBox()).toEqual(first);
  });
});

describe('a partner', () => {
  it('should see its own contribution on a phone, and no budget', async () => {
    const page = await portal.signIn(PARTNER, PHONE);
    await dashboardLoaded(page);
    await expect(page.locator('[data-dashboard-card="contribution"] h2').textContent()).resolves.toBe('Kontribusi kami');
    await expectOwnLiveFigure(page, PARTNER);
    // The artist community pays its members' contributions itself: the funding source is shown, by name.
    await expect(page.locator('[data-dashboard-card="contribution"] [data-dashboard-share]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('[data-dashboard-card="budget"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-dashboard-card="gauge"]').count()).resolves.toBe(0);
    await page.locator('[data-dashboard-card="villages"] svg').first().waitFor();
    await expectNoSidewaysScroll(page);
  });
});
