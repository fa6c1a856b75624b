import { Permission } from '@lindung/domain';
import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { Allow } from '../../core/access';
import type { RequestContext } from '../../core/context';
import { resourceResolver } from '../../core/resource-resolver';
import { PartnerOrganisation } from './partner-organisation.entity';
import {
  CreatePartnerOrganisationArgs,
  PartnerOrganisationListArgs,
  PartnerStatusArgs,
  UpdatePartnerOrganisationArgs,
} from './partner-organisation.inputs';
import { partnerOrganisationService } from './partner-organisation.service';

@Resolver(() => PartnerOrganisation)
export class PartnerOrganisationResolver extends resourceResolver({
  type: PartnerOrganisation,
  plural: 'PartnerOrganisations',
  listArgs: PartnerOrganisationListArgs,
  service: partnerOrganisationService,
  read: [Permission.PartnerRead],
  write: {
    allow: [Permission.PartnerWrite],
    create: CreatePartnerOrganisationArgs,
    update: UpdatePartnerOrganisationArgs,
    updateAllow: [Permission.PartnerWrite, Permission.PartnerContactWrite],
  },
}) {
  @Allow(Permission.PartnerSuspend)
  @Mutation(() => PartnerOrganisation, { description: 'Its users keep reading but can no longer report; the reason is kept and audited' })
  suspendPartnerOrganisation(@Ctx() ctx: RequestContext, @Args() args: PartnerStatusArgs) {
    return partnerOrganisationService.suspend(ctx, args);
  }

  @Allow(Permission.PartnerSuspend)
  @Mutation(() => PartnerOrganisation)
  reactivatePartnerOrganisation(@Ctx() ctx: RequestContext, @Args() args: PartnerStatusArgs) {
    return partnerOrganisationService.reactivate(ctx, args);
  }
}
