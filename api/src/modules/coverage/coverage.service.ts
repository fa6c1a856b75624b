import { hasPermission, Permission, ROLE_SCOPE, todayIn } from '@lindung/domain';
import { Brackets } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { scopedQuery } from '../../core/scope';
import { budgetService } from '../budgets/budget.service';
import { Enrollment } from '../enrollments/enrollment.entity';
import { regencyService } from '../regions/regency.service';
import { Village } from '../regions/village.entity';
import { CoverageLedgerEntry } from './coverage-ledger.entity';
import { coverageReportService } from './coverage-report.service';
import type { CoverageStats, MonthlyCoverage } from './coverage.types';

/**
 * Coverage on a day is read from the coverage ledger (see the CoverageLedger migration), kept by
 * triggers as enrollments change: per facet, the month row that starts the month of the day after
 * (the count before it; or the facet's last month row, when that lies earlier), the folded
 * changes from that month's start up to the day — none when the day ends its month — and the
 * changes not yet folded. One statement, so one snapshot whatever the compaction does; summed per
 * village and facet by ranges of the ledger's regency indexes.
 *
 * What counts as protected is decided there: an enrollment in force on the day — confirmed (ACTIVE,
 * or ENDED since: it covered its days), the day within its period. PENDING (not yet confirmed by
 * BPJS) and LAPSED (contributions stopped) protect no one.
 */
function ledgerOn(day: string, name: string): { sql: string; params: Record<string, string> } {
  const month = `${new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 7)}-01`;
  return {
    // Only month rows are ever `last`.
    sql: `((entry.kind = 'month' AND entry.day = :${name}Month) OR (entry.last AND entry.day < :${name}Month)
      OR (entry.kind = 'day' AND entry.day >= :${name}Month AND entry.day <= :${name}Day)
      OR (entry.kind = 'change' AND entry.day <= :${name}Day))`,
    params: { [`${name}Month`]: month, [`${name}Day`]: day },
  };
}

/**
 * The caller's ledger rows of a regency that count on any of the days (within the caller's scope:
 * an official's regency, a village head's village), and per day the sum that counts on it.
 */
function ledgerOfDays(ctx: RequestContext, regencyId: string, days: string[]) {
  const conditions = days.map((day, index) => ledgerOn(day, `coverageDay${index}`));
  const query = scopedQuery(ctx, CoverageLedgerEntry, 'entry')
    .andWhere('entry.regency_id = :coverageRegency', { coverageRegency: regencyId })
    .andWhere(new Brackets((any) => conditions.forEach((condition) => any.orWhere(condition.sql))));
  conditions.forEach((condition) => query.setParameters(condition.params));
  return { query, sums: conditions.map((condition) => `coalesce(sum(entry.n) FILTER (WHERE ${condition.sql}), 0)::int`) };
}

/**
 * A partner's own contribution is counted over its own enrollments, which bound the work: the
 * ledger keeps the regency's facets only.
 */
const countsOwnContribution = (ctx: RequestContext) => ROLE_SCOPE[ctx.actor!.role] === 'partner';

/** An enrollment protects its worker on the day a parameter names when it is in force then (as the ledger counts). */
const inForceOn = (dayParameter: string) =>
  `enrollment.status IN ('ACTIVE', 'ENDED') AND enrollment.start_date <= :${dayParameter} AND (enrollment.end_date IS NULL OR enrollment.end_date >= :${dayParameter})`;

/** The caller's enrollments of workers living in the regency. */
function enrollmentsIn(ctx: RequestContext, regencyId: string) {
  return scopedQuery(ctx, Enrollment, 'enrollment').innerJoin('workers', 'cw', 'cw.id = enrollment.worker_id AND cw.regency_id = :coverageRegency', {
    coverageRegency: regencyId,
  });
}

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
  const total = groups.filter((row) => row.dimension === 'all').reduce((sum, row) => sum + row.n, 0);
  return {
    regencyId,
    asOf,
    workforceTarget: target,
    official: official ? { protectedWorkers: official.protectedWorkers, asOf: official.asOf, source: official.source, rate: rateOf(official.protectedWorkers) } : null,
    live: { protectedWorkers: total, rate: seesWholeRegency(ctx) ? rateOf(total) : null },
    byDistrict: byDistrict(groups),
    byVillage: groups
      .filter((row) => row.dimension === 'all')
      .map((row) => ({ villageId: row.village_id, name: row.village_name, protectedWorkers: row.n }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    byPartnerType: totalsBy(groups, 'partnerType').map(([value, n]) => ({ type: (value || null) as never, protectedWorkers: n })),
    byFundingSource: totalsBy(groups, 'fundingSource').map(([value, n]) => ({ fundingSource: value as never, protectedWorkers: n })),
    vulnerable,
  };
}

interface GroupRow {
  dimension: 'all' | 'partnerType' | 'fundingSource';
  value: string;
  village_id: string;
  village_name: string;
  district_id: string;
  district_name: string;
  n: number;
}

/** Per village and facet, the caller's protected workers on the day (villages with none left out). */
async function liveGroups(ctx: RequestContext, regencyId: string, asOf: string): Promise<GroupRow[]> {
  const counted = countsOwnContribution(ctx) ? await ownContributionCounts(ctx, regencyId, asOf) : await ledgerCounts(ctx, regencyId, asOf);
  const places = await villagePlaces(ctx, [...new Set(counted.map((row) => row.village_id))]);
  return counted.map((row) => ({ ...row, ...places.get(row.village_id)! }));
}

type FacetCount = Pick<GroupRow, 'dimension' | 'value' | 'village_id' | 'n'>;

function ledgerCounts(ctx: RequestContext, regencyId: string, asOf: string): Promise<FacetCount[]> {
  const { query, sums } = ledgerOfDays(ctx, regencyId, [asOf]);
  return query
    .select('entry.village_id', 'village_id')
    .addSelect('entry.dimension', 'dimension')
    .addSelect('entry.value', 'value')
    .addSelect(sums[0], 'n')
    .groupBy('entry.village_id, entry.dimension, entry.value')
    .having(`${sums[0]} > 0`)
    .getRawMany();
}

/** The same facets, as distinct counts over the partner's own enrollments in force (grouping sets per village). */
async function ownContributionCounts(ctx: RequestContext, regencyId: string, asOf: string): Promise<FacetCount[]> {
  const rows: Array<{ village_id: string; gp: number; gf: number; partner_type: string | null; funding_source: string | null; n: number }> =
    await enrollmentsIn(ctx, regencyId)
      .leftJoin('partner_organisations', 'cp', 'cp.id = enrollment.partner_id')
      .select('cw.village_id', 'village_id')
      .addSelect('GROUPING(cp.type)::int', 'gp')
      .addSelect('GROUPING(enrollment.funding_source)::int', 'gf')
      .addSelect('cp.type', 'partner_type')
      .addSelect('enrollment.funding_source', 'funding_source')
      .addSelect('count(DISTINCT enrollment.worker_id)::int', 'n')
      .andWhere(inForceOn('coverageDay'), { coverageDay: asOf })
      .groupBy('GROUPING SETS ((cw.village_id), (cw.village_id, cp.type), (cw.village_id, enrollment.funding_source))')
      .getRawMany();
  return rows.map((row) => ({
    village_id: row.village_id,
    dimension: row.gp === 0 ? 'partnerType' : row.gf === 0 ? 'fundingSource' : 'all',
    value: row.gp === 0 ? (row.partner_type ?? '') : row.gf === 0 ? row.funding_source! : '',
    n: row.n,
  }));
}

/** The names of villages and their kecamatan (reference data), by village id. */
async function villagePlaces(ctx: RequestContext, villageIds: string[]) {
  if (villageIds.length === 0) return new Map<string, Pick<GroupRow, 'village_name' | 'district_id' | 'district_name'>>();
  const rows = await scopedQuery(ctx, Village, 'cv')
    .innerJoin('districts', 'cd', 'cd.id = cv.district_id')
    .select('cv.id', 'village_id')
    .addSelect('cv.name', 'village_name')
    .addSelect('cd.id', 'district_id')
    .addSelect('cd.name', 'district_name')
    .andWhere('cv.id IN (:...coverageVillages)', { coverageVillages: villageIds })
    .getRawMany();
  return new Map(rows.map(({ village_id, ...place }) => [village_id as string, place as Pick<GroupRow, 'village_name' | 'district_id' | 'district_name'>]));
}

/** A worker lives in one village: per-village counts add up to distinct workers per kecamatan. */
function byDistrict(groups: GroupRow[]): { districtId: string; name: string; protectedWorkers: number }[] {
  const districts = new Map<string, { districtId: string; name: string; protectedWorkers: number }>();
  for (const row of groups.filter((group) => group.dimension === 'all')) {
    const district = districts.get(row.district_id) ?? { districtId: row.district_id, name: row.district_name, protectedWorkers: 0 };
    district.protectedWorkers += row.n;
    districts.set(row.district_id, district);
  }
  return [...districts.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The same, per partner type or funding source (each village's distinct workers, summed). */
function totalsBy(groups: GroupRow[], dimension: 'partnerType' | 'fundingSource'): [string, number][] {
  const totals = new Map<string, number>();
  for (const row of groups) if (row.dimension === dimension) totals.set(row.value, (totals.get(row.value) ?? 0) + row.n);
  return [...totals.entries()];
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
  const counted = countsOwnContribution(ctx) ? await ownContributionTrend(ctx, regencyId, days) : await ledgerTrend(ctx, regencyId, days);
  const reports = await coverageReportService.list(ctx, { filter: { regencyId, asOfFrom: `${days[0].slice(0, 7)}-01`, asOfTo: asOf }, perPage: 100, sortField: 'asOf', sortOrder: 'ASC' });
  return days.map((day, index) => ({
    month: day.slice(0, 7),
    day,
    protectedWorkers: Number(counted[`d${index}`] ?? 0),
    officialProtectedWorkers: reports.filter((report) => report.asOf.slice(0, 7) === day.slice(0, 7)).at(-1)?.protectedWorkers ?? null,
  }));
}

/** One read of the ledger, one filtered sum per day. */
async function ledgerTrend(ctx: RequestContext, regencyId: string, days: string[]): Promise<Record<string, number>> {
  const { query, sums } = ledgerOfDays(ctx, regencyId, days);
  query.select(sums[0], 'd0').andWhere("entry.dimension = 'all'");
  sums.slice(1).forEach((sum, index) => query.addSelect(sum, `d${index + 1}`));
  return (await query.getRawOne<Record<string, number>>()) ?? {};
}

/** One scan of the partner's enrollments, one filtered distinct count per day. */
async function ownContributionTrend(ctx: RequestContext, regencyId: string, days: string[]): Promise<Record<string, number>> {
  const trend = enrollmentsIn(ctx, regencyId)
    .select('count(*)', 'rows')
    .andWhere("enrollment.status IN ('ACTIVE', 'ENDED')")
    .andWhere('enrollment.start_date <= :trendLast AND (enrollment.end_date IS NULL OR enrollment.end_date >= :trendFirst)', { trendFirst: days[0], trendLast: days.at(-1) });
  days.forEach((day, index) => {
    trend.addSelect(
      `count(DISTINCT enrollment.worker_id) FILTER (WHERE ${inForceOn(`trendDay${index}`)})::int`,
      `d${index}`,
    );
    trend.setParameter(`trendDay${index}`, day);
  });
  return (await trend.getRawOne<Record<string, number>>()) ?? {};
}

/** The last day of each of the `count` months up to asOf's, asOf itself for its own month. */
function monthEnds(asOf: string, count: number): string[] {
  const [year, month] = asOf.split('-').map(Number);
  const days: string[] = [];
  for (let back = count - 1; back >= 1; back -= 1) days.push(new Date(Date.UTC(year, month - back, 0)).toISOString().slice(0, 10));
  days.push(asOf);
  return days;
}
