import { hasPermission, Permission, ROLE_SCOPE, todayIn } from '@lindung/domain';
import type { RequestContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { scopedQuery } from '../../core/scope';
import { budgetService } from '../budgets/budget.service';
import { Enrollment } from '../enrollments/enrollment.entity';
import { regencyService } from '../regions/regency.service';
import { coverageReportService } from './coverage-report.service';
import type { CoverageStats, MonthlyCoverage } from './coverage.types';

/**
 * An enrollment protects its worker on a day when it is in force then: confirmed (ACTIVE, or
 * ENDED since — it covered its days) and the day within its period. PENDING (not yet confirmed
 * by BPJS) and LAPSED (contributions stopped) protect no one.
 */
const IN_FORCE = `enrollment.status IN ('ACTIVE', 'ENDED') AND enrollment.start_date <= :coverageDay AND (enrollment.end_date IS NULL OR enrollment.end_date >= :coverageDay)`;

/**
 * The regency asked about must be the caller's own (a global role may ask about any): an official
 * of Badung learns nothing of Gianyar, not even that the question was understood. A partner may
 * ask about any regency its workers live in: it sees only its own enrollments there.
 */
export function assertRegencyInScope(ctx: RequestContext, regencyId: string): void {
  const actor = ctx.actor!;
  const kind = ROLE_SCOPE[actor.role];
  if (kind === null || kind === 'partner') return;
  if (!actor.scope.regencyId || actor.scope.regencyId !== regencyId) throw notFound('Regency', regencyId);
}

/** Whether the caller's enrollments are the whole regency's (so a rate of its target means something). */
function seesWholeRegency(ctx: RequestContext): boolean {
  const kind = ROLE_SCOPE[ctx.actor!.role];
  return kind === null || kind === 'regency';
}

export async function coverageOf(ctx: RequestContext, regencyId: string, asOf: string = todayIn()): Promise<CoverageStats> {
  assertRegencyInScope(ctx, regencyId);
  const regency = await regencyService.get(ctx, regencyId);
  const [groups, official, vulnerable] = await Promise.all([
    liveGroups(ctx, regencyId, asOf),
    coverageReportService.latest(ctx, regencyId, asOf),
    vulnerableFunding(ctx, regencyId, Number(asOf.slice(0, 4))),
  ]);
  const target = regency.workforceTarget;
  const rateOf = (count: number) => (target ? Math.round((count / target) * 10_000) / 10_000 : null);
  const total = groups.find((row) => row.gd === 1 && row.gv === 1 && row.gp === 1 && row.gf === 1)?.n ?? 0;
  return {
    regencyId,
    asOf,
    workforceTarget: target,
    official: official ? { protectedWorkers: official.protectedWorkers, asOf: official.asOf, source: official.source, rate: rateOf(official.protectedWorkers) } : null,
    live: { protectedWorkers: total, rate: seesWholeRegency(ctx) ? rateOf(total) : null },
    byDistrict: groups
      .filter((row) => row.gd === 0)
      .map((row) => ({ districtId: row.district_id!, name: row.district_name!, protectedWorkers: row.n }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    byVillage: groups
      .filter((row) => row.gv === 0)
      .map((row) => ({ villageId: row.village_id!, name: row.village_name!, protectedWorkers: row.n }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    byPartnerType: groups.filter((row) => row.gp === 0).map((row) => ({ type: row.partner_type as never, protectedWorkers: row.n })),
    byFundingSource: groups.filter((row) => row.gf === 0).map((row) => ({ fundingSource: row.funding_source as never, protectedWorkers: row.n })),
    vulnerable,
  };
}

interface GroupRow {
  gd: number;
  gv: number;
  gp: number;
  gf: number;
  district_id: string | null;
  district_name: string | null;
  village_id: string | null;
  village_name: string | null;
  partner_type: string | null;
  funding_source: string | null;
  n: number;
}

/**
 * Every figure in one aggregate over the caller's enrollments in force on the day, in the
 * regency: the total and the breakdowns as grouping sets (GROUPING() tells a breakdown's row
 * from the total's, and a regency enrollment's null partner type from "all types").
 */
function liveGroups(ctx: RequestContext, regencyId: string, asOf: string): Promise<GroupRow[]> {
  return scopedQuery(ctx, Enrollment, 'enrollment')
    .innerJoin('workers', 'cw', 'cw.id = enrollment.worker_id AND cw.regency_id = :coverageRegency', { coverageRegency: regencyId })
    .innerJoin('villages', 'cv', 'cv.id = cw.village_id')
    .innerJoin('districts', 'cd', 'cd.id = cv.district_id')
    .leftJoin('partner_organisations', 'cp', 'cp.id = enrollment.partner_id')
    .select('GROUPING(cd.id)::int', 'gd')
    .addSelect('GROUPING(cv.id)::int', 'gv')
    .addSelect('GROUPING(cp.type)::int', 'gp')
    .addSelect('GROUPING(enrollment.funding_source)::int', 'gf')
    .addSelect('cd.id', 'district_id')
    .addSelect('cd.name', 'district_name')
    .addSelect('cv.id', 'village_id')
    .addSelect('cv.name', 'village_name')
    .addSelect('cp.type', 'partner_type')
    .addSelect('enrollment.funding_source', 'funding_source')
    .addSelect('count(DISTINCT enrollment.worker_id)::int', 'n')
    .andWhere(IN_FORCE, { coverageDay: asOf })
    .groupBy('GROUPING SETS ((), (cd.id, cd.name), (cv.id, cv.name), (cp.type), (enrollment.funding_source))')
    .getRawMany();
}

/** The year's budget for vulnerable workers, if the caller may read budgets at all. */
async function vulnerableFunding(ctx: RequestContext, regencyId: string, fiscalYear: number): Promise<CoverageStats['vulnerable']> {
  if (!hasPermission(ctx.actor!.role, Permission.BudgetRead)) return null;
  const budget = await budgetService.ofYear(ctx, regencyId, fiscalYear);
  if (!budget) return null;
  return { fiscalYear, budgetAmount: budget.amount, committed: budget.committed, workersFunded: budget.workersFunded, targetWorkers: budget.targetWorkers };
}

/** Live protected workers at the end of each of the twelve months up to asOf (its own month: on asOf). */
export async function coverageTrendOf(ctx: RequestContext, regencyId: string, asOf: string = todayIn()): Promise<MonthlyCoverage[]> {
  assertRegencyInScope(ctx, regencyId);
  const days = monthEnds(asOf, 12);
  // One scan, one filtered count per day (no join to a list of days).
  const trend = scopedQuery(ctx, Enrollment, 'enrollment')
    .innerJoin('workers', 'cw', 'cw.id = enrollment.worker_id AND cw.regency_id = :trendRegency', { trendRegency: regencyId })
    .select('count(*)', 'rows')
    .andWhere("enrollment.status IN ('ACTIVE', 'ENDED')")
    .andWhere('enrollment.start_date <= :trendLast AND (enrollment.end_date IS NULL OR enrollment.end_date >= :trendFirst)', { trendFirst: days[0], trendLast: days.at(-1) });
  days.forEach((day, index) => {
    trend.addSelect(
      `count(DISTINCT enrollment.worker_id) FILTER (WHERE enrollment.start_date <= :trendDay${index} AND (enrollment.end_date IS NULL OR enrollment.end_date >= :trendDay${index}))::int`,
      `d${index}`,
    );
    trend.setParameter(`trendDay${index}`, day);
  });
  const counted = (await trend.getRawOne<Record<string, number>>()) ?? {};
  const reports = await coverageReportService.list(ctx, { filter: { regencyId, asOfFrom: `${days[0].slice(0, 7)}-01`, asOfTo: asOf }, perPage: 100, sortField: 'asOf', sortOrder: 'ASC' });
  return days.map((day, index) => ({
    month: day.slice(0, 7),
    day,
    protectedWorkers: Number(counted[`d${index}`] ?? 0),
    officialProtectedWorkers: reports.filter((report) => report.asOf.slice(0, 7) === day.slice(0, 7)).at(-1)?.protectedWorkers ?? null,
  }));
}

/** The last day of each of the `count` months up to asOf's, asOf itself for its own month. */
function monthEnds(asOf: string, count: number): string[] {
  const [year, month] = asOf.split('-').map(Number);
  const days: string[] = [];
  for (let back = count - 1; back >= 1; back -= 1) days.push(new Date(Date.UTC(year, month - back, 0)).toISOString().slice(0, 10));
  days.push(asOf);
  return days;
}
