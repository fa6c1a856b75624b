import { CreateButton, DataTable, DateInput, FilterButton, List, ReferenceField, SearchInput, TopToolbar } from 'react-admin';
import { ServerExportButton } from '../../common/ServerExportButton';
import { DayField } from '../../common/dates';
import { LocaleNumberField } from '../../common/fields';
import { useRegionFilters } from '../../common/RegionFilterInputs';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { useIntlLocale } from '../../i18n/useIntlLocale';

const CoverageReportListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ServerExportButton />
  </TopToolbar>
);

export const CoverageReportList = () => {
  const locales = useIntlLocale();
  const regionFilters = useRegionFilters({ levels: ['regency'] });
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    ...regionFilters,
    <DateInput key="asOfFrom" source="asOfFrom" label="resources.CoverageReport.filters.asOfFrom" />,
    <DateInput key="asOfTo" source="asOfTo" label="resources.CoverageReport.filters.asOfTo" />,
  ];
  return (
    <List filters={filters} sort={{ field: 'asOf', order: 'DESC' }} perPage={25} exporter={false} actions={<CoverageReportListActions />}>
      <ResponsiveDataTable
        rowClick="show"
        bulkActionButtons={false}
        primaryText={<ReferenceField source="regencyId" reference="Regency" link={false} />}
        secondaryText={
          <TextLine>
            <DayField source="asOf" format="long" />
            <LocaleNumberField source="protectedWorkers" />
          </TextLine>
        }
      >
        <DataTable.Col source="regencyId" disableSort>
          <ReferenceField source="regencyId" reference="Regency" link={false} />
        </DataTable.Col>
        <DataTable.Col source="asOf">
          <DayField source="asOf" format="long" />
        </DataTable.Col>
        <DataTable.NumberCol source="protectedWorkers" locales={locales} />
        <DataTable.Col source="source" />
      </ResponsiveDataTable>
    </List>
  );
};
