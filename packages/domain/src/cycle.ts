import { Category, Program, monthlyContribution, type ContributionRateParams } from './contributions';
import type { ConflictDetail } from './reasons';

/**
 * The vulnerable-worker cycle (pekerja rentan): a village head (perbekel) proposes workers of the
 * village, the regency's official decides per worker, approval commits the cost against that
 * fiscal year's budget and enrolls the approved workers in JKK + JKM. The rules both the API and
 * the portal apply live here.
 */
export const ProposalStatus = {
  DRAFT: 'DRAFT',
  SUBMITTED: 'SUBMITTED',
  APPROVED: 'APPROVED',
  PARTIALLY_APPROVED: 'PARTIALLY_APPROVED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type ProposalStatus = (typeof ProposalStatus)[keyof typeof ProposalStatus];
export const PROPOSAL_STATUSES: readonly ProposalStatus[] = Object.values(ProposalStatus);

/** What can be done to a proposal; each is allowed from some statuses only. */
export const ProposalAction = { EDIT: 'EDIT', SUBMIT: 'SUBMIT', WITHDRAW: 'WITHDRAW', DECIDE: 'DECIDE', DELETE: 'DELETE' } as const;
export type ProposalAction = (typeof ProposalAction)[keyof typeof ProposalAction];

/**
 * The proposal's state machine, in one place: from which statuses each action may be taken, and
 * where it leads (DECIDE leads to one of three, by the decisions: `decisionOutcome`).
 */
export const PROPOSAL_TRANSITIONS: Readonly<Record<ProposalAction, { from: readonly ProposalStatus[]; to: readonly ProposalStatus[] }>> = {
  EDIT: { from: [ProposalStatus.DRAFT], to: [ProposalStatus.DRAFT] },
  SUBMIT: { from: [ProposalStatus.DRAFT], to: [ProposalStatus.SUBMITTED] },
  // Withdrawal only before a decision.
  WITHDRAW: { from: [ProposalStatus.DRAFT, ProposalStatus.SUBMITTED], to: [ProposalStatus.WITHDRAWN] },
  DECIDE: { from: [ProposalStatus.SUBMITTED], to: [ProposalStatus.APPROVED, ProposalStatus.PARTIALLY_APPROVED, ProposalStatus.REJECTED] },
  // A draft nobody has seen yet may be thrown away; anything submitted stays on record.
  DELETE: { from: [ProposalStatus.DRAFT], to: [] },
};

/** Null when the action is allowed from this status; else the CONFLICT it is refused with. */
export function proposalTransitionProblem(status: ProposalStatus, action: ProposalAction): ConflictDetail<'PROPOSAL_STATUS'> | null {
  return PROPOSAL_TRANSITIONS[action].from.includes(status) ? null : { code: 'PROPOSAL_STATUS', params: { status, action } };
}

export const ItemDecision = { PENDING: 'PENDING', APPROVED: 'APPROVED', REJECTED: 'REJECTED' } as const;
export type ItemDecision = (typeof ItemDecision)[keyof typeof ItemDecision];

/** A decision's result from its items' decisions. */
export function decisionOutcome(approved: number, rejected: number): ProposalStatus {
  if (rejected === 0 && approved > 0) return ProposalStatus.APPROVED;
  if (approved === 0) return ProposalStatus.REJECTED;
  return ProposalStatus.PARTIALLY_APPROVED;
}

/**
 * What verification finds about a proposed worker (on submit and again on decision). Blocking
 * flags stop an item from being approved; the others inform the official.
 */
export const ProposalFlag = {
  /** The NIK no longer passes the NIK rules (a region code withdrawn, say). */
  NIK_INVALID: 'NIK_INVALID',
  /** The worker does not (or no longer) live(s) in the proposal's village. */
  NOT_IN_VILLAGE: 'NOT_IN_VILLAGE',
  /** Already covered by JKK and JKM (another enrollment) during the proposed period. */
  ALREADY_COVERED: 'ALREADY_COVERED',
  /** In another submitted or approved proposal of the same fiscal year. */
  PROPOSED_ELSEWHERE: 'PROPOSED_ELSEWHERE',
  /** Not marked as a vulnerable worker (pekerja rentan) in the registry. */
  NOT_VULNERABLE: 'NOT_VULNERABLE',
  /** Another person with the same name and birth date is in the registry. */
  POSSIBLE_DUPLICATE: 'POSSIBLE_DUPLICATE',
  /** A renewal: last year's cover ended before its planned end (left the scheme, or died). */
  COVER_ENDED_EARLY: 'COVER_ENDED_EARLY',
  /** A renewal: an employer now covers the worker (PU), on some days of the period. */
  EMPLOYER_COVERED: 'EMPLOYER_COVERED',
} as const;
export type ProposalFlag = (typeof ProposalFlag)[keyof typeof ProposalFlag];
export const PROPOSAL_FLAGS: readonly ProposalFlag[] = Object.values(ProposalFlag);

export const BLOCKING_FLAGS: readonly ProposalFlag[] = [
  ProposalFlag.NIK_INVALID,
  ProposalFlag.NOT_IN_VILLAGE,
  ProposalFlag.ALREADY_COVERED,
  ProposalFlag.PROPOSED_ELSEWHERE,
  ProposalFlag.NOT_VULNERABLE,
];

export function blockingFlags(flags: readonly string[]): ProposalFlag[] {
  return flags.filter((flag): flag is ProposalFlag => (BLOCKING_FLAGS as readonly string[]).includes(flag));
}

export const MIN_PROPOSAL_MONTHS = 1;
export const MAX_PROPOSAL_MONTHS = 12;
/**
 * A village proposes at most this many workers at once: Gianyar's 13,200 a year over 70 villages
 * is about 190 each; a proposal's items are read whole, so their number bounds a request's cost.
 */
export const MAX_PROPOSAL_WORKERS = 1000;

/** The programs and category the regency funds for vulnerable workers. */
export const VULNERABLE_COVER = { category: Category.BPU, programs: [Program.JKK, Program.JKM] } as const;
/**
 * BPU's lowest income bracket: the regency pays the vulnerable worker's JKK and JKM at the
 * minimum, which the rates then give (BPU JKK 1 % with its Rp10,000 minimum, JKM Rp6,800).
 */
export const LOWEST_BPU_INCOME = 1_000_000;

/** The monthly cost of one vulnerable worker from the rates in force on a day; null when a rate is missing. */
export function vulnerableMonthlyCost(rates: readonly ContributionRateParams[], on: string): number | null {
  const contribution = monthlyContribution({ ...VULNERABLE_COVER, base: LOWEST_BPU_INCOME, on }, rates);
  return contribution.missingRates.length > 0 ? null : contribution.total;
}

/**
 * The days an approved proposal covers: from the first day of the month after the decision (or
 * of the fiscal year, when that is later — never an entitlement before its cycle) for `months`
 * months.
 */
export function coverPeriod(fiscalYear: number, months: number, today: string): { startDate: string; endDate: string } {
  const [year, month] = today.split('-').map(Number);
  const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const yearStart = `${fiscalYear}-01-01`;
  const startDate = nextMonth > yearStart ? nextMonth : yearStart;
  return { startDate, endDate: lastDayAfterMonths(startDate, months) };
}

/** The last day of a period of `months` months that starts on the first of a month. */
export function lastDayAfterMonths(firstDay: string, months: number): string {
  const [year, month] = firstDay.split('-').map(Number);
  // Day 0 of the month after the period's last month = that last month's last day.
  const end = new Date(Date.UTC(year, month - 1 + months, 0));
  return end.toISOString().slice(0, 10);
}

/** Budget figures derived from what is stored. */
export function budgetRemaining(budget: { amount: number; committed: number }): number {
  return budget.amount - budget.committed;
}
