import { DataTable, List, ReferenceField, SelectField } from 'react-admin';
import { villageTypeChoices } from '../../common/choices';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { useVillageFilters } from './villageFilters';

export const VillageList = () => {
  const filters = useVillageFilters();
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
      <ResponsiveDataTable
        primaryText={(record) => record.name}
        tertiaryText={(record) => record.code}
        secondaryText={
          <TextLine>
            <SelectField source="type" choices={villageTypeChoices} />
            <ReferenceField source="districtId" reference="District" link={false} />
          </TextLine>
        }
      >
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="type">
          <SelectField source="type" choices={villageTypeChoices} />
        </DataTable.Col>
        <DataTable.Col source="districtId" disableSort>
          <ReferenceField source="districtId" reference="District" />
        </DataTable.Col>
        <DataTable.Col source="regencyId" disableSort>
          <ReferenceField source="regencyId" reference="Regency" />
        </DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};
