import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { API_URL, DEMO, DEMO_PASSWORD, failure, gql, login, ok, regencyId, tokenOf, uniqueEmail } from '../support/api';
import { waitFor } from '../support/wait';
import { post, startApi, stopApi, type ChildApi } from '../support/child-api';
import { claimsFor, serverKey, signToken } from '../support/tokens';

/** A session ends when it is ended: its access tokens stop working at once, in every API process. */
jest.setTimeout(60_000);

const ME = `{ me { email } }`;
const LOGOUT = `mutation($t: String) { logout(refreshToken: $t) }`;
const COOKIE_LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken } }`;
const COOKIE_REFRESH = `mutation { refreshSession { accessToken refreshToken } }`;

describe('access tokens and their session', () => {
  it('should refuse an access token once its session is logged out', async () => {
    const session = await login(DEMO.perbekelMas);
    expect((await ok(ME, {}, session.accessToken)).me.email).toBe(DEMO.perbekelMas);
    expect((await ok(LOGOUT, { t: session.refreshToken })).logout).toBe(true);
    expect((await failure(ME, {}, session.accessToken)).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
  });

  it("should end the caller's own session when logout names no token", async () => {
    const session = await login(DEMO.perbekelMas);
    const other = await login(DEMO.perbekelMas);
    expect((await ok(LOGOUT, {}, session.accessToken)).logout).toBe(true);
    expect((await failure(ME, {}, session.accessToken)).extensions.reason).toBe('SESSION_ENDED');
    // Only that session: the same account's other sign-in goes on.
    expect((await ok(ME, {}, other.accessToken)).me.email).toBe(DEMO.perbekelMas);
  });

  it.each(['exp', 'sid', 'iat', 'jti'])('should refuse a well-signed token without %s', async (claim) => {
    const session = await login(DEMO.auditor);
    const claims = claimsFor(session.accessToken);
    delete claims[claim];
    const error = await failure(ME, {}, signToken(claims, serverKey()));
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
  });

  it('should send no-store on authenticated answers', async () => {
    const session = await login(DEMO.auditor);
    const response = await fetch(`${API_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({ query: ME }),
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe("the portal's refresh-token cookie", () => {
  const cookieHeaders = { 'x-session-transport': 'cookie' };

  function refreshCookie(response: { headers: Headers }): { value: string; attributes: string } {
    const header = response.headers.getSetCookie().find((c) => c.startsWith('lindung_refresh='));
    if (!header) throw new Error('no lindung_refresh cookie was set');
    const [pair, ...attributes] = header.split(';').map((part) => part.trim());
    return { value: pair.slice('lindung_refresh='.length), attributes: attributes.join('; ') };
  }

  it('should keep the refresh token out of the body and in an HttpOnly, SameSite=Strict cookie on the API path', async () => {
    const signIn = await post(API_URL, COOKIE_LOGIN, { email: DEMO.mitraSanggar, password: DEMO_PASSWORD }, cookieHeaders);
    expect(signIn.body.data.login.refreshToken).toBeNull();
    const cookie = refreshCookie(signIn);
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toMatch(/HttpOnly/);
    expect(cookie.attributes).toMatch(/SameSite=Strict/);
    expect(cookie.attributes).toMatch(/Path=\/graphql/);
    // Plain HTTP here; Secure is added when the request came over HTTPS.
    expect(cookie.attributes).not.toMatch(/Secure/);

    const refreshed = await post(API_URL, COOKIE_REFRESH, {}, { ...cookieHeaders, cookie: `lindung_refresh=${cookie.value}` });
    expect(refreshed.body.data.refreshSession.refreshToken).toBeNull();
    const rotated = refreshCookie(refreshed);
    expect(rotated.value).not.toBe(cookie.value);
    expect((await ok(ME, {}, refreshed.body.data.refreshSession.accessToken)).me.email).toBe(DEMO.mitraSanggar);

    // Logging out with the cookie ends the session and clears the cookie.
    const out = await post(API_URL, `mutation { logout }`, {}, { cookie: `lindung_refresh=${rotated.value}` });
    expect(out.body.data.logout).toBe(true);
    expect(refreshCookie(out).value).toBe('');
    expect((await failure(ME, {}, refreshed.body.data.refreshSession.accessToken)).extensions.reason).toBe('SESSION_ENDED');
  });

  it('should set Secure on the cookie when a trusted proxy says the request came over HTTPS', async () => {
    const signIn = await post(API_URL, COOKIE_LOGIN, { email: DEMO.mitraSanggar, password: DEMO_PASSWORD }, {
      ...cookieHeaders,
      'x-forwarded-proto': 'https',
    });
    expect(refreshCookie(signIn).attributes).toMatch(/Secure/);
  });

  it('should still give API clients that do not ask for the cookie the token in the body', async () => {
    const signIn = await post(API_URL, COOKIE_LOGIN, { email: DEMO.mitraSanggar, password: DEMO_PASSWORD });
    expect(signIn.body.data.login.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signIn.headers.getSetCookie()).toEqual([]);
  });
});

describe('several API processes', () => {
  let second: ChildApi;

  beforeAll(async () => {
    // A second replica on the same database, trusting what it checked for a whole minute.
    second = await startApi({
      DATABASE_URL: process.env.LINDUNG_DATABASE_URL!,
      DATA_DIR: process.env.LINDUNG_DATA_DIR!,
      DEMO_DATA: '1',
      AUTH_CACHE_TTL_MS: '60000',
    });
  }, 60_000);

  afterAll(async () => {
    if (second) await stopApi(second.child);
  });

  const meOnSecond = (token: string) => post(second.url, ME, {}, { authorization: `Bearer ${token}` });

  it('should refuse, on the other replica too, an access token whose session was ended', async () => {
    const session = await login(DEMO.perbekelBatuan);
    expect((await meOnSecond(session.accessToken)).body.data.me.email).toBe(DEMO.perbekelBatuan); // now cached there
    await ok(LOGOUT, { t: session.refreshToken });
    // Told by NOTIFY, well before its cache entry would expire.
    await waitFor(async () => (await meOnSecond(session.accessToken)).body.errors?.[0]?.extensions.reason === 'SESSION_ENDED', 5_000);
  });

  it('should refuse, on the other replica too, the tokens of an account deactivated on this one', async () => {
    const admin = await login(DEMO.admin);
    const email = `replica.${process.pid}.${Date.now()}@lindung.test`;
    const created = (await ok(`mutation($e: String!) { createUser(email: $e, password: "a-long-password-1", role: AUDITOR) { id } }`, { e: email }, admin.accessToken)).createUser;
    const session = await login(email, 'a-long-password-1');
    expect((await meOnSecond(session.accessToken)).body.data.me.email).toBe(email);
    await ok(`mutation($id: ID!) { updateUser(id: $id, active: false) { id } }`, { id: created.id }, admin.accessToken);
    await waitFor(async () => (await meOnSecond(session.accessToken)).body.errors?.[0]?.extensions.code === 'UNAUTHENTICATED', 5_000);
    expect((await gql(ME, {}, session.accessToken)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('change notices', () => {
  // What the API processes hear on lindung_auth: each notice makes them forget cached account checks.
  const SENTINEL = 'lindung_test_sentinel';
  let listener: Client;
  let db: Client;
  let heard: Array<{ channel: string; payload: Record<string, string | null> }> = [];

  beforeAll(async () => {
    listener = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
    db = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
    await Promise.all([listener.connect(), db.connect()]);
    listener.on('notification', ({ channel, payload }) => heard.push({ channel, payload: JSON.parse(payload ?? '{}') }));
    await listener.query(`LISTEN lindung_auth`);
    await listener.query(`LISTEN ${SENTINEL}`);
  });

  afterAll(async () => {
    await Promise.all([listener?.end(), db?.end()]);
  });

  /**
   * The lindung_auth notices of every transaction committed so far: PostgreSQL delivers
   * notifications in commit order, so once a sentinel sent now has arrived, so have they all.
   */
  async function noticesSoFar(): Promise<Array<Record<string, string | null>>> {
    const sentinel = randomUUID();
    await db.query(`SELECT pg_notify($1, $2)`, [SENTINEL, JSON.stringify({ sentinel })]);
    await waitFor(async () => heard.some((notice) => notice.payload.sentinel === sentinel), 5_000);
    const notices = heard.filter((notice) => notice.channel === 'lindung_auth').map((notice) => notice.payload);
    heard = [];
    return notices;
  }

  it("should announce an account's changes but not its partner's suspension, reactivation or deletion", async () => {
    const gianyar = await regencyId('51.04');
    const partner = async () =>
      (await db.query(`INSERT INTO partner_organisations (name, type, regency_id) VALUES ('Notice UMKM', 'UMKM', $1) RETURNING id`, [gianyar])).rows[0].id as string;
    const withAccount = await partner();
    const withoutAccount = await partner();
    const account = (
      await ok(
        `mutation($e: String!, $p: ID!) { createUser(email: $e, password: "a-long-password-1", role: PARTNER, partnerId: $p) { id } }`,
        { e: uniqueEmail('notice'), p: withAccount },
        await tokenOf('admin'),
      )
    ).createUser;
    await noticesSoFar();

    await db.query(`UPDATE partner_organisations SET status = 'SUSPENDED', status_reason = 'test' WHERE id = $1`, [withAccount]);
    await db.query(`UPDATE partner_organisations SET status = 'ACTIVE', status_reason = NULL WHERE id = $1`, [withAccount]);
    await db.query(`DELETE FROM partner_organisations WHERE id = $1`, [withoutAccount]);
    // The account's own change is still announced: the listener hears what there is to hear.
    await db.query(`UPDATE users SET active = false WHERE id = $1`, [account.id]);

    const notices = await noticesSoFar();
    expect(notices.filter((notice) => notice.table === 'partner_organisations')).toEqual([]);
    expect(notices).toContainEqual({ table: 'users', userId: account.id });
  });

  it('should refuse to delete a partner that has accounts, so no account is left naming a deleted one', async () => {
    const gianyar = await regencyId('51.04');
    const { id } = (await db.query(`INSERT INTO partner_organisations (name, type, regency_id) VALUES ('Kept UMKM', 'UMKM', $1) RETURNING id`, [gianyar])).rows[0];
    await ok(
      `mutation($e: String!, $p: ID!) { createUser(email: $e, password: "a-long-password-1", role: PARTNER, partnerId: $p) { id } }`,
      { e: uniqueEmail('kept'), p: id },
      await tokenOf('admin'),
    );
    await expect(db.query(`DELETE FROM partner_organisations WHERE id = $1`, [id])).rejects.toMatchObject({ code: '23503' });
  });
});
