import { NullableBooleanInput, SearchInput, SelectInput } from 'react-admin';
import { roleChoices } from '../../common/choices';
import { useRegionFilters } from '../../common/RegionFilterInputs';

/**
 * The accounts list's filters: a search, the role, the region (regency → kecamatan → village,
 * dependent, within the caller's scope: an official chooses among its regency's kecamatan and
 * villages) and whether the account is active. The kecamatan only narrows the villages offered:
 * the API filters accounts by regency or village.
 */
export function useUserFilters() {
  const regionFilters = useRegionFilters({ levels: ['regency', 'district', 'village'] });
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="role" source="role" label="resources.User.filters.role" choices={roleChoices} alwaysOn />,
    ...regionFilters,
    <NullableBooleanInput key="active" source="active" label="resources.User.filters.active" />,
  ];
}
