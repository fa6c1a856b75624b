import { Permission } from '@lindung/domain';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Allow } from '../../core/access';
import type { RequestContext } from '../../core/context';
import { IdArgs, ListMetadata } from '../../core/list';
import { PartnerOrganisation } from './partner-organisation.entity';
import { PartnerOrganisationListArgs } from './partner-organisation.inputs';
import { partnerOrganisationService } from './partner-organisation.service';

type Lists = typeof PartnerOrganisationListArgs;

@Resolver(() => PartnerOrganisation)
export class PartnerOrganisationResolver {
  @Allow(Permission.PartnerRead)
  @Query(() => [PartnerOrganisation])
  allPartnerOrganisations(@Ctx() ctx: RequestContext, @Args(() => PartnerOrganisationListArgs.ListArgs) args: InstanceType<Lists['ListArgs']>) {
    return partnerOrganisationService.list(ctx, args);
  }

  @Allow(Permission.PartnerRead)
  @Query(() => ListMetadata)
  async _allPartnerOrganisationsMeta(@Ctx() ctx: RequestContext, @Args(() => PartnerOrganisationListArgs.MetaArgs) args: InstanceType<Lists['MetaArgs']>) {
    return { count: await partnerOrganisationService.count(ctx, args) };
  }

  @Allow(Permission.PartnerRead)
  @Query(() => PartnerOrganisation, { nullable: true })
  PartnerOrganisation(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs) {
    return partnerOrganisationService.get(ctx, id);
  }
}
