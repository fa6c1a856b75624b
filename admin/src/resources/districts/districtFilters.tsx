import { AutocompleteInput, ReferenceInput, SearchInput } from 'react-admin';

export const districtFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="regencyId" source="regencyId" reference="Regency" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="resources.District.filters.regencyId" optionText="name" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
];
