import {
  DataTable,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { villageTypeChoices } from '../../common/choices';
import { DateTimeField } from '../../common/dates';
import { ResponsiveDataTable } from '../../common/ResponsiveDataTable';

export const DistrictShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <ReferenceField source="regencyId" reference="Regency" />
      <DateTimeField source="updatedAt" />
      <ReferenceManyField
        reference="Village"
        target="districtId"
        label="resources.District.fields.villages"
        sort={{ field: 'code', order: 'ASC' }}
        perPage={25}
        pagination={<Pagination />}
      >
        <ResponsiveDataTable
          bulkActionButtons={false}
          primaryText={(record) => record.name}
          tertiaryText={(record) => record.code}
          secondaryText={<SelectField source="type" choices={villageTypeChoices} />}
        >
          <DataTable.Col source="code" />
          <DataTable.Col source="name" />
          <DataTable.Col source="type">
            <SelectField source="type" choices={villageTypeChoices} />
          </DataTable.Col>
        </ResponsiveDataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
