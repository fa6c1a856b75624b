import { demo, failure, ok, regencyId, tokenOf, villageId } from '../support/api';
import { reportWorker } from '../support/registry';

/**
 * The vulnerable-worker cycle over HTTP on real PostgreSQL: budgets, proposals from draft to
 * decision, verification flags, and what people below the decision see (the race of 200
 * decisions and a decision cut off by kill -9 are in cycle-isolated.test.ts, on an API of their own). Each test works in a fiscal year of its own (2030 onwards) with a budget
 * it creates, so that the cover periods do not depend on today's date.
 */
const MAS = '51.04.05.2002';
const BATUAN = '51.04.01.2007';
/** Rp16,800 a month (BPU JKK Rp10,000 minimum + JKM Rp6,800), from the seeded rates. */
const MONTHLY = 16_800;

const PROPOSAL_FIELDS = `id status fiscalYear months totalCost approvedCost monthlyCost startDate endDate villageId regencyId submittedAt decidedAt decidedById
  items { id workerId nik fullName decision reason cost flags enrollmentId }`;
const CREATE = `mutation($villageId: ID!, $fiscalYear: Int!, $months: Int!, $workerIds: [ID!]!) {
  createProposal(villageId: $villageId, fiscalYear: $fiscalYear, months: $months, workerIds: $workerIds) { ${PROPOSAL_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $months: Int, $workerIds: [ID!]) { updateProposal(id: $id, months: $months, workerIds: $workerIds) { ${PROPOSAL_FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitProposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawProposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $decisions: [ProposalDecisionInput!]!) { decideProposal(id: $id, decisions: $decisions) { ${PROPOSAL_FIELDS} } }`;
const PROPOSAL = `query($id: ID!) { Proposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
const BUDGET_FIELDS = 'id regencyId fiscalYear name amount committed remaining targetWorkers workersFunded';
const CREATE_BUDGET = `mutation($regencyId: ID!, $fiscalYear: Int!, $name: String!, $amount: Money!, $targetWorkers: Int) {
  createBudget(regencyId: $regencyId, fiscalYear: $fiscalYear, name: $name, amount: $amount, targetWorkers: $targetWorkers) { ${BUDGET_FIELDS} } }`;
const UPDATE_BUDGET = `mutation($id: ID!, $amount: Money, $amendment: String, $name: String) {
  updateBudget(id: $id, amount: $amount, amendment: $amendment, name: $name) { ${BUDGET_FIELDS} } }`;
const BUDGETS = `query($filter: BudgetFilter) { allBudgets(filter: $filter) { ${BUDGET_FIELDS} } }`;

/** A Gianyar budget for a fiscal year of the test's own. */
async function gianyarBudget(fiscalYear: number, amount: number) {
  const data = await ok(CREATE_BUDGET, { regencyId: await regencyId('51.04'), fiscalYear, name: `APBD ${fiscalYear}`, amount }, await tokenOf('pejabatGianyar'));
  return data.createBudget;
}

/** Vulnerable workers living in a village, reported by a partner. */
async function vulnerableWorkers(count: number, villageCode = MAS, values: Record<string, unknown> = {}) {
  const token = await tokenOf('mitraSanggar');
  const workers = [];
  for (let i = 0; i < count; i += 1) workers.push(await reportWorker(token, { vulnerable: true, ...values }, villageCode));
  return workers;
}

async function draft(fiscalYear: number, workerIds: string[], months = 12, villageCode = MAS, head: 'perbekelMas' | 'perbekelBatuan' = 'perbekelMas') {
  const data = await ok(CREATE, { villageId: await villageId(villageCode), fiscalYear, months, workerIds }, await tokenOf(head));
  return data.createProposal;
}

interface Item {
  id: string;
  workerId: string;
  nik: string;
  flags: string[];
  enrollmentId: string | null;
  [field: string]: unknown;
}
const itemOf = (proposal: { items: Item[] }, workerId: string): Item => proposal.items.find((item) => item.workerId === workerId)!;
/**
 * An item's flags but POSSIBLE_DUPLICATE: the test workers share a name pattern and a birth date
 * with other files' people, so whether one is flagged a possible duplicate is not this test's.
 */
const flagsOf = (item: { flags: string[] }) => item.flags.filter((flag) => flag !== 'POSSIBLE_DUPLICATE');

describe('the vulnerable-worker cycle', () => {
  describe('budgets', () => {
    it('should let an official open a budget for its own regency only, one per year', async () => {
      const budget = await gianyarBudget(2040, 1_000_000_000);
      expect(budget).toMatchObject({ fiscalYear: 2040, amount: 1_000_000_000, committed: 0, remaining: 1_000_000_000, workersFunded: 0 });
      const again = await failure(CREATE_BUDGET, { regencyId: await regencyId('51.04'), fiscalYear: 2040, name: 'Lagi', amount: 1 }, await tokenOf('pejabatGianyar'));
      expect(again.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasons: { fiscalYear: { code: 'ALREADY_IN_USE' } } });
      const badung = await failure(CREATE_BUDGET, { regencyId: await regencyId('51.04'), fiscalYear: 2041, name: 'APBD 2041', amount: 1 }, await tokenOf('pejabatBadung'));
      expect(badung.extensions.code).toBe('FORBIDDEN');
    });

    it('should let a village head read its regency’s budgets, and nobody’s else; a partner none', async () => {
      const gianyar = await regencyId('51.04');
      const seen = await ok(BUDGETS, {}, await tokenOf('perbekelMas'));
      expect(seen.allBudgets.length).toBeGreaterThan(0);
      expect(seen.allBudgets.every((b: { regencyId: string }) => b.regencyId === gianyar)).toBe(true);
      const badung = await ok(BUDGETS, {}, await tokenOf('pejabatBadung'));
      expect(badung.allBudgets.some((b: { regencyId: string }) => b.regencyId === gianyar)).toBe(false);
      expect((await failure(BUDGETS, {}, await tokenOf('mitraSanggar'))).extensions.code).toBe('FORBIDDEN');
    });

    it('should amend the amount only with the document named, audited, never below what is committed', async () => {
      const budget = await gianyarBudget(2042, 500_000);
      const token = await tokenOf('pejabatGianyar');
      const unnamed = await failure(UPDATE_BUDGET, { id: budget.id, amount: 600_000 }, token);
      expect(unnamed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasons: { amendment: { code: 'REQUIRED' } } });

      const [worker] = await vulnerableWorkers(1);
      const proposal = await draft(2042, [worker.id], 12);
      await ok(SUBMIT, { id: proposal.id }, await tokenOf('perbekelMas'));
      await ok(DECIDE, { id: proposal.id, decisions: [{ itemId: proposal.items[0].id, approve: true }] }, token);

      const below = await failure(UPDATE_BUDGET, { id: budget.id, amount: 100_000, amendment: 'APBD Perubahan 2042' }, token);
      expect(below.extensions).toMatchObject({ code: 'CONFLICT', reason: 'BUDGET_BELOW_COMMITTED', params: { committed: 12 * MONTHLY } });
      const amended = await ok(UPDATE_BUDGET, { id: budget.id, amount: 750_000, amendment: 'APBD Perubahan 2042' }, token);
      expect(amended.updateBudget).toMatchObject({ amount: 750_000, committed: 12 * MONTHLY, remaining: 750_000 - 12 * MONTHLY });
      const audit = await ok(
        `query($filter: AuditEventFilter) { allAuditEvents(filter: $filter) { action reason changes } }`,
        { filter: { entityType: 'Budget', entityId: budget.id } },
        await tokenOf('auditor'),
      );
      expect(audit.allAuditEvents).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'AMEND', reason: 'APBD Perubahan 2042', changes: { amount: { from: 500_000, to: 750_000 } } }),
          expect.objectContaining({ action: 'DECIDE' }),
        ]),
      );
    });
  });

  describe('a proposal from draft to decision', () => {
    it('should run the whole cycle: draft, submit, decide item by item, enroll, commit, and show the village head why', async () => {
      const budget = await gianyarBudget(2030, 100_000_000);
      const [a, b, c] = await vulnerableWorkers(3);
      const head = await tokenOf('perbekelMas');
      const official = await tokenOf('pejabatGianyar');

      const drafted = await draft(2030, [a.id, b.id], 6);
      expect(drafted).toMatchObject({ status: 'DRAFT', months: 6, monthlyCost: MONTHLY, totalCost: 2 * 6 * MONTHLY, startDate: '2030-01-01', endDate: '2030-06-30' });
      expect(drafted.items.map(flagsOf)).toEqual([[], []]);
      // NIKs in full for the village head, masked for the official.
      expect(itemOf(drafted, a.id).nik).toBe(a.nik);

      const edited = (await ok(UPDATE, { id: drafted.id, workerIds: [a.id, b.id, c.id] }, head)).updateProposal;
      expect(edited.totalCost).toBe(3 * 6 * MONTHLY);
      const submitted = (await ok(SUBMIT, { id: drafted.id }, head)).submitProposal;
      expect(submitted.status).toBe('SUBMITTED');
      expect(submitted.submittedAt).toEqual(expect.any(String));
      expect((await failure(UPDATE, { id: drafted.id, months: 3 }, head)).extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROPOSAL_STATUS', params: { status: 'SUBMITTED', action: 'EDIT' } });

      const seen = (await ok(PROPOSAL, { id: drafted.id }, official)).Proposal;
      expect(itemOf(seen, a.id).nik).toBe(`${a.nik.slice(0, 6)}******${a.nik.slice(12)}`);

      const reason = 'Sudah ditanggung oleh pemberi kerja sejak bulan lalu';
      const decided = (
        await ok(
          DECIDE,
          {
            id: drafted.id,
            decisions: [
              { itemId: itemOf(seen, a.id).id, approve: true },
              { itemId: itemOf(seen, b.id).id, approve: true },
              { itemId: itemOf(seen, c.id).id, approve: false, reason },
            ],
          },
          official,
        )
      ).decideProposal;
      expect(decided).toMatchObject({ status: 'PARTIALLY_APPROVED', approvedCost: 2 * 6 * MONTHLY, decidedById: (await demo('pejabatGianyar')).user.id });

      const [after] = (await ok(BUDGETS, { filter: { ids: [budget.id] } }, official)).allBudgets;
      expect(after).toMatchObject({ committed: 2 * 6 * MONTHLY, workersFunded: 2, remaining: 100_000_000 - 2 * 6 * MONTHLY });

      // The approved workers are enrolled in JKK + JKM, BPU, paid by the regency, for the six months.
      const enrollments = await ok(
        `query($ids: [ID!]) { allEnrollments(filter: { ids: $ids }) { workerId category programs fundingSource startDate endDate monthlyContribution status } }`,
        { ids: decided.items.map((item: { enrollmentId: string | null }) => item.enrollmentId).filter(Boolean) },
        await tokenOf('admin'),
      );
      expect(enrollments.allEnrollments).toHaveLength(2);
      for (const enrollment of enrollments.allEnrollments) {
        expect(enrollment).toMatchObject({ category: 'BPU', programs: ['JKK', 'JKM'], fundingSource: 'REGENCY_BUDGET', startDate: '2030-01-01', endDate: '2030-06-30', monthlyContribution: MONTHLY });
      }
      expect(itemOf(decided, c.id).enrollmentId).toBeNull();

      // The village head sees the outcome and why a worker was refused.
      const outcome = (await ok(PROPOSAL, { id: drafted.id }, head)).Proposal;
      expect(outcome.status).toBe('PARTIALLY_APPROVED');
      expect(itemOf(outcome, c.id)).toMatchObject({ decision: 'REJECTED', reason });

      // Decided is decided: no withdrawal, no second decision.
      expect((await failure(WITHDRAW, { id: drafted.id }, head)).extensions).toMatchObject({ reason: 'PROPOSAL_STATUS', params: { status: 'PARTIALLY_APPROVED', action: 'WITHDRAW' } });
      expect((await failure(DECIDE, { id: drafted.id, decisions: [] }, official)).extensions).toMatchObject({ reason: 'PROPOSAL_STATUS', params: { action: 'DECIDE' } });

      // Next year's cycle re-validates this year's approved workers; a cover that ended early is flagged.
      const first = decided.items.find((item: { workerId: string }) => item.workerId === a.id);
      await ok(`mutation($id: ID!) { updateEnrollment(id: $id, status: ENDED, endDate: "2030-03-31") { id } }`, { id: first.enrollmentId }, await tokenOf('admin'));
      const renewal = (
        await ok(
          `mutation($v: ID!) { renewProposal(villageId: $v, fiscalYear: 2031, months: 12) { ${PROPOSAL_FIELDS} renewsYear } }`,
          { v: await villageId(MAS) },
          head,
        )
      ).renewProposal;
      expect(renewal).toMatchObject({ status: 'DRAFT', fiscalYear: 2031, renewsYear: 2030 });
      expect(renewal.items.map((item: { workerId: string }) => item.workerId).sort()).toEqual([a.id, b.id].sort());
      expect(flagsOf(itemOf(renewal, a.id))).toEqual(['COVER_ENDED_EARLY']);
      expect(flagsOf(itemOf(renewal, b.id))).toEqual([]);
    });

    it('should freeze the decided items: a later registry edit does not change them', async () => {
      await gianyarBudget(2031, 10_000_000);
      const [worker] = await vulnerableWorkers(1);
      const proposal = await draft(2031, [worker.id], 2);
      await ok(SUBMIT, { id: proposal.id }, await tokenOf('perbekelMas'));
      await ok(DECIDE, { id: proposal.id, decisions: [{ itemId: proposal.items[0].id, approve: true }] }, await tokenOf('pejabatGianyar'));
      await ok(`mutation($id: ID!) { updateWorker(id: $id, fullName: "Nama Baru Sekali") { id } }`, { id: worker.id }, await tokenOf('mitraSanggar'));
      const frozen = (await ok(PROPOSAL, { id: proposal.id }, await tokenOf('perbekelMas'))).Proposal;
      expect(frozen.items[0]).toMatchObject({ fullName: worker.fullName, cost: 2 * MONTHLY, decision: 'APPROVED' });
    });

    it('should flag what verification finds, and refuse to approve a blocked item', async () => {
      await gianyarBudget(2032, 50_000_000);
      const [free, covered, twice] = await vulnerableWorkers(3);
      const [notVulnerable] = await vulnerableWorkers(1, MAS, { vulnerable: false });
      // Covered by its own JKK + JKM in 2032; proposed and approved already in another proposal.
      const admin = await tokenOf('admin');
      await ok(
        `mutation($w: ID!) { createEnrollment(workerId: $w, category: BPU, programs: [JKK, JKM], fundingSource: SELF, startDate: "2032-03-01", declaredIncome: 1000000) { id } }`,
        { w: covered.id },
        await tokenOf('mitraSanggar'),
      );
      const first = await draft(2032, [twice.id], 1);
      await ok(SUBMIT, { id: first.id }, await tokenOf('perbekelMas'));

      const second = await draft(2032, [free.id, covered.id, twice.id, notVulnerable.id], 12);
      const submitted = (await ok(SUBMIT, { id: second.id }, await tokenOf('perbekelMas'))).submitProposal;
      expect(flagsOf(itemOf(submitted, free.id))).toEqual([]);
      expect(flagsOf(itemOf(submitted, covered.id))).toEqual(['ALREADY_COVERED']);
      expect(flagsOf(itemOf(submitted, twice.id))).toEqual(['PROPOSED_ELSEWHERE']);
      expect(flagsOf(itemOf(submitted, notVulnerable.id))).toEqual(['NOT_VULNERABLE']);
      // The earlier proposal is not blocked by the later one.
      expect(flagsOf((await ok(PROPOSAL, { id: first.id }, admin)).Proposal.items[0])).toEqual([]);

      const official = await tokenOf('pejabatGianyar');
      const refuse = (workerId: string) => ({ itemId: itemOf(submitted, workerId).id, approve: false, reason: 'Tidak memenuhi syarat verifikasi' });
      const blocked = await failure(
        DECIDE,
        { id: second.id, decisions: [{ itemId: itemOf(submitted, free.id).id, approve: true }, { itemId: itemOf(submitted, covered.id).id, approve: true }, refuse(twice.id), refuse(notVulnerable.id)] },
        official,
      );
      expect(blocked.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reasons: { decisions: { code: 'ITEM_BLOCKED', params: { items: [{ itemId: itemOf(submitted, covered.id).id, flags: ['ALREADY_COVERED'] }] } } },
      });
      // Nothing of the refused decision was written.
      expect((await ok(PROPOSAL, { id: second.id }, admin)).Proposal.status).toBe('SUBMITTED');
    });

    it('should refuse incomplete decisions, refusals without a reason, and items of other proposals', async () => {
      await gianyarBudget(2033, 50_000_000);
      const [a, b] = await vulnerableWorkers(2);
      const proposal = await draft(2033, [a.id, b.id], 1);
      await ok(SUBMIT, { id: proposal.id }, await tokenOf('perbekelMas'));
      const official = await tokenOf('pejabatGianyar');
      const [itemA, itemB] = [itemOf(proposal, a.id).id, itemOf(proposal, b.id).id];
      const cases: Array<[unknown[], string]> = [
        [[{ itemId: itemA, approve: true }], 'ITEMS_UNDECIDED'],
        [[{ itemId: itemA, approve: true }, { itemId: itemB, approve: false }], 'REFUSAL_NEEDS_REASON'],
        [[{ itemId: itemA, approve: true }, { itemId: itemB, approve: false, reason: 'pendek' }], 'REFUSAL_NEEDS_REASON'],
        [[{ itemId: itemA, approve: true }, { itemId: itemA, approve: true }, { itemId: itemB, approve: true }], 'LISTED_TWICE'],
        [[{ itemId: itemA, approve: true }, { itemId: itemB, approve: true }, { itemId: '00000000-0000-4000-8000-000000000000', approve: true }], 'NOT_AN_ITEM'],
      ];
      for (const [decisions, code] of cases) {
        const error = await failure(DECIDE, { id: proposal.id, decisions }, official);
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasons: { decisions: { code } } });
      }
    });

    it('should keep each role to its part: village heads their own village, officials their regency', async () => {
      const [mas] = await vulnerableWorkers(1);
      const [batuan] = await vulnerableWorkers(1, BATUAN);
      // Another village's worker, another village, another role.
      const elsewhere = await failure(CREATE, { villageId: await villageId(MAS), fiscalYear: 2034, months: 1, workerIds: [mas.id, batuan.id] }, await tokenOf('perbekelMas'));
      expect(elsewhere.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasons: { workerIds: { code: 'NOT_VISIBLE' } } });
      const otherVillage = await failure(CREATE, { villageId: await villageId(MAS), fiscalYear: 2034, months: 1, workerIds: [] }, await tokenOf('perbekelBatuan'));
      expect(otherVillage.extensions.code).toBe('FORBIDDEN');
      for (const account of ['pejabatGianyar', 'admin', 'mitraSanggar', 'auditor'] as const) {
        const error = await failure(CREATE, { villageId: await villageId(MAS), fiscalYear: 2034, months: 1, workerIds: [mas.id] }, await tokenOf(account));
        expect([account, error.extensions.code]).toEqual([account, 'FORBIDDEN']);
      }
      const proposal = await draft(2034, [mas.id], 1);
      // A village head cannot submit or withdraw another village's proposal: it does not exist for them.
      expect((await failure(SUBMIT, { id: proposal.id }, await tokenOf('perbekelBatuan'))).extensions.code).toBe('NOT_FOUND');
      await ok(SUBMIT, { id: proposal.id }, await tokenOf('perbekelMas'));
      // Badung's official cannot decide Gianyar's proposal, nor see it; the village head cannot decide at all.
      const decisions = [{ itemId: proposal.items[0].id, approve: true }];
      expect((await failure(DECIDE, { id: proposal.id, decisions }, await tokenOf('pejabatBadung'))).extensions.code).toBe('NOT_FOUND');
      expect((await failure(DECIDE, { id: proposal.id, decisions }, await tokenOf('perbekelMas'))).extensions.code).toBe('FORBIDDEN');
      expect((await failure(DECIDE, { id: proposal.id, decisions }, await tokenOf('admin'))).extensions.code).toBe('FORBIDDEN');
      const badungList = await ok(`{ allProposals(perPage: 500) { id } }`, {}, await tokenOf('pejabatBadung'));
      expect(badungList.allProposals.map((p: { id: string }) => p.id)).not.toContain(proposal.id);
      const batuanList = await ok(`{ allProposals(perPage: 500) { id villageId } }`, {}, await tokenOf('perbekelBatuan'));
      expect(new Set(batuanList.allProposals.map((p: { villageId: string }) => p.villageId))).toEqual(new Set([await villageId(BATUAN)]));
      // Withdrawn before a decision: allowed.
      expect((await ok(WITHDRAW, { id: proposal.id }, await tokenOf('perbekelMas'))).withdrawProposal.status).toBe('WITHDRAWN');
    });

    it('should refuse a decision for a year without a budget, and one that does not fit the budget, writing nothing', async () => {
      const [a, b] = await vulnerableWorkers(2);
      const noBudget = await draft(2035, [a.id], 1);
      await ok(SUBMIT, { id: noBudget.id }, await tokenOf('perbekelMas'));
      const official = await tokenOf('pejabatGianyar');
      const none = await failure(DECIDE, { id: noBudget.id, decisions: [{ itemId: noBudget.items[0].id, approve: true }] }, official);
      expect(none.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_BUDGET', params: { fiscalYear: 2035 } });

      const budget = await gianyarBudget(2036, 12 * MONTHLY + 100);
      const tooMuch = await draft(2036, [a.id, b.id], 12);
      await ok(SUBMIT, { id: tooMuch.id }, await tokenOf('perbekelMas'));
      const exceeded = await failure(DECIDE, { id: tooMuch.id, decisions: tooMuch.items.map((item: { id: string }) => ({ itemId: item.id, approve: true })) }, official);
      expect(exceeded.extensions).toMatchObject({ code: 'CONFLICT', reason: 'BUDGET_EXCEEDED', params: { remaining: 12 * MONTHLY + 100, required: 2 * 12 * MONTHLY } });
      const after = (await ok(PROPOSAL, { id: tooMuch.id }, official)).Proposal;
      expect(after.status).toBe('SUBMITTED');
      expect(after.items.every((item: { decision: string; enrollmentId: string | null }) => item.decision === 'PENDING' && item.enrollmentId === null)).toBe(true);
      expect((await ok(BUDGETS, { filter: { ids: [budget.id] } }, official)).allBudgets[0].committed).toBe(0);
    });
  });
});
