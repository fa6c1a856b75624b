import { failure, ok, tokenOf, villageId } from '../support/api';
import { enroll, reportWorker } from '../support/registry';

/**
 * Coverage and the award score against figures computed by hand, on a regency without demo data
 * (Bangli), on days of their own (2045); and who may ask about which regency.
 */
const COVERAGE = `query($regencyId: ID!, $asOf: Date) { coverage(regencyId: $regencyId, asOf: $asOf) {
  regencyId asOf workforceTarget official { protectedWorkers asOf source rate } live { protectedWorkers rate }
  byDistrict { districtId name protectedWorkers } byVillage { villageId name protectedWorkers }
  byPartnerType { type protectedWorkers } byFundingSource { fundingSource protectedWorkers } vulnerable { budgetAmount committed workersFunded } } }`;
const SCORE = `query($regencyId: ID!, $year: Int!) { awardScore(regencyId: $regencyId, year: $year) {
  total maximum components { criterion value weight target points explanation } } }`;
const SET_STATUS = `mutation($id: ID!, $status: EnrollmentStatus, $endDate: Date) { updateEnrollment(id: $id, status: $status, endDate: $endDate) { id status } }`;

interface Place {
  regencyId: string;
  districts: Array<{ id: string; name: string }>;
  villages: Array<{ id: string; name: string; code: string }>;
}

let place: Place;

/**
 * Kabupaten Bangli (51.06), where neither the demo data nor another test puts anyone: its first two
 * kecamatan and a village in each, and for these tests a workforce target of 100 (reset after).
 */
async function testRegency(): Promise<Place> {
  const admin = await tokenOf('admin');
  const [regency] = (await ok(`{ allRegencies(filter: { code: "51.06" }) { id } }`, {}, admin)).allRegencies;
  await ok(`mutation($id: ID!) { updateRegency(id: $id, workforceTarget: 100) { id } }`, { id: regency.id }, admin);
  const districts = (await ok(`query($r: ID) { allDistricts(filter: { regencyId: $r }, sortField: "code", perPage: 2) { id name } }`, { r: regency.id }, admin)).allDistricts;
  const villages = [];
  for (const district of districts) {
    const [village] = (await ok(`query($d: ID) { allVillages(filter: { districtId: $d }, sortField: "code", perPage: 1) { id name code } }`, { d: district.id }, admin)).allVillages;
    villages.push(village);
  }
  return { regencyId: regency.id, districts, villages };
}

afterAll(async () => {
  await ok(`mutation($id: ID!) { updateRegency(id: $id, workforceTarget: null) { id } }`, { id: place.regencyId }, await tokenOf('admin'));
});

/**
 * On 2045-06-15, in force: w1 (sanggar, BPU, self, open) and w2 (usaha, PU, employer, to year's
 * end), both ACTIVE. Not in force: w3 (ended in May), w4 (starts in July), w5 (still PENDING).
 */
beforeAll(async () => {
  place = await testRegency();
  const sanggar = await tokenOf('mitraSanggar');
  const usaha = await tokenOf('mitraUsaha');
  const [first, second] = [place.villages[0].code, place.villages[1].code];
  const w1 = await reportWorker(sanggar, {}, first);
  const w2 = await reportWorker(usaha, {}, second);
  const w3 = await reportWorker(sanggar, {}, first);
  const w4 = await reportWorker(sanggar, {}, first);
  const w5 = await reportWorker(sanggar, {}, second);
  const activate = async (token: string, enrollment: { id: string }, values: Record<string, unknown> = { status: 'ACTIVE' }) => ok(SET_STATUS, { id: enrollment.id, ...values }, token);
  await activate(sanggar, await enroll(sanggar, w1.id, { startDate: '2045-01-01' }));
  await activate(usaha, await enroll(usaha, w2.id, { category: 'PU', programs: ['JKK', 'JKM', 'JHT', 'JP', 'JKP'], fundingSource: 'EMPLOYER', riskClass: 'LOW', declaredIncome: 4_000_000, startDate: '2045-03-01', endDate: '2045-12-31' }));
  const ended = await enroll(sanggar, w3.id, { startDate: '2045-01-01', endDate: '2045-05-31' });
  await activate(sanggar, ended);
  await activate(sanggar, ended, { status: 'ENDED' });
  await activate(sanggar, await enroll(sanggar, w4.id, { startDate: '2045-07-01' }));
  await enroll(sanggar, w5.id, { startDate: '2045-01-01' });
  const admin = await tokenOf('admin');
  for (const [asOf, protectedWorkers] of [['2045-05-31', 50], ['2045-07-01', 60]] as const) {
    await ok(
      `mutation($r: ID!, $a: Date!, $p: Int!) { createCoverageReport(regencyId: $r, asOf: $a, protectedWorkers: $p, source: "Uji") { id } }`,
      { r: place.regencyId, a: asOf, p: protectedWorkers },
      admin,
    );
  }
});

describe('coverage', () => {
  it('should count the workers in force on the day, with every breakdown, and the official figure as published before it', async () => {
    const { coverage } = await ok(COVERAGE, { regencyId: place.regencyId, asOf: '2045-06-15' }, await tokenOf('admin'));
    expect(coverage).toEqual({
      regencyId: place.regencyId,
      asOf: '2045-06-15',
      workforceTarget: 100,
      official: { protectedWorkers: 50, asOf: '2045-05-31', source: 'Uji', rate: 0.5 },
      live: { protectedWorkers: 2, rate: 0.02 },
      byDistrict: expect.arrayContaining(place.districts.map((d) => ({ districtId: d.id, name: d.name, protectedWorkers: 1 }))),
      byVillage: expect.arrayContaining(place.villages.map((v) => ({ villageId: v.id, name: v.name, protectedWorkers: 1 }))),
      byPartnerType: expect.arrayContaining([
        { type: 'ARTIST_COMMUNITY', protectedWorkers: 1 },
        { type: 'BUSINESS', protectedWorkers: 1 },
      ]),
      byFundingSource: expect.arrayContaining([
        { fundingSource: 'SELF', protectedWorkers: 1 },
        { fundingSource: 'EMPLOYER', protectedWorkers: 1 },
      ]),
      vulnerable: null,
    });
    expect(coverage.byPartnerType).toHaveLength(2);
    expect(coverage.byDistrict).toHaveLength(2);
    expect(coverage.byVillage).toHaveLength(2);
    expect(coverage.byFundingSource).toHaveLength(2);
    // In July: w2 and w4 (w1 too), the later report.
    const july = (await ok(COVERAGE, { regencyId: place.regencyId, asOf: '2045-07-15' }, await tokenOf('admin'))).coverage;
    expect(july).toMatchObject({ live: { protectedWorkers: 3, rate: 0.03 }, official: { protectedWorkers: 60, asOf: '2045-07-01', rate: 0.6 } });
  });

  it('should give the live count at the end of each of the last twelve months, with the figures published in them', async () => {
    const { coverageTrend } = await ok(
      `query($r: ID!, $a: Date) { coverageTrend(regencyId: $r, asOf: $a) { month day protectedWorkers officialProtectedWorkers } }`,
      { r: place.regencyId, a: '2045-07-15' },
      await tokenOf('admin'),
    );
    expect(coverageTrend.map((m: { day: string; protectedWorkers: number; officialProtectedWorkers: number | null }) => [m.day, m.protectedWorkers, m.officialProtectedWorkers])).toEqual([
      ['2044-08-31', 0, null],
      ['2044-09-30', 0, null],
      ['2044-10-31', 0, null],
      ['2044-11-30', 0, null],
      ['2044-12-31', 0, null],
      ['2045-01-31', 2, null],
      ['2045-02-28', 2, null],
      ['2045-03-31', 3, null],
      ['2045-04-30', 3, null],
      ['2045-05-31', 3, 50],
      ['2045-06-30', 2, null],
      ['2045-07-15', 3, 60],
    ]);
  });

  it('should show a partner only its own contribution, without a rate of the whole regency', async () => {
    const { coverage } = await ok(COVERAGE, { regencyId: place.regencyId, asOf: '2045-06-15' }, await tokenOf('mitraSanggar'));
    expect(coverage.live).toEqual({ protectedWorkers: 1, rate: null });
    expect(coverage.byPartnerType).toEqual([{ type: 'ARTIST_COMMUNITY', protectedWorkers: 1 }]);
  });

  it("should answer NOT_FOUND for another regency's coverage, as for any record out of scope", async () => {
    for (const account of ['pejabatBadung', 'pejabatGianyar', 'perbekelMas'] as const) {
      const error = await failure(COVERAGE, { regencyId: place.regencyId, asOf: '2045-06-15' }, await tokenOf(account));
      expect([account, error.extensions.code]).toEqual([account, 'NOT_FOUND']);
    }
  });

  it("should show a village head its village only, and Gianyar's official its whole regency with the budget", async () => {
    const mas = await villageId('51.04.05.2002');
    const gianyar = (await ok(`{ allRegencies(filter: { code: "51.04" }) { id } }`, {}, await tokenOf('admin'))).allRegencies[0].id;
    const head = (await ok(COVERAGE, { regencyId: gianyar }, await tokenOf('perbekelMas'))).coverage;
    expect(head.byVillage.map((v: { villageId: string }) => v.villageId)).toEqual(head.live.protectedWorkers > 0 ? [mas] : []);
    expect(head.live.rate).toBeNull();
    const official = (await ok(COVERAGE, { regencyId: gianyar, asOf: '2025-10-15' }, await tokenOf('pejabatGianyar'))).coverage;
    expect(official).toMatchObject({ workforceTarget: 198_628, official: { protectedWorkers: 130_300, asOf: '2025-09-30', rate: 0.656 } });
    expect(official.vulnerable).toMatchObject({ budgetAmount: 1_000_000_000 });
    expect(official.byVillage.length).toBeGreaterThan(1);
  });
});

describe('regency-funded cover ending soon', () => {
  it('should list, per village, the regency-funded enrollments that end within the days asked, within scope', async () => {
    const admin = await tokenOf('admin');
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const worker = await reportWorker(await tokenOf('mitraSanggar'), { vulnerable: true }, place.villages[0].code);
    await enroll(admin, worker.id, { fundingSource: 'REGENCY_BUDGET', startDate: day(-20), endDate: day(30) }).then((e) => ok(SET_STATUS, { id: e.id, status: 'ACTIVE' }, admin));
    const ENDING = `query($r: ID, $d: Int) { endingCover(regencyId: $r, withinDays: $d) { villageId villageName enrollments firstEnd } }`;
    expect((await ok(ENDING, { r: place.regencyId, d: 60 }, admin)).endingCover).toEqual([
      { villageId: place.villages[0].id, villageName: place.villages[0].name, enrollments: 1, firstEnd: day(30) },
    ]);
    expect((await ok(ENDING, { r: place.regencyId, d: 20 }, admin)).endingCover).toEqual([]);
    expect((await ok(ENDING, { r: place.regencyId, d: 60 }, await tokenOf('pejabatBadung'))).endingCover).toEqual([]);
  });
});

describe('the Paritrana self-assessment', () => {
  it('should add up its explained components from the data and the weights in force', async () => {
    const { awardScore } = await ok(SCORE, { regencyId: place.regencyId, year: 2045 }, await tokenOf('admin'));
    const byCriterion = Object.fromEntries(awardScore.components.map((c: { criterion: string }) => [c.criterion, c]));
    // Published in 2045: 60 of 100. Growth from the live counts (no 2044 report): 0 % → 3 % (w1, w2, w4 on 31 December).
    expect(byCriterion.COVERAGE_RATE).toMatchObject({ value: 0.6, weight: 25, target: 1, points: 15 });
    expect(byCriterion.COVERAGE_RATE.explanation).toContain('official coverage 60 %');
    expect(byCriterion.COVERAGE_GROWTH).toMatchObject({ value: 3, weight: 15, target: 10, points: 4.5 });
    expect(byCriterion.COVERAGE_GROWTH.explanation).toContain('live coverage went from 0 % to 3 %');
    expect(byCriterion.PARTNERS_ENGAGED).toMatchObject({ value: 2, weight: 10, target: 4, points: 5 });
    expect(byCriterion.BUDGET_COMMITTED).toMatchObject({ value: 0, points: 0 });
    expect(byCriterion.REGULATION).toMatchObject({ value: 0, points: 0, explanation: expect.stringContaining('no regulation recorded') });
    expect(awardScore.total).toBe(24.5);
    expect(awardScore.maximum).toBe(100);
    const sum = awardScore.components.reduce((total: number, c: { points: number }) => total + c.points, 0);
    expect(Math.round(sum * 100) / 100).toBe(awardScore.total);
  });

  it('should score a regulation in force once it is recorded, and only for the regency’s own people', async () => {
    const admin = await tokenOf('admin');
    await ok(`mutation($r: ID!) { createRegulation(regencyId: $r, title: "Perbup Uji 1/2045", validFrom: "2045-02-01") { id } }`, { r: place.regencyId }, admin);
    const { awardScore } = await ok(SCORE, { regencyId: place.regencyId, year: 2045 }, admin);
    expect(awardScore.components.find((c: { criterion: string }) => c.criterion === 'REGULATION')).toMatchObject({ value: 1, points: 25 });
    expect(awardScore.total).toBe(49.5);
    expect((await failure(SCORE, { regencyId: place.regencyId, year: 2045 }, await tokenOf('pejabatBadung'))).extensions.code).toBe('NOT_FOUND');
    // A Badung official cannot record Gianyar's regulation either.
    const gianyar = (await ok(`{ allRegencies(filter: { code: "51.04" }) { id } }`, {}, admin)).allRegencies[0].id;
    const refused = await failure(`mutation($r: ID!) { createRegulation(regencyId: $r, title: "Perbup", validFrom: "2045-02-01") { id } }`, { r: gianyar }, await tokenOf('pejabatBadung'));
    expect(refused.extensions.code).toBe('FORBIDDEN');
  });
});
