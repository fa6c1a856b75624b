import { DataTable, List, ReferenceField } from 'react-admin';
import { ResponsiveDataTable } from '../../common/ResponsiveDataTable';
import { useDistrictFilters } from './districtFilters';

export const DistrictList = () => {
  const filters = useDistrictFilters();
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
      <ResponsiveDataTable
        primaryText={(record) => record.name}
        tertiaryText={(record) => record.code}
        secondaryText={<ReferenceField source="regencyId" reference="Regency" link={false} />}
      >
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="regencyId" disableSort>
          <ReferenceField source="regencyId" reference="Regency" />
        </DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};
