import { AwardCriterion, scoreAward, type AwardFacts } from '@lindung/domain';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { budgetService } from '../budgets/budget.service';
import { regulationService } from '../coverage/coverage-report.service';
import { assertRegencyInScope, coverageOf } from '../coverage/coverage.service';
import { partnerOrganisationService } from '../partners/partner-organisation.service';
import { regencyService } from '../regions/regency.service';
import { awardWeightService } from './award.service';

@ObjectType({ description: 'One criterion of the award self-assessment: its value from the data, its weight, its points, and why' })
export class AwardScoreComponent {
  @Field(() => AwardCriterion)
  criterion: AwardCriterion;

  @Field(() => Float)
  value: number;

  @Field(() => Float)
  weight: number;

  @Field(() => Float, { description: 'The value that earns all the weight' })
  target: number;

  @Field(() => Float)
  points: number;

  @Field()
  explanation: string;
}

@ObjectType({ description: "A regency's Paritrana self-assessment for a year: the components' points add up to total" })
export class AwardScore {
  @Field(() => ID)
  regencyId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Float)
  total: number;

  @Field(() => Float, { description: 'The most points possible with the weights in force' })
  maximum: number;

  @Field(() => [AwardScoreComponent])
  components: AwardScoreComponent[];
}

/**
 * The facts of a regency's year, from the data the caller may see: the coverage rate at the year's
 * end (the official figure when one is published that year, else the live count) and a year
 * before, that year's budget, the kinds of partner that reported workers, the regulation in force.
 */
export async function awardScoreOf(ctx: RequestContext, regencyId: string, year: number): Promise<AwardScore> {
  assertRegencyInScope(ctx, regencyId);
  await regencyService.get(ctx, regencyId);
  const yearEnd = `${year}-12-31`;
  const [rate, rateBefore, budget, partnerTypes, regulation, weights] = await Promise.all([
    coverageRatesAt(ctx, regencyId, yearEnd),
    coverageRatesAt(ctx, regencyId, `${year - 1}-12-31`),
    budgetService.ofYear(ctx, regencyId, year),
    partnerTypesEngaged(ctx, regencyId, year),
    regulationService.inForceDuring(ctx, regencyId, year),
    awardWeightService.inForceOn(ctx, yearEnd),
  ]);
  const facts: AwardFacts = {
    coverageRate: rate.official ?? rate.live,
    coverageSource: rate.official !== null ? 'official' : 'live',
    growth: growthOf(rate, rateBefore),
    budgetAmount: budget?.amount ?? null,
    budgetCommitted: budget?.committed ?? null,
    partnerTypesEngaged: partnerTypes,
    vulnerableFunded: budget?.workersFunded ?? 0,
    vulnerableTarget: budget?.targetWorkers ?? null,
    regulation: regulation?.title ?? null,
  };
  const score = scoreAward(facts, weights);
  return { regencyId, year, ...score, maximum: weights.reduce((sum, weight) => sum + weight.weight, 0) };
}

interface RatesAt {
  /** The figure published in the day's year (up to the day), as a fraction of the target. */
  official: number | null;
  live: number | null;
}

async function coverageRatesAt(ctx: RequestContext, regencyId: string, day: string): Promise<RatesAt> {
  const stats = await coverageOf(ctx, regencyId, day);
  const publishedThatYear = stats.official && stats.official.asOf.slice(0, 4) === day.slice(0, 4);
  return { official: publishedThatYear ? stats.official!.rate : null, live: stats.live.rate };
}

/** Growth from one source: the published figures when both years have one, else the live counts. */
function growthOf(now: RatesAt, before: RatesAt): AwardFacts['growth'] {
  if (now.official !== null && before.official !== null) return { from: before.official, to: now.official, source: 'official' };
  if (now.live !== null && before.live !== null) return { from: before.live, to: now.live, source: 'live' };
  return null;
}

/** Kinds of partner organisation that reported an enrollment of the regency's workers starting in the year. */
async function partnerTypesEngaged(ctx: RequestContext, regencyId: string, year: number): Promise<number> {
  const row = await partnerOrganisationService
    .query(ctx)
    .select('count(DISTINCT partner.type)::int', 'count')
    .andWhere(
      `EXISTS (SELECT 1 FROM enrollments pe JOIN workers pw ON pw.id = pe.worker_id
               WHERE pe.partner_id = partner.id AND pw.regency_id = :engagedRegency AND pe.start_date BETWEEN :engagedFrom::date AND :engagedTo::date)`,
      { engagedRegency: regencyId, engagedFrom: `${year}-01-01`, engagedTo: `${year}-12-31` },
    )
    .getRawOne<{ count: number }>();
  return row?.count ?? 0;
}
