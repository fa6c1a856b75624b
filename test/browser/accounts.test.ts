import type { Page } from 'playwright-core';
import { BASE_URL, goTo, submitLogin, usePortal } from '../support/browser';

/**
 * Accounts people run themselves, in the portal: the account page and its password change, the
 * forced change after an administrator's reset, and the deactivated-account message on sign-in.
 * Every test makes its own accounts through the API, so nothing here touches the demo accounts'
 * passwords or sign-in counts.
 */
const DEMO_PASSWORD = 'lindung-demo';
const PASSWORD = 'a-long-password-1';
const NEW_PASSWORD = 'a-brand-new-password-2';
const TEMPORARY = 'temporary-password-3';
const INDONESIAN_MONTH = /\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}/;

jest.setTimeout(45_000);

const { openLoginPage: openPortal } = usePortal();

/** A GraphQL call from the test itself; throws on errors unless `allowErrors`. */
async function api(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

async function must(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const result = await api(query, variables, token);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken user { id mustChangePassword } } }`;
const signInByApi = async (email: string, password: string) => (await must(LOGIN, { e: email, p: password })).login;

let counter = 0;
const uniqueEmail = (prefix: string) => `${prefix}.${process.pid}.${Date.now()}.${(counter += 1)}@lindung.test`;

/** A fresh village head of Desa Mas (Gianyar), made by the admin. */
async function villageHead(): Promise<{ id: string; email: string; admin: string }> {
  const admin = (await signInByApi('admin@lindung.test', DEMO_PASSWORD)).accessToken;
  const mas = (await must(`{ allVillages(filter: { code: "51.04.05.2002" }) { id } }`, {}, admin)).allVillages[0].id;
  const email = uniqueEmail('perbekel.browser');
  const created = await must(
    `mutation($e: String!, $v: ID) { createUser(email: $e, password: "${PASSWORD}", role: VILLAGE_HEAD, villageId: $v, fullName: "Perbekel Uji") { id } }`,
    { e: email, v: mas },
    admin,
  );
  return { id: created.createUser.id, email, admin };
}

async function signIn(email: string, password: string): Promise<Page> {
  const page = await openPortal();
  await submitLogin(page, email, password);
  return page;
}

describe('my account', () => {
  it('should show a village head its account by name and change its password, ending its other sessions', async () => {
    const { email } = await villageHead();
    const elsewhere = await signInByApi(email, PASSWORD);
    const page = await signIn(email, PASSWORD);

    await page.locator('a[href="#/Account"]').first().click();
    await page.waitForURL(/#\/Account$/);
    const details = page.locator('.RaSimpleShowLayout-stack');
    await details.getByText(email).waitFor();
    await details.getByText('Perbekel Uji').waitFor();
    await details.getByText('Perbekel / kepala desa').waitFor();
    // The scope by name (Desa Mas), never an id; the last sign-in in Indonesian.
    await details.getByText('Mas (51.04.05.2002)').waitFor();
    await expect(details.textContent()).resolves.toMatch(INDONESIAN_MONTH);
    await expect(details.textContent()).resolves.not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    // The form checks itself, in Indonesian, with no browser bubbles.
    const form = page.locator('form:has(input[name="newPassword"])');
    await expect(form.evaluate((element) => (element as HTMLFormElement).noValidate)).resolves.toBe(true);
    await form.locator('button[type="submit"]').click();
    await form.getByText('Wajib diisi').first().waitFor();
    await form.locator('input[name="currentPassword"]').fill(PASSWORD);
    await form.locator('input[name="newPassword"]').fill('pendek');
    await form.locator('input[name="confirmPassword"]').fill('lain');
    await form.locator('button[type="submit"]').click();
    await form.getByText('Panjangnya harus 12 sampai 256 karakter').waitFor();
    await form.getByText('Tidak sama dengan kata sandi baru').waitFor();

    // A wrong current password is told on its field.
    await form.locator('input[name="currentPassword"]').fill('not-the-password');
    await form.locator('input[name="newPassword"]').fill(NEW_PASSWORD);
    await form.locator('input[name="confirmPassword"]').fill(NEW_PASSWORD);
    await form.locator('button[type="submit"]').click();
    await form.getByText('Kata sandi saat ini salah').waitFor();

    await form.locator('input[name="currentPassword"]').fill(PASSWORD);
    await form.locator('button[type="submit"]').click();
    await page.getByText('Kata sandi telah diganti').waitFor();

    // This session goes on; the one elsewhere has ended; only the new password signs in.
    await page.locator('a[href="#/Village"]').first().click();
    await page.locator('td.column-name').first().waitFor();
    const ended = await api(`{ me { id } }`, {}, elsewhere.accessToken);
    expect(ended.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await api(LOGIN, { e: email, p: PASSWORD })).errors?.[0]?.extensions.reason).toBe('BAD_CREDENTIALS');
    expect((await signInByApi(email, NEW_PASSWORD)).user.mustChangePassword).toBe(false);
  });
});

describe('password reset', () => {
  it('should let the admin reset a password from the user page, and ask the holder for a new one before anything else', async () => {
    const { id, email } = await villageHead();

    // The admin resets it from the account's page.
    const admin = await signIn('admin@lindung.test', DEMO_PASSWORD);
    await admin.locator('a[href="#/Village"]').first().waitFor();
    await admin.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/User/${encodeURIComponent(id)}/show`);
    await admin.getByRole('button', { name: 'Atur ulang kata sandi' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.locator('input[name="temporaryPassword"]').fill('short');
    await dialog.locator('button[type="submit"]').click();
    await dialog.getByText('Panjangnya harus 12 sampai 256 karakter').waitFor();
    await dialog.locator('input[name="temporaryPassword"]').fill(TEMPORARY);
    await dialog.locator('button[type="submit"]').click();
    await admin.getByText('Kata sandi telah diatur ulang').waitFor();

    // The holder signs in with the temporary password and gets only the password change.
    const page = await signIn(email, TEMPORARY);
    await page.waitForURL(/#\/change-password$/);
    await page.getByRole('heading', { name: 'Buat kata sandi baru' }).waitFor();
    await expect(page.locator('a[href="#/Village"]').count()).resolves.toBe(0);
    // Another page is not reachable meanwhile.
    await page.evaluate(() => {
      window.location.hash = '#/Village';
    });
    await page.waitForURL(/#\/change-password$/);

    await page.locator('input[name="currentPassword"]').fill(TEMPORARY);
    await page.locator('input[name="newPassword"]').fill(TEMPORARY);
    await page.locator('input[name="confirmPassword"]').fill(TEMPORARY);
    await page.locator('button[type="submit"]').click();
    await page.getByText('Harus berbeda dari kata sandi saat ini').waitFor();
    await page.locator('input[name="newPassword"]').fill(NEW_PASSWORD);
    await page.locator('input[name="confirmPassword"]').fill(NEW_PASSWORD);
    await page.locator('button[type="submit"]').click();

    // Then the portal continues, signed in, on its home page.
    await page.waitForURL(/#\/$/);
    await page.getByText('Yang bisa Anda lakukan').waitFor();
    await page.locator('a[href="#/Village"]').first().click();
    await page.waitForURL(/#\/Village/);
    await page.locator('td.column-name').first().waitFor();
    expect((await signInByApi(email, NEW_PASSWORD)).user.mustChangePassword).toBe(false);
  });

  it('should offer a regency official only village heads of its own regency when creating an account', async () => {
    const page = await signIn('pejabat.gianyar@lindung.test', DEMO_PASSWORD);
    // Straight to the form: a click on a page that still renders could miss its link.
    await goTo(page, '#/User/create');
    // The only role offered is chosen already, so the village input is there. (Within the create
    // form: the list behind it, still on screen a moment, has a role filter of its own.)
    const form = page.locator('.RaCreate-main');
    await form.getByText('Perbekel / kepala desa').first().waitFor();
    await form.locator('.ra-input-role [role="combobox"]').click();
    await page.getByRole('option').first().waitFor();
    await expect(page.getByRole('option').allTextContents()).resolves.toEqual(['Perbekel / kepala desa']);
    await page.keyboard.press('Escape');
    await page.locator('input[name="villageId"]').click();
    await page.locator('input[name="villageId"]').fill('Mung'); // Munggu is a village of Badung
    await page.getByText('Tidak ada pilihan yang cocok dalam cakupan Anda').waitFor();
    await page.locator('input[name="villageId"]').fill('Mas');
    await page.getByRole('option', { name: 'Mas (51.04.05.2002)' }).waitFor();
  });
});

describe('signing in to a deactivated account', () => {
  it('should tell the holder, with the right password, that the account is deactivated and whom to ask', async () => {
    const { id, email, admin } = await villageHead();
    await must(`mutation($id: ID!) { updateUser(id: $id, active: false) { id } }`, { id }, admin);

    const page = await signIn(email, PASSWORD);
    await page
      .getByRole('alert')
      .filter({ hasText: 'Akun Anda telah dinonaktifkan. Hubungi pejabat kabupaten Anda atau administrator program Lindung' })
      .waitFor();
    await expect(page.locator('input[name="email"]').isVisible()).resolves.toBe(true);

    // A wrong password learns nothing of the kind.
    await submitLogin(page, email, 'not-the-password');
    await page.getByRole('alert').filter({ hasText: 'Email atau kata sandi salah' }).waitFor();
  });
});
