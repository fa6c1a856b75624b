import { DataTable, List, SearchInput, TextInput } from 'react-admin';
import { useIntlLocale } from '../../i18n/useIntlLocale';

const regencyFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="provinceCode" source="provinceCode" label="resources.Regency.filters.provinceCode" />,
];

export const RegencyList = () => {
  const locales = useIntlLocale();
  return (
    <List filters={regencyFilters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
      <DataTable>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="province" />
        <DataTable.NumberCol source="workforceTarget" locales={locales} />
        <DataTable.NumberCol source="population" locales={locales} />
      </DataTable>
    </List>
  );
};
