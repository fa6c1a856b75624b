import { Permission } from '@lindung/domain';
import { Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../core/access';
import type { RequestContext } from '../../core/context';
import { IdArgs } from '../../core/list';
import { resourceResolver } from '../../core/resource-resolver';
import { endingCover, VillageEndingCover } from './ending-cover';
import { Proposal } from './proposal.entity';
import { CreateProposalArgs, DecideProposalArgs, EndingCoverArgs, ProposalListArgs, RenewProposalArgs, UpdateProposalArgs } from './proposal.inputs';
import { proposalService } from './proposal.service';

@Resolver(() => Proposal)
export class ProposalResolver extends resourceResolver({
  type: Proposal,
  plural: 'Proposals',
  listArgs: ProposalListArgs,
  service: proposalService,
  read: [Permission.ProposalRead],
  write: { allow: [Permission.ProposalDraft], create: CreateProposalArgs, update: UpdateProposalArgs },
}) {
  @Allow(Permission.ProposalDraft)
  @Mutation(() => Proposal, { description: 'DRAFT → SUBMITTED; every item verified again' })
  submitProposal(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs) {
    return proposalService.submit(ctx, id);
  }

  @Allow(Permission.ProposalDraft)
  @Mutation(() => Proposal, { description: 'DRAFT or SUBMITTED → WITHDRAWN (only before a decision)' })
  withdrawProposal(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs) {
    return proposalService.withdraw(ctx, id);
  }

  @Allow(Permission.ProposalDraft)
  @Mutation(() => Proposal, { description: "A draft for the new fiscal year from last year's approved workers of the village, each re-verified" })
  renewProposal(@Ctx() ctx: RequestContext, @Args() args: RenewProposalArgs) {
    return proposalService.renew(ctx, args);
  }

  @Allow(Permission.ProposalDecide)
  @Mutation(() => Proposal, {
    description: 'Decides every item; approval commits the cost against the fiscal year’s budget and enrolls the approved workers (CONFLICT BUDGET_EXCEEDED when it does not fit)',
  })
  decideProposal(@Ctx() ctx: RequestContext, @Args() args: DecideProposalArgs) {
    return proposalService.decide(ctx, args);
  }

  @Allow(Permission.ProposalRead)
  @Query(() => [VillageEndingCover], { description: 'Per village, the regency-funded enrollments that end within the next days (60 by default), within your scope' })
  endingCover(@Ctx() ctx: RequestContext, @Args() args: EndingCoverArgs) {
    return endingCover(ctx, args.withinDays ?? 60, args.regencyId);
  }
}
