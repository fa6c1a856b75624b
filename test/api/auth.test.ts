import { ROLES } from '@lindung/domain';
import { DEMO, DEMO_PASSWORD, failure, gql, login, LOGIN, newSource, ok, tokenOf, uniqueEmail } from '../support/api';
import { claimsFor, otherKey, serverKey, signToken, unsignedToken } from '../support/tokens';

const ME = `{ me { id email role regencyId villageId partnerId } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken user { email } } }`;
const LOGOUT = `mutation($t: String!) { logout(refreshToken: $t) }`;
const CREATE_ADMIN = `mutation($email: String!) { createUser(email: $email, password: "a-long-password-1", role: AUDITOR) { id email } }`;
const DEACTIVATE = `mutation($id: ID!) { updateUser(id: $id, active: false) { id active } }`;

describe('login', () => {
  const expectedRoles: Record<string, string> = {
    admin: 'ADMIN', pejabatGianyar: 'REGENCY_OFFICIAL', pejabatBadung: 'REGENCY_OFFICIAL',
    perbekelMas: 'VILLAGE_HEAD', perbekelBatuan: 'VILLAGE_HEAD', mitraSanggar: 'PARTNER',
    mitraUsaha: 'PARTNER', mitraPenyuluh: 'PARTNER', auditor: 'AUDITOR',
  };

  it.each(Object.entries(DEMO))('should sign in demo account %s with its role and scope', async (key, email) => {
    const session = await login(email);
    expect(session.user.email).toBe(email);
    expect(session.user.role).toBe(expectedRoles[key]);
    expect(ROLES).toContain(session.user.role);
    const claims = claimsFor(session.accessToken);
    expect(claims).toMatchObject({ sub: session.user.id, role: session.user.role, regency_id: session.user.regencyId });
    expect((claims.exp as number) - (claims.iat as number)).toBe(15 * 60);
    const me = await ok(ME, {}, session.accessToken);
    expect(me.me).toEqual(session.user);
  });

  it('should give scoped accounts their scope ids', async () => {
    const perbekel = await login(DEMO.perbekelMas);
    expect(perbekel.user.villageId).toBeTruthy();
    expect(perbekel.user.regencyId).toBeTruthy();
    const mitra = await login(DEMO.mitraSanggar);
    expect(mitra.user.partnerId).toBeTruthy();
  });

  it('should answer a wrong password and an unknown email with the same UNAUTHENTICATED error', async () => {
    const wrongPassword = await failure(LOGIN, { email: DEMO.auditor, password: 'not-the-password' });
    const unknownEmail = await failure(LOGIN, { email: uniqueEmail('nobody'), password: 'not-the-password' });
    expect(wrongPassword.extensions.code).toBe('UNAUTHENTICATED');
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it('should accept the email in any case and with surrounding spaces', async () => {
    const session = await login(`  ${DEMO.auditor.toUpperCase()} `);
    expect(session.user.email).toBe(DEMO.auditor);
  });

  it.each([
    ['an existing account', true],
    ['an unknown email', false],
  ])('should lock %s from the failing source only, without telling which', async (_label, exists) => {
    const email = uniqueEmail('throttle');
    if (exists) await ok(CREATE_ADMIN, { email }, await tokenOf('admin'));
    const attacker = newSource();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const error = (await gql(LOGIN, { email, password: 'wrong-password!' }, undefined, attacker)).errors![0];
      expect(error.extensions.reason).toBe('BAD_CREDENTIALS');
    }
    // Locked from that source: even the right password is refused there.
    const locked = await gql(LOGIN, { email, password: exists ? 'a-long-password-1' : 'whatever' }, undefined, attacker);
    expect(locked.status).toBe(429);
    expect(locked.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'TOO_MANY_ATTEMPTS', limit: 'ACCOUNT' });
    expect(locked.errors![0].extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // The owner, elsewhere, is not locked out by a stranger.
    const elsewhere = await gql(LOGIN, { email, password: exists ? 'a-long-password-1' : 'whatever' }, undefined, newSource());
    if (exists) expect(elsewhere.data.login.user.email).toBe(email);
    else expect(elsewhere.errors![0].extensions.reason).toBe('BAD_CREDENTIALS');
  });

  it('should refuse an empty or oversized password with BAD_USER_INPUT naming the field', async () => {
    const error = await failure(LOGIN, { email: DEMO.admin, password: '' });
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.fields).toHaveProperty('password');
  });
});

describe('access tokens', () => {
  it('should refuse requests without a token on non-public operations', async () => {
    expect((await failure(ME)).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('should refuse an expired token', async () => {
    const session = await login(DEMO.auditor);
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = signToken(claimsFor(session.accessToken, { iat: past - 900, exp: past }), serverKey());
    const error = await failure(ME, {}, expired);
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
  });

  it('should refuse a token whose claims were changed after signing', async () => {
    const session = await login(DEMO.mitraSanggar);
    const [head, , signature] = session.accessToken.split('.');
    const body = Buffer.from(JSON.stringify(claimsFor(session.accessToken, { role: 'ADMIN' }))).toString('base64url');
    const error = await failure(ME, {}, `${head}.${body}.${signature}`);
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
  });

  it('should refuse an unsigned token (alg: none)', async () => {
    const session = await login(DEMO.auditor);
    const error = await failure(ME, {}, unsignedToken(claimsFor(session.accessToken, { role: 'ADMIN' })));
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('should refuse a token signed with another key', async () => {
    const session = await login(DEMO.auditor);
    const error = await failure(ME, {}, signToken(claimsFor(session.accessToken), otherKey()));
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('should refuse a token with another algorithm in its header', async () => {
    const session = await login(DEMO.auditor);
    const error = await failure(ME, {}, signToken(claimsFor(session.accessToken), serverKey(), { alg: 'HS256' }));
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('should refuse a validly signed token whose role no longer matches the account', async () => {
    const session = await login(DEMO.mitraSanggar);
    const forged = signToken(claimsFor(session.accessToken, { role: 'ADMIN', partner_id: null, regency_id: null }), serverKey());
    const error = await failure(`{ allUsers { id } }`, {}, forged);
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_OUTDATED' });
  });

  it('should refuse a malformed Authorization header', async () => {
    const response = await fetch(`${process.env.LINDUNG_API_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: ME }),
    });
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('should still allow login when a stale token is sent along', async () => {
    const result = await gql(LOGIN, { email: DEMO.auditor, password: DEMO_PASSWORD }, 'not.a.token');
    expect(result.errors).toBeUndefined();
  });
});

describe('refresh tokens', () => {
  it('should rotate: the new token works, the spent one is refused', async () => {
    const session = await login(DEMO.perbekelBatuan);
    const rotated = (await ok(REFRESH, { t: session.refreshToken })).refreshSession;
    expect(rotated.refreshToken).not.toBe(session.refreshToken);
    expect((await ok(ME, {}, rotated.accessToken)).me.email).toBe(DEMO.perbekelBatuan);
    const reused = await failure(REFRESH, { t: session.refreshToken });
    expect(reused.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REFRESH_TOKEN_REUSED' });
  });

  it('should revoke the whole session when a spent token is re-used', async () => {
    const session = await login(DEMO.perbekelBatuan);
    const rotated = (await ok(REFRESH, { t: session.refreshToken })).refreshSession;
    await failure(REFRESH, { t: session.refreshToken });
    const afterTheft = await failure(REFRESH, { t: rotated.refreshToken });
    expect(afterTheft.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('should refuse an unknown refresh token', async () => {
    const error = await failure(REFRESH, { t: 'made-up-token' });
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REFRESH_TOKEN_INVALID' });
  });

  it('should end the session on logout', async () => {
    const session = await login(DEMO.perbekelBatuan);
    expect((await ok(LOGOUT, { t: session.refreshToken })).logout).toBe(true);
    expect((await failure(REFRESH, { t: session.refreshToken })).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('should end sessions and refuse tokens of a deactivated account', async () => {
    const admin = await tokenOf('admin');
    const email = uniqueEmail('deactivated');
    const created = (await ok(CREATE_ADMIN, { email }, admin)).createUser;
    const session = await login(email, 'a-long-password-1');
    await ok(DEACTIVATE, { id: created.id }, admin);
    expect((await failure(ME, {}, session.accessToken)).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_INACTIVE' });
    expect((await failure(REFRESH, { t: session.refreshToken })).extensions.code).toBe('UNAUTHENTICATED');
    expect((await failure(LOGIN, { email, password: 'a-long-password-1' })).extensions.code).toBe('UNAUTHENTICATED');
  });
});
