import {
  AutocompleteInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  useListContext,
  type ReferenceInputProps,
} from 'react-admin';
import { villageTypeChoices } from '../../common/choices';

/** Offers only the districts of the regency chosen in the regency filter, when there is one. */
const DistrictFilterInput = (props: Omit<ReferenceInputProps, 'reference' | 'children'> & { source: string }) => {
  const { filterValues } = useListContext();
  const regencyId = filterValues?.regencyId as string | undefined;
  return (
    <ReferenceInput
      {...props}
      reference="District"
      filter={regencyId ? { regencyId } : {}}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <AutocompleteInput label="resources.Village.filters.districtId" optionText="name" filterToQuery={(q) => ({ q })} />
    </ReferenceInput>
  );
};

export const villageFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="regencyId" source="regencyId" reference="Regency" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput label="resources.Village.filters.regencyId" optionText="name" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <DistrictFilterInput key="districtId" source="districtId" />,
  <SelectInput key="type" source="type" label="resources.Village.filters.type" choices={villageTypeChoices} />,
];
