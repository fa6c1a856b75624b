import { awardeeKind, type AwardCategory } from '@lindung/domain';
import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { badUserInput, pgErrorCode, PgError } from '../../core/errors';
import { whereEquals } from '../../core/list';
import { ResourceReader } from '../../core/resource';
import { partnerOrganisationService } from '../partners/partner-organisation.service';
import { regencyService } from '../regions/regency.service';
import { Award, AwardWeight } from './award.entity';
import type { AwardFilter, AwardWeightFilter, CreateAwardArgs, CreateAwardWeightArgs, UpdateAwardArgs, UpdateAwardWeightArgs } from './award.inputs';

export class AwardService extends ResourceReader<Award, AwardFilter> {
  protected readonly entity = Award;
  protected readonly typeName = 'Award';
  protected readonly alias = 'award';
  protected readonly sortable = { id: 'id', year: 'year', level: 'level', category: 'category', rank: 'rank', score: 'score' };
  protected readonly defaultSort = 'year';
  protected readonly searchColumns = ['award.province', 'award.note'];

  protected applyFilter(qb: SelectQueryBuilder<Award>, filter: AwardFilter): void {
    whereEquals(qb, 'award.year', filter.year);
    whereEquals(qb, 'award.level', filter.level);
    whereEquals(qb, 'award.category', filter.category);
    whereEquals(qb, 'award.regencyId', filter.regencyId);
    whereEquals(qb, 'award.partnerId', filter.partnerId);
  }

  async create(ctx: RequestContext, args: CreateAwardArgs): Promise<Award> {
    const award = ctx.em.create(Award, {
      year: args.year,
      level: args.level,
      category: args.category,
      rank: args.rank,
      regencyId: args.regencyId ?? null,
      partnerId: args.partnerId ?? null,
      province: args.province?.trim() || null,
      score: args.score ?? null,
      note: args.note?.trim() || null,
    });
    await this.checkAwardee(ctx, award);
    const saved = await ctx.em.save(award);
    return this.get(ctx, saved.id);
  }

  async update(ctx: RequestContext, args: UpdateAwardArgs): Promise<Award> {
    const award = await this.getForUpdate(ctx, args.id);
    for (const key of ['year', 'level', 'category', 'rank', 'score'] as const) {
      if (args[key] !== undefined && args[key] !== null) (award as unknown as Record<string, unknown>)[key] = args[key];
    }
    if (args.score === null) award.score = null;
    if (args.regencyId !== undefined) award.regencyId = args.regencyId;
    if (args.partnerId !== undefined) award.partnerId = args.partnerId;
    if (args.province !== undefined) award.province = args.province?.trim() || null;
    if (args.note !== undefined) award.note = args.note?.trim() || null;
    await this.checkAwardee(ctx, award);
    await ctx.em.save(award);
    return this.get(ctx, award.id);
  }

  /** The awardee the category asks for — a province by name, a regency, or a partner — and only that one. */
  private async checkAwardee(ctx: RequestContext, award: Award): Promise<void> {
    const kind = awardeeKind(award.category as AwardCategory);
    const fits =
      kind === 'REGENCY' ? award.regencyId && !award.partnerId : kind === 'PARTNER' ? award.partnerId && !award.regencyId : award.province && !award.regencyId && !award.partnerId;
    const field = kind === 'REGENCY' ? 'regencyId' : kind === 'PARTNER' ? 'partnerId' : 'province';
    if (!fits) throw badUserInput({ [field]: { code: 'AWARDEE_FOR_CATEGORY', params: { category: award.category } } });
    if (award.regencyId) {
      const regency = await regencyService.getReference(ctx, award.regencyId, 'regencyId');
      award.province ??= regency.province;
    }
    if (award.partnerId) await partnerOrganisationService.getReference(ctx, award.partnerId, 'partnerId');
  }
}

export class AwardWeightService extends ResourceReader<AwardWeight, AwardWeightFilter> {
  protected readonly entity = AwardWeight;
  protected readonly typeName = 'AwardWeight';
  protected readonly alias = 'weight';
  protected readonly sortable = { id: 'id', criterion: 'criterion', weight: 'weight', validFrom: 'validFrom', validTo: 'validTo' };
  protected readonly defaultSort = 'criterion';
  protected readonly searchColumns = ['weight.criterion', 'weight.note'];

  protected applyFilter(qb: SelectQueryBuilder<AwardWeight>, filter: AwardWeightFilter): void {
    whereEquals(qb, 'weight.criterion', filter.criterion);
    if (filter.inForceOn) {
      qb.andWhere('weight.validFrom <= :weightDay AND (weight.validTo IS NULL OR weight.validTo >= :weightDay)', { weightDay: filter.inForceOn });
    }
  }

  inForceOn(ctx: RequestContext, day: string): Promise<AwardWeight[]> {
    return this.query(ctx, { inForceOn: day }).orderBy('weight.weight', 'DESC').addOrderBy('weight.criterion').getMany();
  }

  async create(ctx: RequestContext, args: CreateAwardWeightArgs): Promise<AwardWeight> {
    if (args.weight === undefined) throw badUserInput({ weight: { code: 'REQUIRED' } });
    if (args.target === undefined) throw badUserInput({ target: { code: 'REQUIRED' } });
    const weight = ctx.em.create(AwardWeight, {
      criterion: args.criterion,
      weight: args.weight,
      target: args.target,
      validFrom: args.validFrom,
      validTo: args.validTo ?? null,
      note: args.note?.trim() || null,
    });
    return this.get(ctx, (await this.save(ctx, weight)).id);
  }

  async update(ctx: RequestContext, args: UpdateAwardWeightArgs): Promise<AwardWeight> {
    const weight = await this.getForUpdate(ctx, args.id);
    if (args.weight !== undefined) weight.weight = args.weight;
    if (args.target !== undefined) weight.target = args.target;
    if (args.validFrom !== undefined) weight.validFrom = args.validFrom;
    if (args.validTo !== undefined) weight.validTo = args.validTo;
    if (args.note !== undefined) weight.note = args.note?.trim() || null;
    return this.get(ctx, (await this.save(ctx, weight)).id);
  }

  private async save(ctx: RequestContext, weight: AwardWeight): Promise<AwardWeight> {
    if (weight.validTo && weight.validTo < weight.validFrom) throw badUserInput({ validTo: { code: 'DATE_BEFORE', params: { field: 'validFrom' } } });
    // One writer per criterion, so that two overlapping weights saved at once get a clear answer.
    await ctx.em.query(`SELECT pg_advisory_xact_lock(hashtext('award-weight:' || $1))`, [weight.criterion]);
    try {
      return await ctx.em.save(weight);
    } catch (error) {
      if (pgErrorCode(error) === PgError.EXCLUSION_VIOLATION) throw badUserInput({ validFrom: { code: 'ALREADY_IN_USE' } });
      throw error;
    }
  }
}

export const awardService = new AwardService();
export const awardWeightService = new AwardWeightService();
