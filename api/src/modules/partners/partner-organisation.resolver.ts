import { Permission } from '@lindung/domain';
import { Resolver } from 'type-graphql';
import { resourceResolver } from '../../core/resource-resolver';
import { PartnerOrganisation } from './partner-organisation.entity';
import { PartnerOrganisationListArgs } from './partner-organisation.inputs';
import { partnerOrganisationService } from './partner-organisation.service';

@Resolver(() => PartnerOrganisation)
export class PartnerOrganisationResolver extends resourceResolver({
  type: PartnerOrganisation,
  plural: 'PartnerOrganisations',
  listArgs: PartnerOrganisationListArgs,
  service: partnerOrganisationService,
  read: [Permission.PartnerRead],
}) {}
