import { Client } from 'pg';
import { failure, gql, ok, tokenOf, type DemoAccount } from '../support/api';
import { newNik } from '../support/registry';
import { waitFor } from '../support/wait';

const FIELDS = 'id program category bracket percent flatAmount minimumAmount maximumBase validFrom validTo legalBasis';
const LIST = `query($filter: ContributionRateFilter) { allContributionRates(perPage: 100, filter: $filter) { ${FIELDS} } _allContributionRatesMeta(filter: $filter) { count } }`;
const CREATE = `mutation($program: Program!, $category: Category!, $bracket: String, $percent: Float, $flatAmount: Money, $minimumAmount: Money, $maximumBase: Money, $validFrom: Date!, $validTo: Date) {
  createContributionRate(program: $program, category: $category, bracket: $bracket, percent: $percent, flatAmount: $flatAmount,
    minimumAmount: $minimumAmount, maximumBase: $maximumBase, validFrom: $validFrom, validTo: $validTo) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $validTo: Date) { updateContributionRate(id: $id, validTo: $validTo) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteContributionRate(id: $id) { id } }`;

describe('contribution rates', () => {
  it.each(['admin', 'pejabatGianyar', 'perbekelMas', 'mitraSanggar', 'auditor'] as DemoAccount[])(
    'should let %s read the rates in force, seeded from DOMAIN.md',
    async (account) => {
      const data = await ok(LIST, { filter: { category: 'BPU', inForceOn: '2025-10-01' } }, await tokenOf(account));
      const byProgram = Object.fromEntries(data.allContributionRates.map((r: { program: string }) => [r.program, r]));
      expect(data._allContributionRatesMeta.count).toBe(3);
      expect(byProgram.JKK).toMatchObject({ percent: 1, minimumAmount: 10_000, flatAmount: null, validFrom: '2015-07-01', validTo: null });
      expect(byProgram.JKM).toMatchObject({ percent: null, flatAmount: 6_800 });
      expect(byProgram.JHT).toMatchObject({ percent: 2 });
    },
  );

  it('should hold the PU risk classes and the JAKON tier', async () => {
    const data = await ok(LIST, { filter: { category: 'PU', program: 'JKK' } }, await tokenOf('auditor'));
    const classes = Object.fromEntries(data.allContributionRates.map((r: { bracket: string; percent: number }) => [r.bracket, r.percent]));
    expect(classes).toEqual({ VERY_LOW: 0.24, LOW: 0.54, MEDIUM: 0.89, HIGH: 1.27, VERY_HIGH: 1.74 });
    const jakon = await ok(LIST, { filter: { category: 'JAKON' } }, await tokenOf('auditor'));
    expect(jakon.allContributionRates.map((r: { maximumBase: number }) => r.maximumBase)).toEqual([100_000_000, 100_000_000]);
  });

  it('should refuse an overlapping validity, and take the next rate once the current one ends', async () => {
    // A key of its own (the real rates stay as they are: other files price enrollments meanwhile).
    const admin = await tokenOf('admin');
    const key = { program: 'JKP', category: 'PU', bracket: 'NEXT_RATE_TEST' };
    const current = (await ok(CREATE, { ...key, percent: 0.4, validFrom: '2020-01-01' }, admin)).createContributionRate;
    const next = { ...key, percent: 0.5, validFrom: '2031-01-01' };
    const overlap = await failure(CREATE, next, admin);
    expect(overlap.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { validFrom: expect.stringMatching(/overlaps/) } });

    await ok(UPDATE, { id: current.id, validTo: '2030-12-31' }, admin);
    const created = (await ok(CREATE, next, admin)).createContributionRate;
    expect(created).toMatchObject({ percent: 0.5, validFrom: '2031-01-01', validTo: null });
    const in2031 = await ok(LIST, { filter: { category: 'PU', program: 'JKP', inForceOn: '2031-06-01' } }, admin);
    expect(in2031.allContributionRates.filter((r: { bracket: string }) => r.bracket === key.bracket).map((r: { id: string }) => r.id)).toEqual([created.id]);

    await ok(DELETE, { id: created.id }, admin);
    await ok(DELETE, { id: current.id }, admin);
  });

  it('should let only one of two racing overlapping rates in', async () => {
    const admin = await tokenOf('admin');
    const rate = { program: 'JKP', category: 'PU', bracket: 'RACE_TEST', percent: 0.5, validFrom: '2040-01-01' };
    const results = await Promise.all([gql(CREATE, rate, admin), gql(CREATE, { ...rate, validFrom: '2040-06-01' }, admin)]);
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    await ok(DELETE, { id: winners[0].data.createContributionRate.id }, admin);
  });

  it('should carry money beyond 32-bit integers exactly', async () => {
    const admin = await tokenOf('admin');
    const created = (
      await ok(CREATE, { program: 'JKK', category: 'JAKON', bracket: 'ABOVE_5B_TEST', percent: 0.01, maximumBase: 9_000_000_000_000, validFrom: '2040-01-01' }, admin)
    ).createContributionRate;
    expect(created.maximumBase).toBe(9_000_000_000_000);
    await ok(DELETE, { id: created.id }, admin);
    const fraction = await failure(CREATE, { program: 'JKM', category: 'PMI', flatAmount: 10.5, validFrom: '2040-01-01' }, admin);
    expect(fraction.extensions.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    [{ percent: 1, flatAmount: 100 }, 'percent'],
    [{}, 'percent'],
    [{ flatAmount: 100, minimumAmount: 10 }, 'minimumAmount'],
    [{ percent: 1, validTo: '2039-12-31' }, 'validTo'],
    [{ percent: 101 }, 'percent'],
    [{ percent: 1, bracket: 'lower case' }, 'bracket'],
  ])('should refuse an inconsistent rate %j naming %s', async (values, field) => {
    const error = await failure(CREATE, { program: 'JKM', category: 'PMI', validFrom: '2040-01-01', ...values }, await tokenOf('admin'));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.fields).toHaveProperty(field);
  });

  it('should refuse a date that does not exist', async () => {
    const error = await failure(CREATE, { program: 'JKM', category: 'PMI', flatAmount: 1, validFrom: '2026-02-30' }, await tokenOf('admin'));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
  });

  it.each(['pejabatGianyar', 'perbekelMas', 'mitraSanggar', 'auditor'] as DemoAccount[])('should refuse %s any change', async (account) => {
    const error = await failure(CREATE, { program: 'JKM', category: 'PMI', flatAmount: 1, validFrom: '2040-01-01' }, await tokenOf(account));
    expect(error.extensions.code).toBe('FORBIDDEN');
  });

  describe('kept in each API process', () => {
    // PMI rates begin on 2023-03-01 (the demo's): nobody else prices PMI cover in 2022.
    const IMPORT = `mutation($csv: String!) { importEnrollments(csv: $csv, dryRun: true) { accepted errors { row field code } } }`;
    const HEADER = 'nik,full_name,birth_date,gender,village_code,occupation,vulnerable,category,programs,start_date,end_date,declared_income,funding_source';
    /** What a partner's dry run makes of a PMI worker's JKK + JKM from 2022-05-01: priced, or which problem. */
    const pricing = async () => {
      const line = [newNik('1990-03-12'), `Pekerja Migran ${process.pid}`, '', '', '51.04.05.2002', 'Perawat', 'false', 'PMI', 'JKK|JKM', '2022-05-01', '', '2000000', 'SELF'].join(',');
      const { importEnrollments } = await ok(IMPORT, { csv: `${HEADER}\n${line}\n` }, await tokenOf('mitraSanggar'));
      return importEnrollments.accepted === 1 ? 'priced' : importEnrollments.errors.map((error: { code: string }) => error.code).join(',');
    };

    it('should price with a rate as soon as it is written here, and with a change made elsewhere once the notice arrives', async () => {
      const admin = await tokenOf('admin');
      expect(await pricing()).toBe('RATE_MISSING');
      const rates = await Promise.all(
        ['JKK', 'JKM'].map(async (program) => (await ok(CREATE, { program, category: 'PMI', flatAmount: 37_500, validFrom: '2022-01-01', validTo: '2022-12-31' }, admin)).createContributionRate),
      );
      // Written through this API: its next request prices with it.
      expect(await pricing()).toBe('priced');

      // Written by another process (here, SQL): this one hears the trigger's notice and forgets its copy.
      const db = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
      await db.connect();
      try {
        await db.query(`UPDATE contribution_rates SET valid_from = '2022-06-01' WHERE id = ANY($1::uuid[])`, [rates.map((rate) => rate.id)]);
        await waitFor(async () => (await pricing()) === 'RATE_MISSING', 3_000, { what: 'the moved rates unused', state: pricing });
      } finally {
        await db.query(`DELETE FROM contribution_rates WHERE id = ANY($1::uuid[])`, [rates.map((rate) => rate.id)]);
        await db.end();
      }
    });
  });
});
