import { Permission } from '@lindung/domain';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Allow } from '../../core/access';
import type { RequestContext } from '../../core/context';
import { resourceResolver } from '../../core/resource-resolver';
import { AwardScore, awardScoreOf } from './award-score';
import { Award, AwardWeight } from './award.entity';
import { AwardListArgs, AwardScoreArgs, AwardWeightListArgs, CreateAwardArgs, CreateAwardWeightArgs, UpdateAwardArgs, UpdateAwardWeightArgs } from './award.inputs';
import { awardService, awardWeightService } from './award.service';

@Resolver(() => Award)
export class AwardResolver extends resourceResolver({
  type: Award,
  plural: 'Awards',
  listArgs: AwardListArgs,
  service: awardService,
  read: [Permission.AwardRead],
  write: { allow: [Permission.AwardWrite], create: CreateAwardArgs, update: UpdateAwardArgs },
}) {
  @Allow(Permission.AwardRead)
  @Query(() => AwardScore, { description: "An explainable self-assessment of a regency's year against the award's reported criteria, with the weights in force" })
  awardScore(@Ctx() ctx: RequestContext, @Args() args: AwardScoreArgs) {
    return awardScoreOf(ctx, args.regencyId, args.year);
  }
}

@Resolver(() => AwardWeight)
export class AwardWeightResolver extends resourceResolver({
  type: AwardWeight,
  plural: 'AwardWeights',
  listArgs: AwardWeightListArgs,
  service: awardWeightService,
  read: [Permission.AwardRead],
  write: { allow: [Permission.AwardWrite], create: CreateAwardWeightArgs, update: UpdateAwardWeightArgs },
}) {}
