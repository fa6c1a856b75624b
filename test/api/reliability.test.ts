import { Client } from 'pg';
import { API_URL, DEMO, DEMO_PASSWORD, gql, login, LOGIN, newSource, ok, tokenOf, uniqueEmail } from '../support/api';
import { waitFor } from '../support/wait';
import { post, scratchDatabase, startApi, stopApi, type ChildApi } from '../support/child-api';

/**
 * Abuse and faults, bounded and on loopback: floods of failing sign-ins and re-used refresh
 * tokens must all be answered while the API stays ready, and a starved pool answers with a coded
 * 503 and recovers. (SIGKILL mid-write is fault.test.ts.)
 */
jest.setTimeout(60_000);

const REFRESH = `mutation($t: String) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const CREATE_AUDITOR = `mutation($email: String!) { createUser(email: $email, password: "a-long-password-1", role: AUDITOR) { id } }`;

async function ready(url = API_URL): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: await response.json() };
}

/**
 * The shared API is ready once the flood has been answered. Polled rather than read once: other
 * test files use the same API meanwhile, and their requests may take every pool connection for a
 * moment (readiness then rightly says `busy`, as a CI run on a slow machine saw). A connection the
 * flood leaked, pending migrations or an unreachable database stay, and still fail here.
 */
async function readyAgain(): Promise<void> {
  await waitFor(async () => (await ready()).status === 200, 10_000, { what: 'the shared API ready', state: async () => JSON.stringify((await ready()).body) });
}

const reasonsOf = (results: Array<{ errors?: Array<{ extensions: { reason?: string } }> }>) =>
  results.map((r) => r.errors?.[0]?.extensions.reason ?? 'OK').reduce<Record<string, number>>((counts, reason) => {
    counts[reason] = (counts[reason] ?? 0) + 1;
    return counts;
  }, {});

describe('floods', () => {
  it('should answer 60 concurrent failing sign-ins from one address, cap them at the source limit, and stay ready', async () => {
    const source = newSource();
    const results = await Promise.all(
      Array.from({ length: 60 }, () => gql(LOGIN, { email: uniqueEmail('spray'), password: 'wrong-password!' }, undefined, source)),
    );
    // Password spraying from one address: 50 failures are evaluated, the rest refused unheard.
    expect(reasonsOf(results)).toEqual({ BAD_CREDENTIALS: 50, TOO_MANY_ATTEMPTS: 10 });
    const refused = results.find((r) => r.errors![0].extensions.reason === 'TOO_MANY_ATTEMPTS')!;
    expect(refused.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', limit: 'SOURCE' });
    expect(refused.status).toBe(429);
    await readyAgain();
    // Other addresses and accounts are unaffected.
    const session = (await gql(LOGIN, { email: DEMO.auditor, password: DEMO_PASSWORD }, undefined, newSource())).data.login;
    expect((await ok(`{ me { email } }`, {}, session.accessToken)).me.email).toBe(DEMO.auditor);
  });

  it('should answer 30 concurrent re-uses of a spent refresh token and end that session', async () => {
    const session = await login(DEMO.perbekelBatuan);
    const rotated = (await ok(REFRESH, { t: session.refreshToken })).refreshSession;
    const results = await Promise.all(Array.from({ length: 30 }, () => gql(REFRESH, { t: session.refreshToken })));
    for (const result of results) expect(result.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(Object.keys(reasonsOf(results)).sort()).toEqual(expect.arrayContaining(['REFRESH_TOKEN_REUSED']));
    await readyAgain();
    // The thief's copy and the rightful holder's newer token both end with the session.
    expect((await gql(REFRESH, { t: rotated.refreshToken })).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await gql(`{ me { id } }`, {}, rotated.accessToken)).errors![0].extensions).toMatchObject({ reason: 'SESSION_ENDED' });
  });
});

describe('sign-in limits', () => {
  it('should evaluate at most five of eight concurrent wrong passwords on one account from one address', async () => {
    const email = uniqueEmail('race');
    await ok(CREATE_AUDITOR, { email }, await tokenOf('admin'));
    const source = newSource();
    const results = await Promise.all(Array.from({ length: 8 }, () => gql(LOGIN, { email, password: 'wrong-password!' }, undefined, source)));
    expect(reasonsOf(results)).toEqual({ BAD_CREDENTIALS: 5, TOO_MANY_ATTEMPTS: 3 });
  });

  it('should slow, not block, an account that fails from many addresses', async () => {
    const email = uniqueEmail('spread');
    await ok(CREATE_AUDITOR, { email }, await tokenOf('admin'));
    // Eleven failures from three addresses: past the account's free failures, below each pair's lock.
    for (const count of [4, 4, 3]) {
      const source = newSource();
      for (let i = 0; i < count; i += 1) {
        const error = (await gql(LOGIN, { email, password: 'wrong-password!' }, undefined, source)).errors![0];
        expect(error.extensions.reason).toBe('BAD_CREDENTIALS');
      }
    }
    const owner = await gql(LOGIN, { email, password: 'a-long-password-1' }, undefined, newSource());
    expect(owner.errors).toBeUndefined();
    expect(owner.data.login.user.email).toBe(email);
  });
});

describe('a starved pool', () => {
  let api: ChildApi;
  let database: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    database = await scratchDatabase(`lindung_starved_${process.pid}`);
    api = await startApi({
      DATABASE_URL: database.url,
      DATA_DIR: `${process.env.LINDUNG_DATA_DIR}/starved`,
      DEMO_DATA: '1',
      DATABASE_POOL_SIZE: '2',
      DATABASE_ACQUIRE_TIMEOUT_MS: '500',
      AUTH_CACHE_TTL_MS: '0',
    });
  }, 60_000);

  afterAll(async () => {
    if (api) await stopApi(api.child);
    await database?.drop();
  });

  it('should answer 503 with Retry-After within the acquire timeout, turn not-ready, and recover', async () => {
    const { body } = await post(api.url, LOGIN, { email: DEMO.auditor, password: DEMO_PASSWORD });
    const token = body.data.login.accessToken;
    const me = () => post(api.url, `{ me { email } }`, {}, { authorization: `Bearer ${token}` });

    // Hold the users table, so that every request that reads an account keeps its connection.
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
    let held: Promise<Awaited<ReturnType<typeof me>>[]> | undefined;
    try {
      held = Promise.all([me(), me()]);
      await waitFor(async () => (await ready(api.url)).status === 503);
      expect((await ready(api.url)).body).toMatchObject({ ready: false, database: 'busy' });

      const starved = await me();
      expect(starved.status).toBe(503);
      expect(starved.headers.get('retry-after')).toBe('1');
      expect(starved.body.errors[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_BUSY', retryAfterSeconds: 1 });
      // A mutation, which takes its connection for its transaction, is refused alike (anonymous,
      // so that it is the transaction, not the account check, that waits).
      const write = await post(api.url, `mutation { logout(refreshToken: "none") }`);
      expect(write.status).toBe(503);
      expect(write.body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_BUSY' });
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    // The held requests finish once the lock goes, and the API is ready again.
    for (const result of await held!) expect(result.body.data.me.email).toBe(DEMO.auditor);
    await waitFor(async () => (await ready(api.url)).status === 200);
    expect((await me()).body.data.me.email).toBe(DEMO.auditor);
  });
});
