import { SearchInput, SelectInput } from 'react-admin';
import { villageTypeChoices } from '../../common/choices';
import { useRegionFilters } from '../../common/RegionFilterInputs';

/**
 * The villages list's filters: a search, the regency and then the kecamatan (dependent: the
 * kecamatan offered are the chosen regency's), and the type. Regions are reference data every role
 * reads whole, so the choices are not limited to the caller's scope.
 */
export function useVillageFilters() {
  const regionFilters = useRegionFilters({ levels: ['regency', 'district'], withinScope: false });
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    ...regionFilters,
    <SelectInput key="type" source="type" label="resources.Village.filters.type" choices={villageTypeChoices} />,
  ];
}
