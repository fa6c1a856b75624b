import type { SelectQueryBuilder } from 'typeorm';
import { whereEquals } from '../../core/list';
import { ResourceReader } from '../../core/resource';
import { PartnerOrganisation } from './partner-organisation.entity';
import type { PartnerOrganisationFilter } from './partner-organisation.inputs';

/** Read side only for now; the partner registry (create, suspend, contacts) comes with its own issue. */
export class PartnerOrganisationService extends ResourceReader<PartnerOrganisation, PartnerOrganisationFilter> {
  protected readonly entity = PartnerOrganisation;
  protected readonly typeName = 'PartnerOrganisation';
  protected readonly alias = 'partner';
  protected readonly sortable = { name: 'name', type: 'type', status: 'status', createdAt: 'createdAt' };
  protected readonly defaultSort = 'name';
  protected readonly searchColumns = ['partner.name'];

  protected applyFilter(qb: SelectQueryBuilder<PartnerOrganisation>, filter: PartnerOrganisationFilter): void {
    whereEquals(qb, 'partner.type', filter.type);
    whereEquals(qb, 'partner.status', filter.status);
    whereEquals(qb, 'partner.regencyId', filter.regencyId);
    whereEquals(qb, 'partner.villageId', filter.villageId);
  }
}

export const partnerOrganisationService = new PartnerOrganisationService();
