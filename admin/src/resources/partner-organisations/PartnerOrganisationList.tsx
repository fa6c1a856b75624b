import { DataTable, List, ReferenceField, SelectField } from 'react-admin';
import { partnerStatusChoices, partnerTypeChoices } from '../../common/choices';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { partnerFilters } from './partnerFilters';

export const PartnerOrganisationList = () => (
  <List filters={partnerFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
    <ResponsiveDataTable
      bulkActionButtons={false}
      primaryText={(record) => record.name}
      tertiaryText={<SelectField source="status" choices={partnerStatusChoices} className="RaSimpleList-tertiary" />}
      secondaryText={
        <TextLine>
          <SelectField source="type" choices={partnerTypeChoices} />
          <ReferenceField source="villageId" reference="Village" link={false} emptyText="—" />
        </TextLine>
      }
    >
      <DataTable.Col source="name" />
      <DataTable.Col source="type">
        <SelectField source="type" choices={partnerTypeChoices} />
      </DataTable.Col>
      <DataTable.Col source="status">
        <SelectField source="status" choices={partnerStatusChoices} />
      </DataTable.Col>
      <DataTable.Col source="regencyId" disableSort>
        <ReferenceField source="regencyId" reference="Regency" />
      </DataTable.Col>
      <DataTable.Col source="villageId" disableSort>
        <ReferenceField source="villageId" reference="Village" emptyText="—" />
      </DataTable.Col>
    </ResponsiveDataTable>
  </List>
);
