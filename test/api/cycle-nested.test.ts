import { ok, regencyId, tokenOf, villageId, type DemoAccount } from '../support/api';
import { reportWorker } from '../support/registry';

/**
 * A proposal's items keep the worker and the enrollment they were decided for, but the nested
 * `ProposalItem.worker` and `ProposalItem.enrollment` read through the caller's scope as of now,
 * like the lists do: when the worker later moves out of a village head's village (or out of an
 * official's regency), the proposal stays theirs to read, its frozen NIK and name with it, while
 * the person and the enrollment behind the item turn null for them — on every path (the record,
 * the list, and one level deeper).
 */
const MAS = '51.04.05.2002';
const BATUAN = '51.04.01.2007';
const MUNGGU_BADUNG = '51.03.02.2001';
/** A fiscal year of this file's own (the other cycle tests take 2030–2049), for its Gianyar budget. */
const FISCAL_YEAR = 2053;

const ITEMS = `items { workerId fullName enrollmentId worker { id villageId } enrollment { id workerId worker { id } } }`;
const PROPOSAL = `query($id: ID!) { Proposal(id: $id) { id ${ITEMS} } }`;
const PROPOSALS = `query($ids: [ID!]) { allProposals(filter: { ids: $ids }) { id ${ITEMS} } }`;

interface NestedItem {
  workerId: string;
  fullName: string;
  enrollmentId: string | null;
  worker: { id: string; villageId: string } | null;
  enrollment: { id: string; workerId: string; worker: { id: string } | null } | null;
}

/** What an account sees behind each item, by worker: through `Proposal(id)` and through `allProposals`, which must agree. */
async function seenBy(account: DemoAccount, proposalId: string): Promise<Record<string, NestedItem>> {
  const token = await tokenOf(account);
  const record = (await ok(PROPOSAL, { id: proposalId }, token)).Proposal;
  const [listed] = (await ok(PROPOSALS, { ids: [proposalId] }, token)).allProposals;
  expect(listed).toEqual(record);
  return Object.fromEntries(record.items.map((item: NestedItem) => [item.workerId, item]));
}

/** The item as seen by someone whose scope holds the worker: the worker, and the enrollment the approval made. */
const visible = (worker: { id: string; fullName: string }, enrollmentId: string, village: string) => ({
  workerId: worker.id,
  fullName: worker.fullName,
  enrollmentId,
  worker: { id: worker.id, villageId: village },
  enrollment: { id: enrollmentId, workerId: worker.id, worker: { id: worker.id } },
});

/** The item as seen by someone whose scope no longer holds the worker: the frozen fields, nothing behind them. */
const hidden = (worker: { id: string; fullName: string }, enrollmentId: string) => ({
  workerId: worker.id,
  fullName: worker.fullName,
  enrollmentId,
  worker: null,
  enrollment: null,
});

async function moveWorker(workerId: string, villageCode: string): Promise<void> {
  await ok(`mutation($id: ID!, $v: ID!) { updateWorker(id: $id, villageId: $v) { id } }`, { id: workerId, v: await villageId(villageCode) }, await tokenOf('admin'));
}

describe("a proposal item's worker and enrollment, read through the caller's scope", () => {
  it('should turn null for a village head and an official once the worker moved out of their scope, and stay for the unscoped roles', async () => {
    await ok(
      `mutation($r: ID!, $y: Int!) { createBudget(regencyId: $r, fiscalYear: $y, name: "APBD ${FISCAL_YEAR}", amount: 10000000) { id } }`,
      { r: await regencyId('51.04'), y: FISCAL_YEAR },
      await tokenOf('pejabatGianyar'),
    );
    const sanggar = await tokenOf('mitraSanggar');
    const mover = await reportWorker(sanggar, { vulnerable: true }, MAS);
    const stayer = await reportWorker(sanggar, { vulnerable: true }, MAS);
    const head = await tokenOf('perbekelMas');
    const drafted = (
      await ok(
        `mutation($v: ID!, $y: Int!, $w: [ID!]!) { createProposal(villageId: $v, fiscalYear: $y, months: 2, workerIds: $w) { id items { id } } }`,
        { v: await villageId(MAS), y: FISCAL_YEAR, w: [mover.id, stayer.id] },
        head,
      )
    ).createProposal;
    await ok(`mutation($id: ID!) { submitProposal(id: $id) { id } }`, { id: drafted.id }, head);
    const decided = (
      await ok(
        `mutation($id: ID!, $d: [ProposalDecisionInput!]!) { decideProposal(id: $id, decisions: $d) { status items { workerId enrollmentId } } }`,
        { id: drafted.id, d: drafted.items.map((item: { id: string }) => ({ itemId: item.id, approve: true })) },
        await tokenOf('pejabatGianyar'),
      )
    ).decideProposal;
    expect(decided.status).toBe('APPROVED');
    const enrollmentOf = Object.fromEntries(decided.items.map((item: { workerId: string; enrollmentId: string }) => [item.workerId, item.enrollmentId]));
    const [mas, batuan, munggu] = [await villageId(MAS), await villageId(BATUAN), await villageId(MUNGGU_BADUNG)];

    // While both live in Mas, the village head and the official reach both people and their enrollments.
    for (const account of ['perbekelMas', 'pejabatGianyar'] as const) {
      expect(await seenBy(account, drafted.id)).toEqual({
        [mover.id]: visible(mover, enrollmentOf[mover.id], mas),
        [stayer.id]: visible(stayer, enrollmentOf[stayer.id], mas),
      });
    }

    // Moved to Batuan, in the same regency: out of the Mas head's sight, still in the official's.
    await moveWorker(mover.id, BATUAN);
    expect(await seenBy('perbekelMas', drafted.id)).toEqual({
      [mover.id]: hidden(mover, enrollmentOf[mover.id]),
      [stayer.id]: visible(stayer, enrollmentOf[stayer.id], mas),
    });
    expect((await seenBy('pejabatGianyar', drafted.id))[mover.id]).toEqual(visible(mover, enrollmentOf[mover.id], batuan));

    // Moved on to Badung: out of the Gianyar official's sight too.
    await moveWorker(mover.id, MUNGGU_BADUNG);
    for (const account of ['perbekelMas', 'pejabatGianyar'] as const) {
      expect(await seenBy(account, drafted.id)).toEqual({
        [mover.id]: hidden(mover, enrollmentOf[mover.id]),
        [stayer.id]: visible(stayer, enrollmentOf[stayer.id], mas),
      });
    }
    // The rows are there: the roles without a scope still reach them through the same items.
    for (const account of ['admin', 'auditor'] as const) {
      expect((await seenBy(account, drafted.id))[mover.id]).toEqual(visible(mover, enrollmentOf[mover.id], munggu));
    }
  });
});
