import { AutocompleteInput, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { partnerStatusChoices, partnerTypeChoices } from '../../common/choices';

export const partnerFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" label="resources.PartnerOrganisation.filters.type" choices={partnerTypeChoices} />,
  <SelectInput key="status" source="status" label="resources.PartnerOrganisation.filters.status" choices={partnerStatusChoices} />,
  <ReferenceInput key="regencyId" source="regencyId" reference="Regency" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput label="resources.PartnerOrganisation.filters.regencyId" optionText="name" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
];
