import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DEMO, demo, failure, login, ok, regencyId, tokenOf, uniqueEmail, villageId } from '../support/api';
import { Client } from 'pg';

const CREATE = `mutation($email: String!, $password: String!, $role: Role!, $regencyId: ID, $villageId: ID, $partnerId: ID, $fullName: String) {
  createUser(email: $email, password: $password, role: $role, regencyId: $regencyId, villageId: $villageId, partnerId: $partnerId, fullName: $fullName) {
    id email role regencyId villageId partnerId active fullName
  }
}`;
const USERS = `query($filter: UserFilter) { allUsers(perPage: 1000, filter: $filter) { id email role regencyId } _allUsersMeta(filter: $filter) { count } }`;
const PASSWORD = 'a-long-password-1';

async function partnerId(email: string): Promise<string> {
  return (await login(email)).user.partnerId!;
}

describe('accounts managed by ADMIN', () => {
  it('should create an account of each role with the scope it needs', async () => {
    const admin = await tokenOf('admin');
    const gianyar = await regencyId('51.04');
    const mas = await villageId('51.04.05.2002');
    const sanggar = await partnerId(DEMO.mitraSanggar);
    const official = (await ok(CREATE, { email: uniqueEmail('official'), password: PASSWORD, role: 'REGENCY_OFFICIAL', regencyId: gianyar }, admin)).createUser;
    expect(official).toMatchObject({ role: 'REGENCY_OFFICIAL', regencyId: gianyar, villageId: null, partnerId: null, active: true });
    const perbekel = (await ok(CREATE, { email: uniqueEmail('perbekel'), password: PASSWORD, role: 'VILLAGE_HEAD', villageId: mas }, admin)).createUser;
    expect(perbekel).toMatchObject({ villageId: mas, regencyId: gianyar });
    const mitra = (await ok(CREATE, { email: uniqueEmail('mitra'), password: PASSWORD, role: 'PARTNER', partnerId: sanggar }, admin)).createUser;
    expect(mitra).toMatchObject({ partnerId: sanggar, regencyId: gianyar });
    const session = await login(mitra.email, PASSWORD);
    expect(session.user.role).toBe('PARTNER');
  });

  it('should refuse bad account input naming the field, and write nothing', async () => {
    const admin = await tokenOf('admin');
    const gianyar = await regencyId('51.04');
    const mas = await villageId('51.04.05.2002');
    const email = uniqueEmail('bad');
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not-an-email', password: PASSWORD, role: 'AUDITOR' }, 'email'],
      [{ email, password: 'short', role: 'AUDITOR' }, 'password'],
      [{ email, password: PASSWORD, role: 'REGENCY_OFFICIAL' }, 'regencyId'],
      [{ email, password: PASSWORD, role: 'VILLAGE_HEAD' }, 'villageId'],
      [{ email, password: PASSWORD, role: 'PARTNER' }, 'partnerId'],
      [{ email, password: PASSWORD, role: 'ADMIN', regencyId: gianyar }, 'regencyId'],
      [{ email, password: PASSWORD, role: 'REGENCY_OFFICIAL', regencyId: gianyar, villageId: mas }, 'villageId'],
      [{ email, password: PASSWORD, role: 'VILLAGE_HEAD', villageId: mas, regencyId: await regencyId('51.03') }, 'regencyId'],
      [{ email: DEMO.auditor, password: PASSWORD, role: 'AUDITOR' }, 'email'],
    ];
    for (const [variables, field] of cases) {
      const error = await failure(CREATE, variables, admin);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toHaveProperty([field]);
    }
    const found = await ok(USERS, { filter: { q: email } }, admin);
    expect(found._allUsersMeta.count).toBe(0);
  });

  it('should move an account to another role and end its sessions', async () => {
    const admin = await tokenOf('admin');
    const email = uniqueEmail('mover');
    const created = (await ok(CREATE, { email, password: PASSWORD, role: 'VILLAGE_HEAD', villageId: await villageId('51.04.05.2002') }, admin)).createUser;
    const session = await login(email, PASSWORD);
    const moved = (await ok(`mutation($id: ID!, $r: ID) { updateUser(id: $id, role: REGENCY_OFFICIAL, regencyId: $r, villageId: null) { role regencyId villageId } }`, { id: created.id, r: await regencyId('51.04') }, admin)).updateUser;
    expect(moved).toMatchObject({ role: 'REGENCY_OFFICIAL', villageId: null });
    expect((await failure(`{ me { id } }`, {}, session.accessToken)).extensions.code).toBe('UNAUTHENTICATED');
    expect((await login(email, PASSWORD)).user.role).toBe('REGENCY_OFFICIAL');
  });

  it('should write nothing of an update that fails part-way', async () => {
    const admin = await tokenOf('admin');
    const email = uniqueEmail('atomic');
    const created = (await ok(CREATE, { email, password: PASSWORD, role: 'AUDITOR' }, admin)).createUser;
    // The new password is hashed and assigned before the duplicate email fails the save.
    const error = await failure(
      `mutation($id: ID!) { updateUser(id: $id, email: "${DEMO.admin}", password: "another-long-password", fullName: "Changed") { id } }`,
      { id: created.id },
      admin,
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: 'is already in use' } });
    const after = (await ok(`query($id: ID!) { User(id: $id) { email fullName } }`, { id: created.id }, admin)).User;
    expect(after).toEqual({ email, fullName: null });
    expect((await login(email, PASSWORD)).user.email).toBe(email);
  });

  it('should keep the current password when an update sends null for it', async () => {
    const admin = await tokenOf('admin');
    const email = uniqueEmail('keeps');
    const created = (await ok(CREATE, { email, password: PASSWORD, role: 'AUDITOR' }, admin)).createUser;
    const updated = (await ok(`mutation($id: ID!) { updateUser(id: $id, password: null, fullName: "Tetap") { fullName } }`, { id: created.id }, admin)).updateUser;
    expect(updated).toEqual({ fullName: 'Tetap' });
    expect((await login(email, PASSWORD)).user.email).toBe(email);
  });

  it('should not let an admin lock themselves out', async () => {
    const admin = await login(DEMO.admin);
    const error = await failure(`mutation($id: ID!) { updateUser(id: $id, active: false) { id } }`, { id: admin.user.id }, admin.accessToken);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SELF_LOCKOUT' });
    const deletion = await failure(`mutation($id: ID!) { deleteUser(id: $id) { id } }`, { id: admin.user.id }, admin.accessToken);
    expect(deletion.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SELF_LOCKOUT' });
  });

  it('should delete an account', async () => {
    const admin = await tokenOf('admin');
    const created = (await ok(CREATE, { email: uniqueEmail('gone'), password: PASSWORD, role: 'AUDITOR' }, admin)).createUser;
    await ok(`mutation($id: ID!) { deleteUser(id: $id) { id } }`, { id: created.id }, admin);
    expect((await failure(`query($id: ID!) { User(id: $id) { id } }`, { id: created.id }, admin)).extensions.code).toBe('NOT_FOUND');
  });
});

describe('password hashing in account mutations', () => {
  // argon2id takes tens of milliseconds of CPU: a connection held meanwhile (and, for an update or
  // a reset, the account row's lock) would be taken from every other request for that long.
  it('should hash before taking a connection in createUser, updateUser and resetPassword', () => {
    const seen = JSON.parse(
      execFileSync(process.execPath, [path.join(__dirname, '../support/hashing-connections.cjs'), process.env.LINDUNG_DATABASE_URL!], { encoding: 'utf8' }),
    );
    const idle = { checkedOut: 0, holdsConnection: false, ok: true };
    expect(seen).toEqual({ createUser: idle, updateUser: idle, resetPassword: idle });
  });
});

describe('account access by role and scope', () => {
  it.each(['pejabatGianyar', 'perbekelMas', 'mitraSanggar', 'auditor'] as const)('should forbid %s to create accounts', async (role) => {
    const error = await failure(CREATE, { email: uniqueEmail('x'), password: PASSWORD, role: 'ADMIN' }, await tokenOf(role));
    expect(error.extensions.code).toBe('FORBIDDEN');
  });

  it.each(['perbekelMas', 'mitraSanggar'] as const)('should forbid %s to list accounts', async (role) => {
    expect((await failure(USERS, {}, await tokenOf(role))).extensions.code).toBe('FORBIDDEN');
  });

  it('should show a regency official only the accounts of its regency, in lists, counts and by id', async () => {
    const gianyar = await regencyId('51.04');
    const badungOfficial = await tokenOf('pejabatBadung');
    const gianyarOfficial = await tokenOf('pejabatGianyar');
    const seenByGianyar = await ok(USERS, {}, gianyarOfficial);
    expect(seenByGianyar.allUsers.length).toBeGreaterThanOrEqual(6);
    expect(seenByGianyar.allUsers.every((u: { regencyId: string }) => u.regencyId === gianyar)).toBe(true);
    expect(seenByGianyar._allUsersMeta.count).toBe(seenByGianyar.allUsers.length);

    const seenByBadung = await ok(USERS, {}, badungOfficial);
    const emails = seenByBadung.allUsers.map((u: { email: string }) => u.email);
    expect(emails).toContain(DEMO.pejabatBadung);
    expect(emails).not.toContain(DEMO.perbekelMas);
    expect(emails).not.toContain(DEMO.admin);

    // Asking for Gianyar's accounts by filter does not widen Badung's scope.
    const widened = await ok(USERS, { filter: { regencyId: gianyar } }, badungOfficial);
    expect(widened._allUsersMeta.count).toBe(0);

    const perbekel = (await login(DEMO.perbekelMas)).user.id;
    expect((await failure(`query($id: ID!) { User(id: $id) { id } }`, { id: perbekel }, badungOfficial)).extensions.code).toBe('NOT_FOUND');
    expect((await ok(`query($id: ID!) { User(id: $id) { email } }`, { id: perbekel }, gianyarOfficial)).User.email).toBe(DEMO.perbekelMas);
  });

  it('should let the auditor read every account and change none', async () => {
    const auditor = await tokenOf('auditor');
    const all = await ok(USERS, {}, auditor);
    expect(all._allUsersMeta.count).toBeGreaterThanOrEqual(9);
    const admin = (await login(DEMO.admin)).user.id;
    expect((await failure(`mutation($id: ID!) { updateUser(id: $id, fullName: "x") { id } }`, { id: admin }, auditor)).extensions.code).toBe('FORBIDDEN');
  });
});

describe('partner organisations scope', () => {
  const PARTNERS = `{ allPartnerOrganisations(perPage: 100) { id name type regencyId villageId status } _allPartnerOrganisationsMeta { count } }`;

  it('should show a partner only its own organisation', async () => {
    const session = await login(DEMO.mitraSanggar);
    const data = await ok(PARTNERS, {}, session.accessToken);
    expect(data.allPartnerOrganisations.map((p: { id: string }) => p.id)).toEqual([session.user.partnerId]);
    expect(data._allPartnerOrganisationsMeta.count).toBe(1);
    const other = await partnerId(DEMO.mitraUsaha);
    expect((await failure(`query($id: ID!) { PartnerOrganisation(id: $id) { id } }`, { id: other }, session.accessToken)).extensions.code).toBe('NOT_FOUND');
  });

  it('should show a village head the partners of its village, and a regency official those of its regency', async () => {
    const mas = await ok(PARTNERS, {}, await tokenOf('perbekelMas'));
    const masId = (await demo('perbekelMas')).user.villageId;
    expect(mas.allPartnerOrganisations.length).toBeGreaterThan(0);
    expect(mas.allPartnerOrganisations.every((p: { villageId: string }) => p.villageId === masId)).toBe(true);
    const gianyar = await ok(PARTNERS, {}, await tokenOf('pejabatGianyar'));
    const gianyarId = await regencyId('51.04');
    expect(gianyar._allPartnerOrganisationsMeta.count).toBeGreaterThanOrEqual(3);
    expect(gianyar.allPartnerOrganisations.every((p: { regencyId: string }) => p.regencyId === gianyarId)).toBe(true);
    const badung = await ok(PARTNERS, {}, await tokenOf('pejabatBadung'));
    const badungId = await regencyId('51.03');
    expect(badung.allPartnerOrganisations.every((p: { regencyId: string }) => p.regencyId === badungId)).toBe(true);
    expect(badung.allPartnerOrganisations.map((p: { id: string }) => p.id)).not.toContain(gianyar.allPartnerOrganisations[0].id);
  });

  it('should let a partner whose organisation is suspended still read its own organisation', async () => {
    const admin = await tokenOf('admin');
    const gianyar = await regencyId('51.04');
    const db = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
    await db.connect();
    try {
      const [{ id }] = (await db.query(`INSERT INTO partner_organisations (name, type, status, regency_id) VALUES ('Suspended UMKM', 'UMKM', 'SUSPENDED', $1) RETURNING id`, [gianyar])).rows;
      const email = uniqueEmail('suspended');
      await ok(CREATE, { email, password: PASSWORD, role: 'PARTNER', partnerId: id }, admin);
      const session = await login(email, PASSWORD);
      const data = await ok(PARTNERS, {}, session.accessToken);
      expect(data._allPartnerOrganisationsMeta.count).toBe(1);
      expect(data.allPartnerOrganisations).toEqual([expect.objectContaining({ id, status: 'SUSPENDED' })]);
    } finally {
      await db.end();
    }
  });
});
