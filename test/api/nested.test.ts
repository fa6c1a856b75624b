import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { failure, ok, regencyId, tokenOf, type DemoAccount } from '../support/api';
import { reportWorker } from '../support/registry';

/**
 * Nested fields read through the same scope as the lists (Vendure's "protects against deep query
 * data leakage"): whatever path a caller takes, it reaches no row its scope hides.
 */
const PARTNERS_THROUGH_REGENCIES = `{ allRegencies(perPage: 20) { id partnerOrganisations { id regencyId villageId } } }`;

interface NestedPartner {
  id: string;
  regencyId: string;
  villageId: string | null;
}

async function partnersEverywhere(account: DemoAccount): Promise<NestedPartner[]> {
  const data = await ok(PARTNERS_THROUGH_REGENCIES, {}, await tokenOf(account));
  return data.allRegencies.flatMap((r: { partnerOrganisations: NestedPartner[] }) => r.partnerOrganisations);
}

async function ownScope(account: DemoAccount) {
  return (await ok(`{ me { regencyId villageId partnerId } }`, {}, await tokenOf(account))).me;
}

describe('nested reads stay within the caller', () => {
  it('should show a partner only its own organisation through Regency.partnerOrganisations', async () => {
    const own = await ownScope('mitraSanggar');
    const seen = await partnersEverywhere('mitraSanggar');
    expect(seen.map((p) => p.id)).toEqual([own.partnerId]);
  });

  it("should show a village head only its village's partners, an official only its regency's", async () => {
    const mas = await ownScope('perbekelMas');
    const byPerbekel = await partnersEverywhere('perbekelMas');
    expect(byPerbekel.length).toBeGreaterThan(0);
    expect(byPerbekel.every((p) => p.villageId === mas.villageId)).toBe(true);

    const gianyar = await regencyId('51.04');
    const byGianyar = await partnersEverywhere('pejabatGianyar');
    expect(byGianyar.length).toBeGreaterThan(1);
    expect(byGianyar.every((p) => p.regencyId === gianyar)).toBe(true);
    // Badung's official, asking for Gianyar by id, sees the regency (reference data) but none of its partners.
    const fromBadung = await ok(`query($id: ID!) { Regency(id: $id) { name partnerOrganisations { id } } }`, { id: gianyar }, await tokenOf('pejabatBadung'));
    expect(fromBadung.Regency).toEqual({ name: expect.stringMatching(/Gianyar/), partnerOrganisations: [] });
  });

  it("should show an official the accounts of its regency's partners only, and follow User.partner back within scope", async () => {
    const gianyar = await regencyId('51.04');
    const data = await ok(`{ allPartnerOrganisations(perPage: 20) { id users { id regencyId partnerId partner { id regencyId } } } }`, {}, await tokenOf('pejabatGianyar'));
    const users = data.allPartnerOrganisations.flatMap((p: { users: unknown[] }) => p.users);
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) {
      expect(user.regencyId).toBe(gianyar);
      expect(user.partner).toEqual({ id: user.partnerId, regencyId: gianyar });
    }
  });

  it("should refuse a nested field whose type the role may not read at all (a partner reading its organisation's accounts)", async () => {
    const error = await failure(`{ allPartnerOrganisations { id users { email } } }`, {}, await tokenOf('mitraSanggar'));
    expect(error.extensions.code).toBe('FORBIDDEN');
  });

  it('should follow to-one fields of nested rows without leaving the scope', async () => {
    const mas = await ownScope('perbekelMas');
    const partnersOfMas = await partnersEverywhere('perbekelMas');
    const data = await ok(`{ allRegencies(perPage: 10) { partnerOrganisations { id village { id } regency { id } } } }`, {}, await tokenOf('perbekelMas'));
    const villages = data.allRegencies.flatMap((r: { partnerOrganisations: Array<{ village: { id: string } | null }> }) =>
      r.partnerOrganisations.map((p) => p.village?.id),
    );
    expect(villages).toHaveLength(partnersOfMas.length);
    expect(villages.every((id: string | undefined) => id === mas.villageId)).toBe(true);
  });
});

describe("a person's partners (Worker.partners)", () => {
  const PARTNERS = `query($id: ID!) { Worker(id: $id) { id partners { partnerId workerId firstReportedAt partner { id } } } }`;
  type Tie = { partnerId: string; workerId: string; firstReportedAt: string; partner: { id: string } | null };
  const tiesSeenBy = async (account: DemoAccount, workerId: string): Promise<Tie[]> =>
    (await ok(PARTNERS, { id: workerId }, await tokenOf(account))).Worker.partners;

  it('should show each partner only its own tie to a person two partners reported, and the regency both, first one first', async () => {
    const [sanggar, penyuluh] = [(await ownScope('mitraSanggar')).partnerId, (await ownScope('mitraPenyuluh')).partnerId];
    const person = await reportWorker(await tokenOf('mitraSanggar'));
    const again = await reportWorker(await tokenOf('mitraPenyuluh'), { nik: person.nik, fullName: person.fullName });
    expect(again.id).toBe(person.id);

    for (const [account, own] of [['mitraSanggar', sanggar], ['mitraPenyuluh', penyuluh]] as const) {
      const ties = await tiesSeenBy(account, person.id);
      expect(ties).toEqual([expect.objectContaining({ partnerId: own, workerId: person.id, partner: { id: own } })]);
    }
    for (const account of ['perbekelMas', 'pejabatGianyar', 'auditor', 'admin'] as const) {
      const ties = await tiesSeenBy(account, person.id);
      expect({ account, partners: ties.map((tie) => tie.partnerId) }).toEqual({ account, partners: [sanggar, penyuluh] });
      // Each tie's organisation as the caller may see it: the regency's partners whole, none beyond.
      if (account !== 'perbekelMas') expect(ties.map((tie) => tie.partner?.id)).toEqual([sanggar, penyuluh]);
    }
    // Out of scope: another village's head and another regency's official reach no tie at all.
    for (const account of ['perbekelBatuan', 'pejabatBadung'] as const) {
      expect((await failure(PARTNERS, { id: person.id }, await tokenOf(account))).extensions.code).toBe('NOT_FOUND');
    }
  });
});

describe('batching', () => {
  it('should send one SQL statement per nesting level, however many rows', () => {
    const counts = JSON.parse(
      execFileSync(process.execPath, [path.join(__dirname, '../support/relation-queries.cjs'), process.env.LINDUNG_DATABASE_URL!], { encoding: 'utf8' }),
    );
    expect(counts.fourLevels.rows).toBeGreaterThan(700);
    expect(counts.fourLevels.statements).toBe(5);
    expect(counts.toOneOnEveryRow.rows).toBeGreaterThan(700);
    expect(counts.toOneOnEveryRow.statements).toBe(3);
  });
});

describe("the scoped readers' rows", () => {
  it('should read every entity exactly as TypeORM reads it (values, types, classes), from the pool and in a transaction', () => {
    const result = JSON.parse(
      execFileSync(process.execPath, [path.join(__dirname, '../support/entity-rows.cjs'), process.env.LINDUNG_DATABASE_URL!], { encoding: 'utf8' }),
    );
    expect(result.differences).toEqual([]);
    // The demo data gives most tables rows to compare, both ways (each read's number of rows; other
    // test files may add some between the two, so the numbers need not be equal).
    for (const table of ['Worker', 'Enrollment', 'PartnerOrganisation', 'ContributionRate', 'AuditEvent', 'Proposal', 'Budget', 'WorkerPartner']) {
      expect(result.compared[`pool ${table}`]).toBeGreaterThan(0);
      expect(result.compared[`transaction ${table}`]).toBeGreaterThan(0);
    }
  });
});
