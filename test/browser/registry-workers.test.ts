import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { login, ok } from '../support/api';
import { goTo, seriousViolations, usePortal } from '../support/browser';
import { enroll, newNik, reportWorker } from '../support/registry';

/**
 * The worker registry in the portal: a partner reports a person (the NIK fills the birth date and
 * sex) and enrolls them (the contribution computed as the form is filled in); an auditor reads the
 * NIK masked; a regency official reveals it for a reason, and tells two possible duplicates apart.
 * Every page of it fits a phone and passes axe. Workers are made here (the demo data has none).
 */
const PARTNER = 'mitra.sanggar@lindung.test';
const AUDITOR = 'auditor@lindung.test';
const OFFICIAL = 'pejabat.gianyar@lindung.test';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

jest.setTimeout(150_000);

const portal = usePortal();
const signIn = (email: string, viewport: { width: number; height: number } = DESKTOP) => portal.signIn(email, viewport);
const go = goTo;


const masked = (nik: string) => `${nik.slice(0, 6)}******${nik.slice(12)}`;
const uniqueName = (name: string) => `${name} ${process.pid} ${Date.now() % 100000}`;


/** Waits until an input shows a text (a reference input loads its record first). */
async function waitForValue(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(([target, expected]) => (document.querySelector(target) as HTMLInputElement | null)?.value.includes(expected) ?? false, [
    selector,
    text,
  ] as const);
}

/** A worker reported through the API, for the tests that do not make one in the portal. */
let fromPortal: { id: string; nik: string; fullName: string } | undefined;
async function someWorker(): Promise<{ id: string; nik: string; fullName: string }> {
  if (fromPortal) return fromPortal;
  const partner = await login(PARTNER);
  const fullName = uniqueName('Ni Luh Uji');
  const worker = await reportWorker(partner.accessToken, { nik: newNik('1990-03-12', 'FEMALE'), fullName });
  return { id: worker.id, nik: worker.nik, fullName };
}

describe('reporting and enrolling a worker', () => {
  it('should let a partner report a worker whose NIK fills the birth date, then enroll them with the contribution computed as it is typed', async () => {
    const nik = newNik('1990-03-12', 'FEMALE');
    const fullName = uniqueName('Ni Luh Uji');
    const page = await signIn(PARTNER);
    await go(page, '#/Worker/create');

    // The form checks itself, in Indonesian, with no browser bubbles.
    const form = page.locator('form:has(input[name="nik"])');
    await expect(form.evaluate((element) => (element as HTMLFormElement).noValidate)).resolves.toBe(true);

    // The NIK says what it encodes as it is typed, and fills the birth date and sex.
    const nikInput = page.locator('input[name="nik"]');
    await nikInput.fill(nik.slice(0, 9));
    await page.getByText('9 dari 16 angka').waitFor();
    await nikInput.fill(nik);
    await page.locator('[data-nik-hint]').filter({ hasText: 'lahir 12 Maret 1990, perempuan' }).waitFor();
    await expect(page.locator('input[name="birthDate"]').inputValue()).resolves.toBe('1990-03-12');
    await expect(page.locator('.ra-input-gender [role="combobox"]').textContent()).resolves.toContain('Perempuan');

    // A birth date typed in must agree with the NIK.
    await page.locator('input[name="birthDate"]').fill('1991-03-12');
    await page.locator('input[name="birthDate"]').blur();
    await page.getByText('Tidak sesuai dengan tanggal lahir pada NIK (12 Maret 1990)').waitFor();
    await page.locator('input[name="birthDate"]').fill('1990-03-12');
    await page.locator('input[name="birthDate"]').blur();
    await page.getByText('Tidak sesuai dengan tanggal lahir pada NIK').waitFor({ state: 'detached' });

    await page.locator('input[name="fullName"]').fill(fullName);
    await page.locator('input[name="villageId"]').fill('Mas');
    await page.getByRole('option', { name: 'Mas (51.04.05.2002)' }).click();
    await page.locator('input[name="occupation"]').fill('Penari');
    await form.locator('button[type="submit"]').click();

    await page.getByText('Pekerja telah didaftarkan').waitFor();
    await page.waitForURL(/#\/Worker\/[^/]+\/show$/);
    const id = decodeURIComponent(/#\/Worker\/([^/]+)\/show$/.exec(page.url())![1]);
    const details = page.locator('.RaSimpleShowLayout-stack');
    await details.getByText(nik).waitFor();
    await details.getByText('12/03/1990').waitFor();
    await details.getByText('Perempuan').waitFor();
    await details.getByText('Mas (51.04.05.2002)').waitFor();
    fromPortal = { id, nik, fullName };

    // Enrolling from the worker's page: the worker is filled in already.
    await page.getByRole('link', { name: 'Daftarkan kepesertaan' }).click();
    await page.waitForURL(/#\/Enrollment\/create/);
    await waitForValue(page, 'input[name="workerId"]', fullName);
    await page.getByText('Pilih kategori lebih dulu').waitFor();

    await page.locator('.ra-input-category [role="combobox"]').click();
    await page.getByRole('option', { name: 'BPU (bukan penerima upah)' }).click();
    // The category's programs: JKK and JKM ticked (and fixed), JHT offered, JP not at all.
    await expect(page.getByRole('checkbox', { name: 'JKK (kecelakaan kerja)' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: 'JKM (kematian)' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: 'JHT (hari tua)' }).isChecked()).resolves.toBe(false);
    await expect(page.getByRole('checkbox', { name: 'JP (pensiun)' }).count()).resolves.toBe(0);

    await page.locator('.ra-input-fundingSource [role="combobox"]').click();
    await page.getByRole('option', { name: 'Mandiri' }).click();
    await page.locator('input[name="startDate"]').fill('2026-01-01');
    await page.locator('input[name="declaredIncome"]').fill('500000');

    // Before saving: JKK 1 % of Rp500.000 is below its Rp10.000 minimum, JKM is a flat Rp6.800.
    const preview = page.locator('[data-contribution-preview]');
    await preview.locator('[data-contribution-total]').filter({ hasText: 'Rp16.800' }).waitFor();
    await expect(preview.textContent()).resolves.toMatch(/JKK \(kecelakaan kerja\)\s*Rp10\.000/);
    await expect(preview.textContent()).resolves.toMatch(/JKM \(kematian\)\s*Rp6\.800/);

    // Ticking JHT (2 %) adds Rp10.000, live.
    await page.getByRole('checkbox', { name: 'JHT (hari tua)' }).check();
    await preview.locator('[data-contribution-total]').filter({ hasText: 'Rp26.800' }).waitFor();
    await page.getByRole('checkbox', { name: 'JHT (hari tua)' }).uncheck();
    await preview.locator('[data-contribution-total]').filter({ hasText: 'Rp16.800' }).waitFor();

    await page.locator('form:has(input[name="declaredIncome"]) button[type="submit"]').click();
    await page.waitForURL(/#\/Enrollment\/[^/]+\/show$/);
    const enrollment = page.locator('.RaSimpleShowLayout-stack');
    await enrollment.getByText('Menunggu konfirmasi').waitFor();
    await enrollment.getByText(fullName).waitFor();
    await enrollment.locator('[data-contribution-breakdown]').getByText('Rp16.800').waitFor();
    await enrollment.getByText('01/01/2026').waitFor();

    // The same programs for the same days again: the API's CONFLICT, in Indonesian.
    const again = { workerId: id, category: 'BPU', programs: ['JKK', 'JKM'], fundingSource: 'SELF', startDate: '2026-01-01', declaredIncome: 500000 };
    await go(page, `#/Enrollment/create?source=${encodeURIComponent(JSON.stringify(again))}`);
    await page.locator('[data-contribution-total]').filter({ hasText: 'Rp16.800' }).waitFor();
    await page.locator('form:has(input[name="declaredIncome"]) button[type="submit"]').click();
    await page.getByText('Pekerja ini sudah terdaftar dalam program tersebut pada sebagian periode ini.').waitFor();
  });

  it('should tell a partner that a NIK already registered is linked to its organisation', async () => {
    const worker = await someWorker();
    const page = await signIn('mitra.usaha@lindung.test');
    await go(page, '#/Worker/create');
    await page.locator('input[name="nik"]').fill(worker.nik);
    await page.locator('input[name="fullName"]').fill(worker.fullName);
    await page.locator('input[name="villageId"]').fill('Mas');
    await page.getByRole('option', { name: 'Mas (51.04.05.2002)' }).click();
    await page.locator('form:has(input[name="nik"]) button[type="submit"]').click();
    await page.getByText('Orang ini (NIK yang sama) sudah terdaftar').waitFor();
    await page.waitForURL(new RegExp(`#/Worker/${encodeURIComponent(worker.id)}/show$`));
  });

  it("should show on a person's page the partners that reported them: an official all of them, a partner only itself", async () => {
    const [sanggar, usaha, admin] = [await login(PARTNER), await login('mitra.usaha@lindung.test'), await login('admin@lindung.test')];
    const nameOf = async (id: string) => (await ok(`query($id: ID!) { PartnerOrganisation(id: $id) { name } }`, { id }, admin.accessToken)).PartnerOrganisation.name as string;
    const [sanggarName, usahaName] = [await nameOf(sanggar.user.partnerId!), await nameOf(usaha.user.partnerId!)];
    const person = await reportWorker(sanggar.accessToken, { nik: newNik('1988-07-21', 'FEMALE'), fullName: uniqueName('Ni Made Dua Mitra') });
    await reportWorker(usaha.accessToken, { nik: person.nik, fullName: person.fullName });

    const official = await signIn(OFFICIAL);
    await go(official, `#/Worker/${encodeURIComponent(person.id)}/show`);
    const seenByOfficial = official.locator('[data-worker-partners] li');
    await seenByOfficial.nth(1).waitFor();
    // First one first, each named, with its type and since when, in Indonesian.
    await expect(seenByOfficial.allTextContents()).resolves.toEqual([expect.stringContaining(sanggarName), expect.stringContaining(usahaName)]);
    await expect(seenByOfficial.first().textContent()).resolves.toMatch(/sejak \d{1,2} [A-Z][a-z]+ \d{4}/);

    const partner = await signIn(PARTNER);
    await go(partner, `#/Worker/${encodeURIComponent(person.id)}/show`);
    const seenByPartner = partner.locator('[data-worker-partners] li');
    await seenByPartner.first().waitFor();
    await expect(seenByPartner.allTextContents()).resolves.toEqual([expect.stringContaining(sanggarName)]);
  });
});

describe('reading a NIK', () => {
  it('should show an auditor the NIK masked', async () => {
    const worker = await someWorker();
    const page = await signIn(AUDITOR);
    await go(page, `#/Worker/${encodeURIComponent(worker.id)}/show`);
    const details = page.locator('.RaSimpleShowLayout-stack');
    await details.getByText(masked(worker.nik)).waitFor();
    await expect(page.content()).resolves.not.toContain(worker.nik);
    // Read-only: nothing to change, nothing to enroll.
    await expect(page.getByRole('link', { name: 'Ubah' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Daftarkan kepesertaan' }).count()).resolves.toBe(0);
  });

  it('should let a regency official reveal a NIK for a stated reason', async () => {
    const worker = await someWorker();
    const page = await signIn(OFFICIAL);
    await go(page, `#/Worker/${encodeURIComponent(worker.id)}/show`);
    await page.locator('.RaSimpleShowLayout-stack').getByText(masked(worker.nik)).waitFor();

    await page.getByRole('button', { name: 'Tampilkan NIK lengkap' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('button[type="submit"]').click();
    await dialog.getByText('Wajib diisi').waitFor();
    await dialog.locator('textarea[name="reason"]').fill('cek');
    await dialog.locator('button[type="submit"]').click();
    await dialog.getByText('Tuliskan alasannya dalam beberapa kata (minimal 10 karakter)').waitFor();
    await dialog.locator('textarea[name="reason"]').fill('Verifikasi data untuk klaim JKK di BPJS');
    await dialog.locator('button[type="submit"]').click();
    await dialog.locator('[data-revealed-nik]').filter({ hasText: worker.nik }).waitFor();
    await dialog.getByRole('button', { name: 'Tutup' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Shown in the dialog only: the page keeps the masked NIK.
    await expect(page.content()).resolves.not.toContain(worker.nik);
  });
});

describe('possible duplicates', () => {
  it('should let a regency official mark two people of the same name and birth date as different', async () => {
    const partner = await login(PARTNER);
    const fullName = uniqueName('I Made Kembar');
    const first = await reportWorker(partner.accessToken, { nik: newNik('1985-07-01', 'MALE'), fullName });
    const second = await reportWorker(partner.accessToken, { nik: newNik('1985-07-01', 'MALE'), fullName });

    const page = await signIn(OFFICIAL);
    await go(page, `#/Worker?filter=${encodeURIComponent(JSON.stringify({ possibleDuplicate: true, q: fullName }))}`);
    await page.locator('.RaList-main').getByText('Kemungkinan ganda').first().waitFor();
    await go(page, `#/Worker/${encodeURIComponent(first.id)}/show`);
    const panel = page.locator('[data-possible-duplicates]');
    await panel.getByText(masked(second.nik)).waitFor();

    await panel.getByRole('button', { name: `Orang berbeda: ${fullName} (${masked(second.nik)})` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Keduanya bernama ${fullName} dan lahir pada 1 Juli 1985`).waitFor();
    await dialog.locator('textarea[name="reason"]').fill('Kakak beradik kembar, KTP berbeda');
    await dialog.locator('button[type="submit"]').click();
    await page.getByText('Telah ditandai sebagai orang yang berbeda').waitFor();
    await panel.waitFor({ state: 'detached' });

    const flags = await ok(
      `query($ids: [ID!]) { allWorkers(filter: { ids: $ids }) { id possibleDuplicate } }`,
      { ids: [first.id, second.id] },
      partner.accessToken,
    );
    expect(flags.allWorkers.map((w: { possibleDuplicate: boolean }) => w.possibleDuplicate)).toEqual([false, false]);
  });
});

describe('on a phone and on a desktop', () => {
  /**
   * Opens a page, then measures it at both sizes (no sideways scrolling, no serious axe violation),
   * starting at the size the window has (as the everyday test does, so each page costs one resize).
   */
  async function check(page: Page, hash: string, ready: string): Promise<string[]> {
    await go(page, hash);
    await page.locator(ready).first().waitFor();
    const problems: string[] = [];
    const first = page.viewportSize()?.width === PHONE.width ? PHONE : DESKTOP;
    for (const viewport of first === PHONE ? [PHONE, DESKTOP] : [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      // Lists and references load after the page shows.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, body: document.body.scrollWidth, window: window.innerWidth }));
      const where = `${viewport.width}px ${hash}`;
      if (Math.max(widths.page, widths.body) > widths.window) problems.push(`${where}: scrolls sideways (${Math.max(widths.page, widths.body)} > ${widths.window})`);
      const axe = await seriousViolations(page);
      if (Object.keys(axe).length) problems.push(`${where}: axe ${JSON.stringify(axe)}`);
    }
    return problems;
  }

  it('should fit every worker and enrollment page at 390 px and at 1280 px and pass axe, for every role', async () => {
    const partnerSession = await login(PARTNER);
    const worker = await reportWorker(partnerSession.accessToken, { nik: newNik('1992-11-30', 'MALE'), fullName: uniqueName('I Wayan Telepon') });
    // A flagged worker too, so that the duplicates panel is measured.
    const twin = await reportWorker(partnerSession.accessToken, { nik: newNik('1992-11-30', 'MALE'), fullName: worker.fullName });
    const enrollment = await enroll(partnerSession.accessToken, worker.id, { startDate: '2026-02-01' });
    const w = encodeURIComponent(worker.id);
    const e = encodeURIComponent(enrollment.id);

    const problems: string[] = [];
    const partner = await signIn(PARTNER, PHONE);
    // The create form once filled in (the contribution shown), on a phone.
    await go(partner, `#/Enrollment/create?source=${encodeURIComponent(JSON.stringify({ workerId: twin.id }))}`);
    await partner.locator('.ra-input-category [role="combobox"]').click();
    await partner.getByRole('option', { name: 'PU (penerima upah)' }).click();
    await partner.locator('.ra-input-riskClass [role="combobox"]').click();
    await partner.getByRole('option', { name: /^Sangat rendah/ }).click();
    await partner.locator('input[name="declaredIncome"]').fill('3000000');
    // PU at Rp3.000.000: JKK 0,24 % = Rp7.200, JKM 0,3 % = Rp9.000.
    await partner.locator('[data-contribution-total]').filter({ hasText: 'Rp16.200' }).waitFor();
    problems.push(...(await check(partner, `#/Enrollment/create?source=${encodeURIComponent(JSON.stringify({ workerId: twin.id }))}`, '[data-contribution-total]')));

    for (const [hash, ready] of [
      ['#/Worker', '.RaList-main'],
      ['#/Worker/create', '.RaCreate-main'],
      [`#/Worker/${w}/show`, '.RaShow-main'],
      [`#/Worker/${w}`, '.RaEdit-main'],
      ['#/Enrollment', '.RaList-main'],
      [`#/Enrollment/create`, '.RaCreate-main'],
      [`#/Enrollment/${e}/show`, '[data-contribution-breakdown]'],
      [`#/Enrollment/${e}`, '[data-contribution-total]'],
    ]) {
      problems.push(...(await check(partner, hash, ready)));
    }
    const official = await signIn(OFFICIAL, PHONE);
    problems.push(...(await check(official, `#/Worker/${w}/show`, '[data-possible-duplicates]')));
    await official.getByRole('button', { name: 'Tampilkan NIK lengkap' }).click();
    await official.getByRole('dialog').waitFor();
    const dialogAxe = await seriousViolations(official);
    if (Object.keys(dialogAxe).length) problems.push(`reveal dialog: axe ${JSON.stringify(dialogAxe)}`);

    const auditor = await signIn(AUDITOR, PHONE);
    problems.push(...(await check(auditor, `#/Worker/${w}/show`, '.RaShow-main')));
    problems.push(...(await check(auditor, `#/Enrollment/${e}/show`, '[data-contribution-breakdown]')));

    // An admin reports for a partner organisation of its choice: the form has one more input.
    const admin = await signIn('admin@lindung.test', PHONE);
    problems.push(...(await check(admin, '#/Worker/create', 'input[name="partnerId"]')));
    problems.push(...(await check(admin, '#/Enrollment/create', 'input[name="partnerId"]')));

    const villageHead = await signIn('perbekel.mas@lindung.test', PHONE);
    problems.push(...(await check(villageHead, `#/Worker/${w}/show`, '[data-worker-partners]')));

    expect(problems).toEqual([]);
  });
});

describe('an empty list', () => {
  let serial = 0;
  /** An account of its own, signed in with the demo password, whose worker list has nobody in it yet. */
  async function freshAccount(role: 'PARTNER' | 'VILLAGE_HEAD'): Promise<string> {
    const admin = (await login('admin@lindung.test')).accessToken;
    const tag = `${process.pid}${(serial += 1)}`;
    let scope: Record<string, string>;
    if (role === 'PARTNER') {
      const gianyar = (await ok(`{ allRegencies(filter: { code: "51.04" }) { id } }`, {}, admin)).allRegencies[0].id;
      const partner = await ok(
        `mutation($n: String!, $r: ID!) { createPartnerOrganisation(name: $n, type: ARTIST_COMMUNITY, regencyId: $r, contactName: "Wayan Kosong") { id } }`,
        { n: `Sanggar Kosong ${tag}`, r: gianyar },
        admin,
      );
      scope = { partnerId: partner.createPartnerOrganisation.id };
    } else {
      // A desa of Buleleng (51.08), where neither the demo data nor any test puts anyone. (Not a
      // new desa: other files count the reference villages meanwhile.)
      const district = (await ok(`{ allDistricts(filter: { code: "51.08.01" }) { id } }`, {}, admin)).allDistricts[0].id;
      const [village] = (
        await ok(`query($d: ID) { allVillages(filter: { districtId: $d }, sortField: "code", sortOrder: "DESC", perPage: 1) { id } }`, { d: district }, admin)
      ).allVillages;
      scope = { villageId: village.id };
    }
    const email = `kosong.${role.toLowerCase()}.${tag}.${Date.now()}@lindung.test`;
    await ok(
      `mutation($e: String!, $p: String!, $role: Role!, $partnerId: ID, $villageId: ID) { createUser(email: $e, password: $p, role: $role, partnerId: $partnerId, villageId: $villageId) { id } }`,
      { e: email, p: 'lindung-demo', role, ...scope },
      admin,
    );
    return email;
  }

  /** The colour-contrast violations inside the empty page: its words must read against the page. */
  async function contrastProblems(page: Page): Promise<string[]> {
    const { violations } = await new AxeBuilder({ page }).include('.RaList-noResults').withRules(['color-contrast']).analyze();
    return violations.flatMap((violation) => violation.nodes.map((node) => node.html.slice(0, 120)));
  }

  it.each([
    ['PARTNER', true],
    ['VILLAGE_HEAD', false],
  ] as const)('should show a %s react-admin\'s words at the contrast text needs (invited to add one: %s)', async (role, invited) => {
    const page = await signIn(await freshAccount(role), PHONE);
    await go(page, '#/Worker');
    const empty = page.locator('.RaList-noResults');
    await empty.getByText('Belum ada Pekerja.').waitFor();
    await expect(contrastProblems(page)).resolves.toEqual([]);
    const create = empty.locator('a[href="#/Worker/create"]');
    if (invited) {
      await create.waitFor();
      await expect(empty.getByText('Ingin menambahkannya?').isVisible()).resolves.toBe(true);
    } else {
      // The create button is left out for a role that may not add a worker (react-admin asks
      // canAccess); the invitation goes with it.
      await page.waitForFunction(() => document.querySelector('.RaList-noResults .RaEmpty-toolbar')?.childElementCount === 0);
      await expect(empty.getByText('Ingin menambahkannya?').isVisible()).resolves.toBe(false);
      await expect(create.count()).resolves.toBe(0);
    }
  });
});
