import { AutocompleteInput, ReferenceInput, SearchInput, SelectInput, useListContext, type ReferenceInputProps } from 'react-admin';
import { partnerStatusChoices, partnerTypeChoices } from '../../common/choices';

const searchByQ = (q: string) => ({ q });

/** Offers only the villages of the regency chosen in the regency filter, when there is one. */
const VillageFilterInput = (props: Omit<ReferenceInputProps, 'reference' | 'children'> & { source: string }) => {
  const { filterValues } = useListContext();
  const regencyId = filterValues?.regencyId as string | undefined;
  return (
    <ReferenceInput {...props} reference="Village" filter={regencyId ? { regencyId } : {}} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput label="resources.PartnerOrganisation.filters.villageId" filterToQuery={searchByQ} />
    </ReferenceInput>
  );
};

export const partnerFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" label="resources.PartnerOrganisation.filters.type" choices={partnerTypeChoices} />,
  <SelectInput key="status" source="status" label="resources.PartnerOrganisation.filters.status" choices={partnerStatusChoices} />,
  <ReferenceInput key="regencyId" source="regencyId" reference="Regency" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput label="resources.PartnerOrganisation.filters.regencyId" optionText="name" filterToQuery={searchByQ} />
  </ReferenceInput>,
  <VillageFilterInput key="villageId" source="villageId" />,
];
