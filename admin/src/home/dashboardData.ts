import type { FundingSource, PartnerType, ProposalStatus } from '@lindung/domain';
import { useQuery } from '@tanstack/react-query';
import { requestSignedIn } from '../session';

/**
 * What the dashboard reads, one GraphQL request per card (so that one failing figure leaves the
 * others on screen), through the signed-in call of session.ts and cached by react-query (the
 * portal's own client, which react-admin provides). Every figure is within the caller's scope: the
 * API applies it; the portal only passes the caller's own regency (or, for ADMIN and AUDITOR, the
 * one they chose).
 */

export type PartnerTypeName = PartnerType;
export type FundingSourceName = FundingSource;
export type ProposalStatusName = ProposalStatus;

export interface CoverageStats {
  regencyId: string;
  asOf: string;
  workforceTarget: number | null;
  official: { protectedWorkers: number; asOf: string; source: string; rate: number | null } | null;
  live: { protectedWorkers: number; rate: number | null };
  byDistrict: { districtId: string; name: string; protectedWorkers: number }[];
  byVillage: { villageId: string; name: string; protectedWorkers: number }[];
  byPartnerType: { type: PartnerTypeName | null; protectedWorkers: number }[];
  byFundingSource: { fundingSource: FundingSourceName; protectedWorkers: number }[];
  vulnerable: { fiscalYear: number; budgetAmount: number; committed: number; workersFunded: number; targetWorkers: number | null } | null;
}

export interface MonthlyCoverage {
  month: string;
  day: string;
  protectedWorkers: number;
  officialProtectedWorkers: number | null;
}

export interface BudgetSummary {
  id: string;
  fiscalYear: number;
  name: string;
  amount: number;
  committed: number;
  remaining: number;
  workersFunded: number;
  targetWorkers: number | null;
}

export interface ProposalSummary {
  id: string;
  fiscalYear: number;
  status: ProposalStatusName;
  totalCost: number;
  approvedCost: number;
  submittedAt: string | null;
  decidedAt: string | null;
  village: { name: string } | null;
}

export interface EndingCover {
  villageId: string;
  villageName: string;
  enrollments: number;
  firstEnd: string;
}

export interface RegencyChoice {
  id: string;
  code: string;
  name: string;
}

const COVERAGE = `query DashboardCoverage($regencyId: ID!) {
  coverage(regencyId: $regencyId) {
    regencyId asOf workforceTarget
    official { protectedWorkers asOf source rate }
    live { protectedWorkers rate }
    byDistrict { districtId name protectedWorkers }
    byVillage { villageId name protectedWorkers }
    byPartnerType { type protectedWorkers }
    byFundingSource { fundingSource protectedWorkers }
    vulnerable { fiscalYear budgetAmount committed workersFunded targetWorkers }
  }
}`;

const TREND = `query DashboardTrend($regencyId: ID!) {
  coverageTrend(regencyId: $regencyId) { month day protectedWorkers officialProtectedWorkers }
}`;

const BUDGETS = `query DashboardBudgets($regencyId: ID!) {
  allBudgets(filter: { regencyId: $regencyId }, sortField: "fiscalYear", sortOrder: "DESC", perPage: 3) {
    id fiscalYear name amount committed remaining workersFunded targetWorkers
  }
}`;

const WAITING = `query DashboardWaiting($regencyId: ID!) {
  allProposals(filter: { regencyId: $regencyId, status: SUBMITTED }, sortField: "submittedAt", sortOrder: "ASC", perPage: 5) {
    id fiscalYear status totalCost approvedCost submittedAt decidedAt village { name }
  }
  _allProposalsMeta(filter: { regencyId: $regencyId, status: SUBMITTED }) { count }
}`;

const VILLAGE_PROPOSALS = `query DashboardVillageProposals($villageId: ID!) {
  allProposals(filter: { villageId: $villageId }, sortField: "createdAt", sortOrder: "DESC", perPage: 50) {
    id fiscalYear status totalCost approvedCost submittedAt decidedAt village { name }
  }
}`;

const ENDING = `query DashboardEnding { endingCover(withinDays: 60) { villageId villageName enrollments firstEnd } }`;

const REGENCIES = `query DashboardRegencies {
  allRegencies(sortField: "code", sortOrder: "ASC", perPage: 200) { id code name }
}`;

/** Figures change as people work: read again when the page is opened, never more than once a minute. */
const STALE_MS = 60_000;

function useDashboardQuery<T>(name: string, query: string, variables: Record<string, unknown>, enabled = true) {
  return useQuery<T>({
    queryKey: ['lindung.dashboard', name, variables],
    queryFn: () => requestSignedIn<T>(query, variables),
    enabled,
    staleTime: STALE_MS,
    retry: 1,
  });
}

export function useCoverage(regencyId: string | null) {
  const result = useDashboardQuery<{ coverage: CoverageStats }>('coverage', COVERAGE, { regencyId }, Boolean(regencyId));
  return { ...result, data: result.data?.coverage };
}

export function useCoverageTrend(regencyId: string | null) {
  const result = useDashboardQuery<{ coverageTrend: MonthlyCoverage[] }>('trend', TREND, { regencyId }, Boolean(regencyId));
  return { ...result, data: result.data?.coverageTrend };
}

export function useBudgets(regencyId: string | null, enabled = true) {
  const result = useDashboardQuery<{ allBudgets: BudgetSummary[] }>('budgets', BUDGETS, { regencyId }, Boolean(regencyId) && enabled);
  return { ...result, data: result.data?.allBudgets };
}

export function useWaitingProposals(regencyId: string | null) {
  const result = useDashboardQuery<{ allProposals: ProposalSummary[]; _allProposalsMeta: { count: number } }>('waiting', WAITING, { regencyId }, Boolean(regencyId));
  return { ...result, data: result.data ? { proposals: result.data.allProposals, count: result.data._allProposalsMeta.count } : undefined };
}

export function useVillageProposals(villageId: string | null) {
  const result = useDashboardQuery<{ allProposals: ProposalSummary[] }>('village-proposals', VILLAGE_PROPOSALS, { villageId }, Boolean(villageId));
  return { ...result, data: result.data?.allProposals };
}

export function useEndingCover() {
  const result = useDashboardQuery<{ endingCover: EndingCover[] }>('ending', ENDING, {});
  return { ...result, data: result.data?.endingCover };
}

export function useRegencies(enabled: boolean) {
  const result = useDashboardQuery<{ allRegencies: RegencyChoice[] }>('regencies', REGENCIES, {}, enabled);
  return { ...result, data: result.data?.allRegencies };
}

/** The regency ADMIN and AUDITOR see first: Gianyar, the program's first user. */
export const DEFAULT_REGENCY_CODE = '51.04';
