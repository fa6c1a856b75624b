import type { Category, Program } from '@lindung/domain';
import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { badUserInput, pgErrorCode, PgError } from '../../core/errors';
import { whereEquals } from '../../core/list';
import { ResourceReader } from '../../core/resource';
import { ContributionRate } from './contribution-rate.entity';
import type { ContributionRateFilter, CreateContributionRateArgs, UpdateContributionRateArgs } from './contribution-rate.inputs';

export class ContributionRateService extends ResourceReader<ContributionRate, ContributionRateFilter> {
  protected readonly entity = ContributionRate;
  protected readonly typeName = 'ContributionRate';
  protected readonly alias = 'rate';
  protected readonly sortable = { program: 'program', category: 'category', bracket: 'bracket', validFrom: 'validFrom', validTo: 'validTo', percent: 'percent' };
  protected readonly defaultSort = 'program';
  protected readonly searchColumns = ['rate.program', 'rate.category', 'rate.bracket', 'rate.legalBasis'];

  protected applyFilter(qb: SelectQueryBuilder<ContributionRate>, filter: ContributionRateFilter): void {
    whereEquals(qb, 'rate.program', filter.program);
    whereEquals(qb, 'rate.category', filter.category);
    if (filter.inForceOn) {
      qb.andWhere('rate.validFrom <= :inForceOn AND (rate.validTo IS NULL OR rate.validTo >= :inForceOn)', { inForceOn: filter.inForceOn });
    }
  }

  /**
   * Every rate, read through this reader (rates are reference data: every role reads them all) and
   * kept per process until one changes (rate-cache.ts): what prices enrollments, imports and
   * decisions, without a statement each time.
   */
  all(ctx: RequestContext): Promise<ContributionRate[]> {
    return ctx.app.rateCache.all(() => this.query(ctx).getMany());
  }

  /** Every rate in force on a day (what a contribution is computed from); with `cover`, only those of its category and programs. */
  async inForceOn(ctx: RequestContext, day: string, cover?: { category: Category; programs: readonly Program[] }): Promise<ContributionRate[]> {
    return (await this.all(ctx)).filter(
      (rate) =>
        rate.validFrom <= day &&
        (rate.validTo === null || rate.validTo >= day) &&
        (!cover || (rate.category === cover.category && cover.programs.includes(rate.program))),
    );
  }

  async create(ctx: RequestContext, args: CreateContributionRateArgs): Promise<ContributionRate> {
    const rate = ctx.em.create(ContributionRate, {
      program: args.program,
      category: args.category,
      bracket: args.bracket ?? null,
      percent: args.percent ?? null,
      flatAmount: args.flatAmount ?? null,
      minimumAmount: args.minimumAmount ?? null,
      maximumBase: args.maximumBase ?? null,
      validFrom: args.validFrom,
      validTo: args.validTo ?? null,
      legalBasis: args.legalBasis ?? null,
    });
    return this.save(ctx, rate);
  }

  async update(ctx: RequestContext, args: UpdateContributionRateArgs): Promise<ContributionRate> {
    const rate = await this.getForUpdate(ctx, args.id);
    for (const key of ['bracket', 'percent', 'flatAmount', 'minimumAmount', 'maximumBase', 'validTo', 'legalBasis'] as const) {
      if (args[key] !== undefined) (rate as unknown as Record<string, unknown>)[key] = args[key];
    }
    if (args.validFrom != null) rate.validFrom = args.validFrom;
    return this.save(ctx, rate);
  }

  override async delete(ctx: RequestContext, id: string): Promise<ContributionRate> {
    forgetRatesAfterCommit(ctx);
    return super.delete(ctx, id);
  }

  private async save(ctx: RequestContext, rate: ContributionRate): Promise<ContributionRate> {
    refuseInconsistent(rate);
    forgetRatesAfterCommit(ctx);
    // One writer per program, category and bracket: two overlapping rates saved at once would
    // deadlock under the exclusion constraint instead of the later one being told it overlaps.
    await ctx.em.query(`SELECT pg_advisory_xact_lock(hashtext('contribution-rate:' || $1))`, [`${rate.program}:${rate.category}:${rate.bracket ?? ''}`]);
    try {
      return await ctx.em.save(rate);
    } catch (error) {
      if (pgErrorCode(error) === PgError.EXCLUSION_VIOLATION) {
        throw badUserInput({ validFrom: { code: 'RATE_OVERLAP', params: { program: rate.program, category: rate.category, bracket: rate.bracket } } });
      }
      throw error;
    }
  }
}

/** This process prices with the change as soon as it commits; the others when they hear the trigger's notice. */
function forgetRatesAfterCommit(ctx: RequestContext): void {
  ctx.afterCommit.push(() => ctx.app.rateCache.forget());
}

/** A percentage or a flat amount, never both; a validity that ends before it starts is no validity. */
function refuseInconsistent(rate: ContributionRate): void {
  if ((rate.percent === null) === (rate.flatAmount === null)) {
    throw badUserInput({ percent: { code: 'PERCENT_OR_FLAT' }, flatAmount: { code: 'PERCENT_OR_FLAT' } });
  }
  if (rate.flatAmount !== null && (rate.minimumAmount !== null || rate.maximumBase !== null)) {
    throw badUserInput({ minimumAmount: { code: 'MINIMUM_NEEDS_PERCENT' } });
  }
  if (rate.validTo !== null && rate.validTo < rate.validFrom) {
    throw badUserInput({ validTo: { code: 'DATE_BEFORE', params: { field: 'validFrom' } } });
  }
}

export const contributionRateService = new ContributionRateService();
