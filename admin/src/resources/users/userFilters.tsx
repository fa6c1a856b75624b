import { AutocompleteInput, NullableBooleanInput, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { roleChoices } from '../../common/choices';

export const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" label="resources.User.filters.role" choices={roleChoices} alwaysOn />,
  <ReferenceInput key="regencyId" source="regencyId" reference="Regency" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput label="resources.User.filters.regencyId" optionText="name" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <NullableBooleanInput key="active" source="active" label="resources.User.filters.active" />,
];
