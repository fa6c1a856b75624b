import { DataTable, List, ReferenceField } from 'react-admin';
import { districtFilters } from './districtFilters';

export const DistrictList = () => (
  <List filters={districtFilters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
    <DataTable>
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.Col source="regencyId" disableSort>
        <ReferenceField source="regencyId" reference="Regency" />
      </DataTable.Col>
    </DataTable>
  </List>
);
