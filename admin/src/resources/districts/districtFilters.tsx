import { SearchInput } from 'react-admin';
import { useRegionFilters } from '../../common/RegionFilterInputs';

/** The kecamatan list's filters: a search and the regency (reference data: every regency is offered). */
export function useDistrictFilters() {
  const regionFilters = useRegionFilters({ levels: ['regency'], alwaysOn: true, withinScope: false });
  return [<SearchInput key="q" source="q" alwaysOn />, ...regionFilters];
}
