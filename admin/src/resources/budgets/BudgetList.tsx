import { hasPermission, Permission, type Role } from '@lindung/domain';
import { CreateButton, DataTable, FilterButton, List, NumberInput, ReferenceField, TopToolbar, useGetIdentity } from 'react-admin';
import { ServerExportButton } from '../../common/ServerExportButton';
import { RupiahField } from '../../common/money';
import { useRegionFilters } from '../../common/RegionFilterInputs';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { CommittedProgress, WorkersProgress } from './BudgetProgress';

const BudgetListActions = () => {
  const { identity } = useGetIdentity();
  return (
    <TopToolbar>
      <FilterButton />
      {hasPermission(identity?.role as Role | undefined, Permission.BudgetWrite) && <CreateButton />}
      <ServerExportButton />
    </TopToolbar>
  );
};

export const BudgetList = () => {
  const regionFilters = useRegionFilters({ levels: ['regency'] });
  const filters = [
    <NumberInput key="fiscalYear" source="fiscalYear" label="resources.Budget.filters.fiscalYear" step={1} alwaysOn sx={{ maxWidth: '10rem' }} />,
    ...regionFilters,
  ];
  return (
    <List filters={filters} sort={{ field: 'fiscalYear', order: 'DESC' }} perPage={25} exporter={false} actions={<BudgetListActions />}>
      <ResponsiveDataTable
        rowClick="show"
        bulkActionButtons={false}
        primaryText={(record) => `${record.name}`}
        secondaryText={
          <TextLine>
            <ReferenceField source="regencyId" reference="Regency" link={false} />
            <CommittedProgress textOnly />
          </TextLine>
        }
        tertiaryText={(record) => String(record.fiscalYear)}
      >
        <DataTable.Col source="fiscalYear" />
        <DataTable.Col source="regencyId" disableSort>
          <ReferenceField source="regencyId" reference="Regency" link={false} />
        </DataTable.Col>
        <DataTable.Col source="name" />
        <DataTable.Col source="committed" label="resources.Budget.fields.committed">
          <CommittedProgress />
        </DataTable.Col>
        <DataTable.Col source="remaining" disableSort>
          <RupiahField source="remaining" />
        </DataTable.Col>
        <DataTable.Col source="workersFunded" disableSort>
          <WorkersProgress />
        </DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};
