import { Permission } from '@lindung/domain';
import { Resolver } from 'type-graphql';
import { resourceResolver } from '../../core/resource-resolver';
import { ContributionRate } from './contribution-rate.entity';
import { ContributionRateListArgs, CreateContributionRateArgs, UpdateContributionRateArgs } from './contribution-rate.inputs';
import { contributionRateService } from './contribution-rate.service';

@Resolver(() => ContributionRate)
export class ContributionRateResolver extends resourceResolver({
  type: ContributionRate,
  plural: 'ContributionRates',
  listArgs: ContributionRateListArgs,
  service: contributionRateService,
  read: [Permission.RateRead],
  write: { allow: [Permission.RateWrite], create: CreateContributionRateArgs, update: UpdateContributionRateArgs },
}) {}
