import { DataTable, List, SearchInput, TextField, TextInput, useTranslate } from 'react-admin';
import { LocaleNumberField } from '../../common/fields';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { useIntlLocale } from '../../i18n/useIntlLocale';

const regencyFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="provinceCode" source="provinceCode" label="resources.Regency.filters.provinceCode" />,
];

/** A phone's second line: the province and the workforce target. */
const RegencySummary = () => {
  const translate = useTranslate();
  return (
    <TextLine>
      <TextField source="province" />
      <span>
        {translate('resources.Regency.fields.workforceTarget')}: <LocaleNumberField source="workforceTarget" />
      </span>
    </TextLine>
  );
};

export const RegencyList = () => {
  const locales = useIntlLocale();
  return (
    <List filters={regencyFilters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
      <ResponsiveDataTable
        primaryText={(record) => record.name}
        tertiaryText={(record) => record.code}
        secondaryText={<RegencySummary />}
      >
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="province" />
        <DataTable.NumberCol source="workforceTarget" locales={locales} />
        <DataTable.NumberCol source="population" locales={locales} />
      </ResponsiveDataTable>
    </List>
  );
};
