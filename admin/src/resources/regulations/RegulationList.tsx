import { CreateButton, DataTable, FilterButton, List, ReferenceField, SearchInput, TopToolbar } from 'react-admin';
import { ServerExportButton } from '../../common/ServerExportButton';
import { DayField } from '../../common/dates';
import { useRegionFilters } from '../../common/RegionFilterInputs';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';

const RegulationListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ServerExportButton />
  </TopToolbar>
);

export const RegulationList = () => {
  const regionFilters = useRegionFilters({ levels: ['regency'] });
  return (
    <List
      filters={[<SearchInput key="q" source="q" alwaysOn />, ...regionFilters]}
      sort={{ field: 'validFrom', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={<RegulationListActions />}
    >
      <ResponsiveDataTable
        rowClick="show"
        bulkActionButtons={false}
        primaryText={(record) => record.title}
        secondaryText={
          <TextLine>
            <ReferenceField source="regencyId" reference="Regency" link={false} />
            <DayField source="validFrom" format="long" />
          </TextLine>
        }
      >
        <DataTable.Col source="title" />
        <DataTable.Col source="regencyId" disableSort>
          <ReferenceField source="regencyId" reference="Regency" link={false} />
        </DataTable.Col>
        <DataTable.Col source="validFrom">
          <DayField source="validFrom" format="long" />
        </DataTable.Col>
        <DataTable.Col source="validTo">
          <DayField source="validTo" format="long" emptyText="lindung.regulation.open_ended" />
        </DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};
