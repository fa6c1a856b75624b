import fs from 'node:fs';
import type { Download } from 'playwright-core';
import { login, ok } from '../support/api';
import { newNik } from '../support/registry';
import { BASE_URL, DEMO_PASSWORD, goTo, STEP_TIMEOUT, submitLogin, usePortal } from '../support/browser';
import { waitFor } from '../support/wait';

/**
 * The registry's administration in the portal: a partner imports a CSV file (checked first, errors
 * by row and column, then committed), a regency official suspends and reactivates a partner
 * organisation with a reason, and an auditor reads the audit trail (and exports it from the server).
 * Partner organisations that get suspended are made by the test itself, so no other test's partner
 * is ever suspended.
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

jest.setTimeout(60_000);

const portal = usePortal();
const signIn = (email: string, viewport: { width: number; height: number } = DESKTOP) => portal.signIn(email, viewport);
const go = goTo;

/** A GraphQL call from the test itself; throws on errors. */
const must = ok;

const tokenOf = async (email: string) => (await login(email)).accessToken;

let counter = 0;
const unique = () => `${process.pid}${Date.now() % 100_000}${(counter += 1)}`;

/** A fresh partner organisation in Gianyar (51.04), made by the admin. */
async function gianyarPartner(): Promise<{ id: string; name: string; admin: string }> {
  const admin = await tokenOf('admin@lindung.test');
  const gianyar = (await must(`{ allRegencies(filter: { code: "51.04" }) { id } }`, {}, admin)).allRegencies[0].id;
  const name = `Sanggar Uji ${unique()}`;
  const created = await must(
    `mutation($n: String!, $r: ID!) { createPartnerOrganisation(name: $n, type: ARTIST_COMMUNITY, regencyId: $r, contactName: "Wayan Uji") { id } }`,
    { n: name, r: gianyar },
    admin,
  );
  return { id: created.createPartnerOrganisation.id, name, admin };
}


/** When the partner organisation's suspension was recorded, as the API gives it (an ISO instant). */
async function suspendedAt(partnerId: string): Promise<string> {
  const auditor = await tokenOf('auditor@lindung.test');
  const events = await must(
    `query($id: String!) { allAuditEvents(filter: { entityId: $id, action: SUSPEND }, sortField: "at", sortOrder: "DESC") { at } }`,
    { id: partnerId },
    auditor,
  );
  return events.allAuditEvents[0].at;
}

/** How the portal writes a moment in Indonesian: `25/11/2026 09.30 WITA`. */
function shownAt(iso: string, timeZone: string, label: string): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat('id-ID', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }).format(date);
  const time = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
  return `${day} ${time} ${label}`;
}

/** The WIB minute (UTC+7) a moment falls in and the next one, as typed in a datetime-local input and as sent. */
function wibMinute(iso: string) {
  const start = Math.floor(new Date(iso).getTime() / 60_000) * 60_000;
  const typed = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16);
  return {
    value: typed(start),
    instant: new Date(start).toISOString(),
    nextValue: typed(start + 60_000),
    nextInstant: new Date(start + 60_000).toISOString(),
  };
}

/** A NIK of Ubud for a woman born 4 July 1985, of a serial no other test and not the demo data uses. */
const ubudNik = () => newNik('1985-07-04', 'FEMALE');

describe('import', () => {
  it('should let a partner check a file, see its errors by row and column, and import the accepted row', async () => {
    const nik = ubudNik();
    const goodName = `Ni Luh Uji ${unique()}`;
    const csv = [
      'nik,full_name,birth_date,gender,village_code,occupation,vulnerable,category,programs,start_date,end_date,declared_income,funding_source',
      `${nik},${goodName},1985-07-04,FEMALE,51.04.05.2002,Penari,true,BPU,JKK|JKM,2026-01-01,,1000000,SELF`,
      // Row 3: a NIK of 15 digits.
      `${nik.slice(0, 15)},Made Salah Nik,1985-07-04,FEMALE,51.04.05.2002,Penari,false,BPU,JKK|JKM,2026-01-01,,1000000,SELF`,
      // Row 4: a program that does not exist.
      `${ubudNik()},Ketut Salah Program,1985-07-04,FEMALE,51.04.05.2002,Penari,false,BPU,JKK|JKX,2026-01-01,,1000000,SELF`,
    ].join('\r\n');

    const page = await signIn('mitra.sanggar@lindung.test');
    // The partner's home leads to the import page.
    // (Followed by its address: the coverage dashboard above the shortcuts still grows as its
    // figures arrive, and a click can land where the link was a moment before.)
    await page.locator('[data-home-shortcut][href="#/Import"]').waitFor();
    await goTo(page, '#/Import');
    await page.getByRole('heading', { name: '1. Pilih berkas' }).waitFor();

    // The template is made in the page: the header and an example row.
    const template = page.getByRole('link', { name: 'Unduh templat (CSV)' });
    const href = (await template.getAttribute('href')) ?? '';
    expect(decodeURIComponent(href.replace(/^data:text\/csv;charset=utf-8,/, ''))).toContain(
      'nik,full_name,birth_date,gender,village_code,occupation,vulnerable,category,programs,start_date,end_date,declared_income,funding_source',
    );

    await page.locator('input[type="file"]').setInputFiles({ name: 'pekerja.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('[data-import-file]').getByText('pekerja.csv').waitFor();
    await expect(page.locator('[data-import-file]').textContent()).resolves.toContain('3 baris');

    // The dry run: counts, and each refused value under its row and column, in Indonesian.
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    const checked = page.locator('[data-import-result="dry-run"]');
    await checked.waitFor();
    await expect(checked.locator('[data-import-count="accepted"] dd').textContent()).resolves.toBe('1');
    await expect(checked.locator('[data-import-count="rejected"] dd').textContent()).resolves.toBe('2');
    await checked.getByText('Belum ada yang disimpan.').waitFor();
    const nikError = checked.locator('tr[data-row="3"][data-column="nik"]');
    await nikError.getByText('NIK harus 16 angka').waitFor();
    await expect(nikError.locator('td').first().textContent()).resolves.toBe('3');
    const programError = checked.locator('tr[data-row="4"][data-column="programs"]');
    await programError.waitFor();
    await expect(programError.locator('td').nth(1).textContent()).resolves.toContain('Program');
    await expect(programError.locator('td').nth(2).textContent()).resolves.not.toBe('');
    // Nothing was saved by the check.
    const partner = await tokenOf('mitra.sanggar@lindung.test');
    const workersNamed = async () =>
      (await must(`query($q: String) { allWorkers(filter: { q: $q }) { id fullName } }`, { q: goodName }, partner)).allWorkers.length;
    await expect(workersNamed()).resolves.toBe(0);

    // The commit imports the accepted row.
    await checked.getByRole('button', { name: 'Impor 1 baris yang diterima' }).click();
    const done = page.locator('[data-import-result="done"]');
    await done.waitFor();
    await done.getByText('Impor selesai.').waitFor();
    await expect(done.locator('[data-import-count="accepted"] dd').textContent()).resolves.toBe('1');
    await expect(done.locator('[data-import-count="enrollmentsCreated"] dd').textContent()).resolves.toBe('1');
    await expect(workersNamed()).resolves.toBe(1);
  });

  it('should fit the import page on a phone, its error table included', async () => {
    const page = await signIn('mitra.sanggar@lindung.test', PHONE);
    await go(page, '#/Import');
    const csv = [
      'nik,full_name,birth_date,gender,village_code,occupation,vulnerable,category,programs,start_date,end_date,declared_income,funding_source',
      `12345,Nama Yang Sangat Panjang Sekali Untuk Sebuah Baris,1985-07-04,FEMALE,51.04.05.2002,Penari,false,BPU,JKK|JKM,2026-01-01,,1000000,SELF`,
    ].join('\n');
    await page.locator('input[type="file"]').setInputFiles({ name: 'satu-baris.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await page.locator('[data-import-result="dry-run"] tr[data-row="2"]').first().waitFor();
    // Nothing can be imported: no commit.
    await expect(page.getByRole('button', { name: /^Impor 0/ }).isDisabled()).resolves.toBe(true);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
  });

  it('should let an administrator import for a partner organisation it chooses', async () => {
    const page = await signIn('admin@lindung.test');
    await go(page, '#/Import');
    const check = page.getByRole('button', { name: 'Periksa berkas' });
    const csv = [
      'nik,full_name,birth_date,gender,village_code,occupation,vulnerable,category,programs,start_date,end_date,declared_income,funding_source',
      `${ubudNik()},Wayan Uji Admin,1985-07-04,FEMALE,51.04.05.2002,Penari,false,BPU,JKK|JKM,2026-01-01,,1000000,SELF`,
    ].join('\n');
    await page.locator('input[type="file"]').setInputFiles({ name: 'admin.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // No organisation chosen yet: nothing to check.
    await page.getByText('Pilih organisasi mitra terlebih dahulu.').waitFor();
    await expect(check.isDisabled()).resolves.toBe(true);
    await page.getByRole('combobox', { name: 'Organisasi mitra' }).fill('Sanggar Seni');
    await page.getByRole('option', { name: 'Sanggar Seni Tari Mas' }).click();
    await check.click();
    const checked = page.locator('[data-import-result="dry-run"]');
    await expect(checked.locator('[data-import-count="accepted"] dd').textContent()).resolves.toBe('1');
    await expect(checked.locator('[data-import-count="workersCreated"] dd').textContent()).resolves.toBe('1');
  });
});

describe('partner organisation form', () => {
  it('should let an administrator create a partner organisation, its village among those of its regency', async () => {
    const page = await signIn('admin@lindung.test');
    await go(page, '#/PartnerOrganisation/create');
    const form = page.locator('form');
    await expect(form.evaluate((element) => (element as HTMLFormElement).noValidate)).resolves.toBe(true);
    // The village waits for the regency.
    await page.getByText('Pilih kabupaten/kota terlebih dahulu').waitFor();
    const name = `UMKM Uji ${unique()}`;
    await page.locator('input[name="name"]').fill(name);
    await page.getByRole('combobox', { name: 'Jenis' }).click();
    await page.getByRole('option', { name: 'UMKM' }).click();
    await page.getByRole('combobox', { name: 'Kabupaten/Kota' }).fill('Gianyar');
    await page.getByRole('option', { name: 'Kabupaten Gianyar' }).click();
    await page.getByRole('combobox', { name: 'Desa/Kelurahan' }).fill('Mas');
    await page.getByRole('option', { name: 'Mas (51.04.05.2002)' }).click();
    // Another regency clears the village.
    await page.getByRole('combobox', { name: 'Kabupaten/Kota' }).fill('Badung');
    await page.getByRole('option', { name: 'Kabupaten Badung' }).click();
    // The village clears in the render after the regency's change, not within the click.
    const village = page.getByRole('combobox', { name: 'Desa/Kelurahan' });
    await waitFor(async () => (await village.inputValue()) === '', 5_000, {
      what: 'the village cleared',
      state: () => village.inputValue(),
    });
    await page.getByRole('combobox', { name: 'Kabupaten/Kota' }).fill('Gianyar');
    await page.getByRole('option', { name: 'Kabupaten Gianyar' }).click();
    await page.getByRole('combobox', { name: 'Desa/Kelurahan' }).fill('Mas');
    await page.getByRole('option', { name: 'Mas (51.04.05.2002)' }).click();

    // The NPP and the phone are checked by the shared rules, in the form.
    await page.locator('input[name="npp"]').fill('1234');
    await page.locator('input[name="contactPhone"]').fill('12ab');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Nomor NPP harus 8 angka').waitFor();
    await page.getByText('Harus nomor telepon Indonesia: +62, 62 atau 0, lalu 8 sampai 13 angka').waitFor();
    const npp = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
    await page.locator('input[name="npp"]').fill(npp);
    await page.locator('input[name="contactPhone"]').fill('+62 812-3456-7890');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.waitForURL(/#\/PartnerOrganisation\/[^/]+\/show$/);
    await page.locator('.RaShow-main').getByText('Mas (51.04.05.2002)').waitFor();
    await page.locator('.RaShow-main').getByText(npp).waitFor();
    await page.locator('.RaShow-main').getByText('081234567890').waitFor();
  });

  it('should let a partner change only the contact details of its own organisation', async () => {
    const page = await signIn('mitra.sanggar@lindung.test', PHONE);
    const partner = await tokenOf('mitra.sanggar@lindung.test');
    const [own] = (await must(`{ allPartnerOrganisations { id name contactName } }`, {}, partner)).allPartnerOrganisations;
    await go(page, `#/PartnerOrganisation/${encodeURIComponent(own.id)}`);
    await page.locator('input[name="contactName"]').waitFor();
    // Only the contact details are offered.
    await expect(page.locator('input[name="name"], input[name="npp"], input[name="regencyId"]').count()).resolves.toBe(0);
    const contact = `Ni Kadek Uji ${unique()}`;
    await page.locator('input[name="contactName"]').fill(contact);
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.waitForURL(/\/show$/);
    await page.locator('.RaShow-main').getByText(contact).waitFor();
    // Put back as it was, for the other tests.
    await must(`mutation($id: ID!, $c: String) { updatePartnerOrganisation(id: $id, contactName: $c) { id } }`, { id: own.id, c: own.contactName }, partner);
  });
});

describe('partner organisation status', () => {
  it('should let a regency official suspend a partner organisation with a reason, and reactivate it', async () => {
    const { id, name, admin } = await gianyarPartner();
    const page = await signIn('pejabat.gianyar@lindung.test', PHONE);
    await go(page, `#/PartnerOrganisation/${encodeURIComponent(id)}/show`);
    await page.getByText(name).first().waitFor();

    // On a phone the toolbar's buttons are icons named by their labels.
    await page.getByRole('button', { name: 'Tangguhkan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Tangguhkan ${name}` }).waitFor();
    const form = dialog.locator('form');
    await expect(form.evaluate((element) => (element as HTMLFormElement).noValidate)).resolves.toBe(true);
    await dialog.locator('textarea[name="reason"]').fill('pendek');
    await dialog.getByRole('button', { name: 'Tangguhkan' }).click();
    await dialog.getByText('Tuliskan alasannya dalam beberapa kata (minimal 10 karakter)').waitFor();
    const reason = 'Laporan ganda dari mitra ini sedang diperiksa';
    await dialog.locator('textarea[name="reason"]').fill(reason);
    await dialog.getByRole('button', { name: 'Tangguhkan' }).click();
    await page.getByText('Organisasi mitra telah ditangguhkan').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.MuiAlert-root').getByText(reason).waitFor();
    await page.locator('.MuiChip-root').getByText('Ditangguhkan').waitFor();
    const statusOf = async () => (await must(`query($id: ID!) { PartnerOrganisation(id: $id) { status statusReason } }`, { id }, admin)).PartnerOrganisation;
    await expect(statusOf()).resolves.toEqual({ status: 'SUSPENDED', statusReason: reason });

    await page.getByRole('button', { name: 'Aktifkan kembali' }).click();
    const again = page.getByRole('dialog');
    await again.locator('textarea[name="reason"]').fill('Sudah diverifikasi ulang oleh dinas');
    await again.getByRole('button', { name: 'Aktifkan kembali' }).click();
    await page.getByText('Organisasi mitra telah aktif kembali').waitFor();
    await page.locator('.MuiChip-root').getByText('Aktif', { exact: true }).waitFor();
    await expect(statusOf()).resolves.toEqual({ status: 'ACTIVE', statusReason: 'Sudah diverifikasi ulang oleh dinas' });
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
  });
});

describe('audit trail', () => {
  it('should show an auditor the trail, newest first, and an event with its changes', async () => {
    const { id, name, admin } = await gianyarPartner();
    const reason = `Pemeriksaan audit ${unique()} oleh admin`;
    await must(`mutation($id: ID!, $r: String!) { suspendPartnerOrganisation(id: $id, reason: $r) { id } }`, { id, r: reason }, admin);

    const page = await signIn('auditor@lindung.test');
    // Straight to the trail: a click on the home page while it still renders could miss its link.
    await goTo(page, '#/AuditEvent');
    // Newest first: the suspension just made is on the first page, its time in WITA (this
    // browser is outside Indonesia), written as every time in the portal.
    const row = page.locator('tr', { hasText: reason });
    await row.waitFor();
    await row.getByText('Ditangguhkan').waitFor();
    await row.getByText('Organisasi mitra').waitFor();
    await row.getByText('admin@lindung.test').waitFor();
    const at = await suspendedAt(id);
    await expect(row.locator('td.column-at time').textContent()).resolves.toBe(shownAt(at, 'Asia/Makassar', 'WITA'));

    // Filtered by action, only suspensions remain.
    await page.getByRole('combobox', { name: 'Tindakan' }).click();
    await page.getByRole('option', { name: 'Ditangguhkan' }).click();
    await page.waitForURL(/SUSPEND/);
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('td.column-action')].map((cell) => cell.textContent);
      return cells.length > 0 && cells.every((text) => text === 'Ditangguhkan');
    });
    await row.waitFor();

    // The event: who, what, why, and the status from → to, in words.
    await row.click();
    await page.waitForURL(/#\/AuditEvent\/[^/]+\/show$/);
    await page.locator('.ra-field-reason').getByText(reason).waitFor();
    const status = page.locator('tr[data-change-field="status"]');
    await expect(status.locator('td').allTextContents()).resolves.toEqual(['Aktif', 'Ditangguhkan']);
    await page.locator('tr[data-change-field="statusReason"]').getByText(reason).waitFor();
    await page.locator('.ra-field-actorId').getByText('admin@lindung.test').waitFor();
    await page.getByRole('link', { name: id }).waitFor();
    expect(name).toBeTruthy();
  });

  it("should show and filter the trail on the clock of a browser in another Indonesian zone (WIB)", async () => {
    const { id, admin } = await gianyarPartner();
    const reason = `Pemeriksaan audit WIB ${unique()} oleh admin`;
    await must(`mutation($id: ID!, $r: String!) { suspendPartnerOrganisation(id: $id, reason: $r) { id } }`, { id, r: reason }, admin);
    const at = await suspendedAt(id);

    const context = await portal.browser().newContext({ viewport: DESKTOP, timezoneId: 'Asia/Jakarta' });
    try {
      context.setDefaultTimeout(STEP_TIMEOUT);
      const page = await context.newPage();
      await page.goto(`${BASE_URL}/#/AuditEvent`);
      await submitLogin(page, 'auditor@lindung.test', DEMO_PASSWORD);
      const row = page.locator('tr', { hasText: reason });
      await row.waitFor();
      await expect(row.locator('td.column-at time').textContent()).resolves.toBe(shownAt(at, 'Asia/Jakarta', 'WIB'));

      // The range is typed on the clock the list shows (WIB, named in the label): from the
      // event's own minute keeps it; from the next minute leaves it out.
      const minute = wibMinute(at);
      await page.getByRole('button', { name: 'Tambah filter' }).click();
      await page.getByRole('menuitemcheckbox', { name: 'Sejak (WIB)' }).click();
      const from = page.getByLabel('Sejak (WIB)');
      await from.fill(minute.value);
      await page.waitForURL((url) => decodeURIComponent(url.hash).includes(`"atFrom":"${minute.instant}"`));
      await row.waitFor();
      await from.fill(minute.nextValue);
      await page.waitForURL((url) => decodeURIComponent(url.hash).includes(`"atFrom":"${minute.nextInstant}"`));
      await row.waitFor({ state: 'detached' });
      await expect(from.inputValue()).resolves.toBe(minute.nextValue);
    } finally {
      await context.close();
    }
  });

  it('should export the filtered audit trail as a CSV file made by the server', async () => {
    const page = await signIn('auditor@lindung.test');
    await go(page, '#/AuditEvent');
    await page.locator('td.column-action').first().waitFor();
    const [download] = (await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor' }).click()])) as [Download, void];
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const path = await download.path();
    expect(path).toBeTruthy();
    const text = fs.readFileSync(path!, 'utf8');
    expect(text.split(/\r?\n/)[0]).toMatch(/,/);
  });
});
