import { AutocompleteInput, NullableBooleanInput, ReferenceInput, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { genderChoices } from './registry';

const searchByQ = (q: string) => ({ q });

/**
 * The Worker list's filters: a name, a full NIK or a KPJ (the API decides which by its form), the
 * village where people live, the partner that reported them, and the flags.
 */
export function useWorkerFilters() {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('lindung.worker.search')} />,
    <ReferenceInput key="villageId" source="villageId" reference="Village" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput label="resources.Worker.filters.villageId" filterToQuery={searchByQ} />
    </ReferenceInput>,
    <ReferenceInput key="partnerId" source="partnerId" reference="PartnerOrganisation" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput label="resources.Worker.filters.partnerId" optionText="name" filterToQuery={searchByQ} />
    </ReferenceInput>,
    <NullableBooleanInput key="vulnerable" source="vulnerable" label="resources.Worker.filters.vulnerable" />,
    <SelectInput key="gender" source="gender" label="resources.Worker.filters.gender" choices={genderChoices} />,
    <NullableBooleanInput key="possibleDuplicate" source="possibleDuplicate" label="resources.Worker.filters.possibleDuplicate" />,
  ];
}
