import { Client } from 'pg';
import {
  DEMO,
  failure,
  gql,
  login,
  LOGIN,
  newSource,
  ok,
  regencyId,
  tokenOf,
  uniqueEmail,
  villageId,
  type Session,
} from '../support/api';

/** Accounts people can run themselves: change password, admin reset, deactivated sign-in, officials managing village heads. */
const PASSWORD = 'a-long-password-1';
const NEW_PASSWORD = 'another-long-password-2';
const TEMPORARY = 'temporary-password-3';

const ME = `{ me { id email role mustChangePassword } }`;
const VILLAGES = `{ allVillages(perPage: 1) { id } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
const RESET = `mutation($id: ID!, $p: String!) { resetPassword(userId: $id, temporaryPassword: $p) { id mustChangePassword } }`;
const CREATE = `mutation($email: String!, $password: String!, $role: Role!, $regencyId: ID, $villageId: ID, $partnerId: ID) {
  createUser(email: $email, password: $password, role: $role, regencyId: $regencyId, villageId: $villageId, partnerId: $partnerId) {
    id email role regencyId villageId active mustChangePassword
  }
}`;
const UPDATE = `mutation($id: ID!, $role: Role, $regencyId: ID, $villageId: ID, $fullName: String, $active: Boolean, $password: String) {
  updateUser(id: $id, role: $role, regencyId: $regencyId, villageId: $villageId, fullName: $fullName, active: $active, password: $password) {
    id role regencyId villageId fullName active
  }
}`;

const MAS = '51.04.05.2002';
const BATUAN = '51.04.01.2007';
const MUNGGU_BADUNG = '51.03.02.2001';

interface Account {
  id: string;
  email: string;
}

/** A fresh account of a role, created by the admin with the scope the role needs. */
async function account(role: string, prefix = role.toLowerCase()): Promise<Account> {
  const scope: Record<string, Record<string, string>> = {
    REGENCY_OFFICIAL: { regencyId: await regencyId('51.04') },
    VILLAGE_HEAD: { villageId: await villageId(MAS) },
    PARTNER: { partnerId: (await login(DEMO.mitraSanggar)).user.partnerId! },
  };
  const variables = { email: uniqueEmail(prefix), password: PASSWORD, role, ...(scope[role] ?? {}) };
  return (await ok(CREATE, variables, await tokenOf('admin'))).createUser;
}

const changePassword = (token: string, current: string, next: string, headers: Record<string, string> = {}) =>
  gql(CHANGE, { c: current, n: next }, token, headers);

const errorOf = (result: { errors?: { extensions: Record<string, unknown> }[] }) => {
  if (!result.errors?.length) throw new Error('expected an error');
  return result.errors[0].extensions;
};

async function database<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** Retries `check` for a few seconds (a change notice crosses LISTEN/NOTIFY asynchronously). */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('changePassword', () => {
  it.each(['ADMIN', 'REGENCY_OFFICIAL', 'VILLAGE_HEAD', 'PARTNER', 'AUDITOR'])(
    'should let a %s change its password, keeping this session and ending the others',
    async (role) => {
      const { email } = await account(role);
      const current = await login(email, PASSWORD);
      const other = await login(email, PASSWORD);

      expect((await ok(CHANGE, { c: PASSWORD, n: NEW_PASSWORD }, current.accessToken)).changePassword).toBe(true);

      // This session goes on, with its access token and its refresh token.
      expect((await ok(ME, {}, current.accessToken)).me).toMatchObject({ email, mustChangePassword: false });
      const rotated = (await ok(REFRESH, { t: current.refreshToken })).refreshSession;
      expect((await ok(ME, {}, rotated.accessToken)).me.email).toBe(email);
      // The other one has ended, access and refresh token alike.
      expect((await failure(ME, {}, other.accessToken)).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
      expect((await failure(REFRESH, { t: other.refreshToken })).extensions.code).toBe('UNAUTHENTICATED');
      // Only the new password signs in now.
      expect((await failure(LOGIN, { email, password: PASSWORD })).extensions.reason).toBe('BAD_CREDENTIALS');
      expect((await login(email, NEW_PASSWORD)).user.email).toBe(email);
    },
  );

  it('should hold the new password to the account-creation rule and refuse the current one again', async () => {
    const { email } = await account('AUDITOR');
    const session = await login(email, PASSWORD);
    const short = errorOf(await changePassword(session.accessToken, PASSWORD, 'short'));
    expect(short).toMatchObject({ code: 'BAD_USER_INPUT', fields: { newPassword: expect.any(String) } });
    const same = errorOf(await changePassword(session.accessToken, PASSWORD, PASSWORD));
    expect(same).toMatchObject({ code: 'BAD_USER_INPUT', fields: { newPassword: 'must differ from the current password' } });
    expect((await login(email, PASSWORD)).user.email).toBe(email);
  });

  it('should refuse a wrong current password on that field, keep every session, and change nothing', async () => {
    const { email } = await account('PARTNER');
    const session = await login(email, PASSWORD);
    const other = await login(email, PASSWORD);
    const wrong = errorOf(await changePassword(session.accessToken, 'not-the-password', NEW_PASSWORD, newSource()));
    expect(wrong).toMatchObject({ code: 'BAD_USER_INPUT', fields: { currentPassword: 'is not your current password' } });
    expect((await ok(ME, {}, session.accessToken)).me.email).toBe(email);
    expect((await ok(ME, {}, other.accessToken)).me.email).toBe(email);
    expect((await login(email, PASSWORD)).user.email).toBe(email);
  });

  it('should count wrong current passwords as failed sign-ins: the sign-in limits lock that source', async () => {
    const { email } = await account('VILLAGE_HEAD');
    const session = await login(email, PASSWORD);
    const source = newSource();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(errorOf(await changePassword(session.accessToken, `wrong-password-${attempt}`, NEW_PASSWORD, source)).code).toBe('BAD_USER_INPUT');
    }
    // Locked from that source, for changing the password and for signing in alike…
    const locked = await changePassword(session.accessToken, PASSWORD, NEW_PASSWORD, source);
    expect(locked.status).toBe(429);
    expect(errorOf(locked)).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'TOO_MANY_ATTEMPTS', limit: 'ACCOUNT' });
    const signIn = await gql(LOGIN, { email, password: PASSWORD }, undefined, source);
    expect(errorOf(signIn)).toMatchObject({ code: 'TOO_MANY_REQUESTS', limit: 'ACCOUNT' });
    // …but not elsewhere, and the session itself was never ended.
    expect((await changePassword(session.accessToken, PASSWORD, NEW_PASSWORD, newSource())).data?.changePassword).toBe(true);
    expect((await ok(ME, {}, session.accessToken)).me.email).toBe(email);
  });

  it('should refuse a caller who is not signed in', async () => {
    expect((await failure(CHANGE, { c: PASSWORD, n: NEW_PASSWORD })).extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('resetPassword by an admin', () => {
  it.each(['ADMIN', 'REGENCY_OFFICIAL', 'VILLAGE_HEAD', 'PARTNER', 'AUDITOR'])(
    'should reset a %s account: every session ends, the old password is refused, a change is required',
    async (role) => {
      const { id, email } = await account(role);
      const first = await login(email, PASSWORD);
      const second = await login(email, PASSWORD);
      const reset = (await ok(RESET, { id, p: TEMPORARY }, await tokenOf('admin'))).resetPassword;
      expect(reset).toEqual({ id, mustChangePassword: true });

      for (const session of [first, second]) {
        expect((await failure(ME, {}, session.accessToken)).extensions.code).toBe('UNAUTHENTICATED');
        expect((await failure(REFRESH, { t: session.refreshToken })).extensions.code).toBe('UNAUTHENTICATED');
      }
      expect((await failure(LOGIN, { email, password: PASSWORD })).extensions.reason).toBe('BAD_CREDENTIALS');
      const temporary = (await ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { mustChangePassword } } }`, { e: email, p: TEMPORARY })).login;
      expect(temporary.user.mustChangePassword).toBe(true);
    },
  );

  it('should refuse every other operation until the password is changed, then allow them again', async () => {
    const { id, email } = await account('ADMIN');
    await ok(RESET, { id, p: TEMPORARY }, await tokenOf('admin'));
    const session = await login(email, TEMPORARY);

    // me answers (the portal reads the flag there), and says why nothing else does.
    expect((await ok(ME, {}, session.accessToken)).me).toMatchObject({ id, mustChangePassword: true });
    const gated = [
      [VILLAGES, {}],
      [`{ allUsers { id } }`, {}],
      [CREATE, { email: uniqueEmail('gated'), password: PASSWORD, role: 'AUDITOR' }],
      [RESET, { id, p: 'yet-another-password' }],
    ] as const;
    for (const [query, variables] of gated) {
      expect((await failure(query, variables, session.accessToken)).extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'PASSWORD_CHANGE_REQUIRED',
      });
    }
    // The session itself can be kept alive meanwhile.
    const refreshed = (await ok(REFRESH, { t: session.refreshToken })).refreshSession;

    // The temporary password is no new password.
    expect(errorOf(await changePassword(refreshed.accessToken, TEMPORARY, TEMPORARY)).fields).toHaveProperty('newPassword');
    expect((await ok(CHANGE, { c: TEMPORARY, n: NEW_PASSWORD }, refreshed.accessToken)).changePassword).toBe(true);
    expect((await ok(ME, {}, refreshed.accessToken)).me.mustChangePassword).toBe(false);
    expect((await ok(VILLAGES, {}, refreshed.accessToken)).allVillages).toHaveLength(1);
    expect((await login(email, NEW_PASSWORD)).user.email).toBe(email);
  });

  it('should still let an account that must change its password sign out', async () => {
    const { id, email } = await account('AUDITOR');
    await ok(RESET, { id, p: TEMPORARY }, await tokenOf('admin'));
    const session = await login(email, TEMPORARY);
    expect((await ok(`mutation { logout }`, {}, session.accessToken)).logout).toBe(true);
    expect((await failure(ME, {}, session.accessToken)).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
  });

  it('should make every API process forget its cached check when only the flag changes', async () => {
    const { id, email } = await account('AUDITOR');
    const session = await login(email, PASSWORD);
    await ok(VILLAGES, {}, session.accessToken); // the account check is cached now
    await database((db) => db.query(`UPDATE users SET must_change_password = true WHERE id = $1`, [id]));
    await eventually(async () => (await gql(VILLAGES, {}, session.accessToken)).errors?.[0]?.extensions.reason === 'PASSWORD_CHANGE_REQUIRED', 'the gate');
    await database((db) => db.query(`UPDATE users SET must_change_password = false WHERE id = $1`, [id]));
    await eventually(async () => !(await gql(VILLAGES, {}, session.accessToken)).errors, 'the gate to open');
  });

  it('should hold the temporary password to the strength rule', async () => {
    const { id } = await account('AUDITOR');
    const error = await failure(RESET, { id, p: 'short' }, await tokenOf('admin'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { temporaryPassword: expect.any(String) } });
  });

  it.each(['perbekelMas', 'mitraSanggar', 'auditor'] as const)('should forbid %s to reset passwords', async (caller) => {
    const { id } = await account('VILLAGE_HEAD');
    expect((await failure(RESET, { id, p: TEMPORARY }, await tokenOf(caller))).extensions.code).toBe('FORBIDDEN');
  });
});

describe('a deactivated account signing in', () => {
  it.each([
    ['VILLAGE_HEAD', ['ADMIN', 'REGENCY_OFFICIAL']],
    ['PARTNER', ['ADMIN']],
  ])('should tell a %s with the right password that it is deactivated and whom to ask', async (role, askRoles) => {
    const { id, email } = await account(role);
    await ok(UPDATE, { id, active: false }, await tokenOf('admin'));
    const error = await failure(LOGIN, { email, password: PASSWORD });
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_INACTIVE', askRoles });
    expect(error.message).toMatch(/deactivated/);
  });

  it('should answer a wrong password alike for an existing, a deactivated and an unknown account', async () => {
    const active = await account('AUDITOR');
    const inactive = await account('AUDITOR');
    await ok(UPDATE, { id: inactive.id, active: false }, await tokenOf('admin'));
    const source = newSource();
    const answers = [];
    for (const email of [active.email, inactive.email, uniqueEmail('nobody')]) {
      const result = await gql(LOGIN, { email, password: 'not-the-password' }, undefined, source);
      expect(result.status).toBe(200);
      answers.push(result.errors);
    }
    expect(answers[0]![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
});

describe('regency officials and their village heads', () => {
  let gianyar: string;
  let mas: string;
  let batuan: string;
  let munggu: string;
  let official: string;

  beforeAll(async () => {
    [gianyar, mas, batuan, munggu] = await Promise.all([regencyId('51.04'), villageId(MAS), villageId(BATUAN), villageId(MUNGGU_BADUNG)]);
    official = await tokenOf('pejabatGianyar');
  });

  const villageHead = async (village = mas): Promise<Account & { session: () => Promise<Session> }> => {
    const created = (await ok(CREATE, { email: uniqueEmail('perbekel'), password: PASSWORD, role: 'VILLAGE_HEAD', villageId: village }, official)).createUser;
    return { ...created, session: () => login(created.email, PASSWORD) };
  };

  it('should let an official create a village head of a village of its regency', async () => {
    const created = (await ok(CREATE, { email: uniqueEmail('perbekel'), password: PASSWORD, role: 'VILLAGE_HEAD', villageId: mas }, official)).createUser;
    expect(created).toMatchObject({ role: 'VILLAGE_HEAD', villageId: mas, regencyId: gianyar, active: true, mustChangePassword: false });
    expect((await login(created.email, PASSWORD)).user.villageId).toBe(mas);
  });

  it('should refuse an official a village head of a village of another regency', async () => {
    const email = uniqueEmail('elsewhere');
    const error = await failure(CREATE, { email, password: PASSWORD, role: 'VILLAGE_HEAD', villageId: munggu }, official);
    expect(error.extensions.code).toBe('FORBIDDEN');
    const badung = await regencyId('51.03');
    const claimed = await failure(CREATE, { email, password: PASSWORD, role: 'VILLAGE_HEAD', villageId: munggu, regencyId: badung }, official);
    expect(claimed.extensions.code).toBe('FORBIDDEN');
    expect((await ok(`query($q: String) { _allUsersMeta(filter: { q: $q }) { count } }`, { q: email }, await tokenOf('admin')))._allUsersMeta.count).toBe(0);
  });

  it.each([
    ['REGENCY_OFFICIAL', { regencyId: 'GIANYAR' }],
    ['PARTNER', { partnerId: 'SANGGAR' }],
    ['ADMIN', {}],
    ['AUDITOR', {}],
  ] as const)('should refuse an official to create a %s account', async (role, scope) => {
    const ids: Record<string, string> = { GIANYAR: gianyar, SANGGAR: (await login(DEMO.mitraSanggar)).user.partnerId! };
    const variables = Object.fromEntries(Object.entries(scope).map(([key, value]) => [key, ids[value]]));
    const error = await failure(CREATE, { email: uniqueEmail('other-role'), password: PASSWORD, role, ...variables }, official);
    expect(error.extensions.code).toBe('FORBIDDEN');
  });

  it('should let an official edit, move within its regency and deactivate its village heads, ending their sessions', async () => {
    const head = await villageHead();
    const session = await head.session();
    const renamed = (await ok(UPDATE, { id: head.id, fullName: 'Perbekel Baru' }, official)).updateUser;
    expect(renamed).toMatchObject({ fullName: 'Perbekel Baru', role: 'VILLAGE_HEAD' });
    const moved = (await ok(UPDATE, { id: head.id, villageId: batuan }, official)).updateUser;
    expect(moved).toMatchObject({ villageId: batuan, regencyId: gianyar });
    expect((await failure(ME, {}, session.accessToken)).extensions.code).toBe('UNAUTHENTICATED');
    const deactivated = (await ok(UPDATE, { id: head.id, active: false }, official)).updateUser;
    expect(deactivated.active).toBe(false);
    expect((await failure(LOGIN, { email: head.email, password: PASSWORD })).extensions.reason).toBe('ACCOUNT_INACTIVE');
  });

  it('should refuse an official to turn a village head into another role or move it to another regency', async () => {
    const head = await villageHead();
    const promoted = await failure(UPDATE, { id: head.id, role: 'REGENCY_OFFICIAL', regencyId: gianyar, villageId: null }, official);
    expect(promoted.extensions.code).toBe('FORBIDDEN');
    const moved = await failure(UPDATE, { id: head.id, villageId: munggu }, official);
    expect(moved.extensions.code).toBe('FORBIDDEN');
    const after = (await ok(`query($id: ID!) { User(id: $id) { role villageId regencyId } }`, { id: head.id }, official)).User;
    expect(after).toEqual({ role: 'VILLAGE_HEAD', villageId: mas, regencyId: gianyar });
  });

  it('should refuse an official to touch the official, partner and admin accounts, even of its regency', async () => {
    const ids = {
      official: (await login(DEMO.pejabatGianyar)).user.id,
      partner: (await login(DEMO.mitraUsaha)).user.id,
      otherOfficial: (await account('REGENCY_OFFICIAL')).id,
      admin: (await login(DEMO.admin)).user.id,
    };
    for (const id of [ids.official, ids.partner, ids.otherOfficial]) {
      expect((await failure(UPDATE, { id, fullName: 'x' }, official)).extensions.code).toBe('FORBIDDEN');
      expect((await failure(RESET, { id, p: TEMPORARY }, official)).extensions.code).toBe('FORBIDDEN');
    }
    // The admin is not in its scope at all.
    expect((await failure(UPDATE, { id: ids.admin, fullName: 'x' }, official)).extensions.code).toBe('NOT_FOUND');
    expect((await failure(RESET, { id: ids.admin, p: TEMPORARY }, official)).extensions.code).toBe('NOT_FOUND');
    expect((await login(DEMO.mitraUsaha)).user.id).toBe(ids.partner);
  });

  it('should let an official reset its village heads’ passwords, and nobody else’s village heads', async () => {
    const head = await villageHead();
    const session = await head.session();
    expect((await failure(RESET, { id: head.id, p: TEMPORARY }, await tokenOf('pejabatBadung'))).extensions.code).toBe('NOT_FOUND');
    expect((await failure(UPDATE, { id: head.id, fullName: 'x' }, await tokenOf('pejabatBadung'))).extensions.code).toBe('NOT_FOUND');
    expect((await ok(`{ me { id } }`, {}, session.accessToken)).me.id).toBe(head.id);

    expect((await ok(RESET, { id: head.id, p: TEMPORARY }, official)).resetPassword.mustChangePassword).toBe(true);
    expect((await failure(ME, {}, session.accessToken)).extensions.code).toBe('UNAUTHENTICATED');
    const temporary = await login(head.email, TEMPORARY);
    expect((await failure(VILLAGES, {}, temporary.accessToken)).extensions.reason).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('should still refuse an official to delete a village head', async () => {
    const head = await villageHead();
    expect((await failure(`mutation($id: ID!) { deleteUser(id: $id) { id } }`, { id: head.id }, official)).extensions.code).toBe('FORBIDDEN');
  });

  it('should keep village heads, partners and auditors from writing any account', async () => {
    for (const caller of ['perbekelMas', 'mitraSanggar', 'auditor'] as const) {
      const error = await failure(CREATE, { email: uniqueEmail('x'), password: PASSWORD, role: 'VILLAGE_HEAD', villageId: mas }, await tokenOf(caller));
      expect(error.extensions.code).toBe('FORBIDDEN');
    }
  });
});
