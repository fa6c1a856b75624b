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
import { LocaleDateField } from '../../common/fields';

export const DistrictShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <ReferenceField source="regencyId" reference="Regency" />
      <LocaleDateField source="updatedAt" showTime />
      <ReferenceManyField
        reference="Village"
        target="districtId"
        label="resources.District.fields.villages"
        sort={{ field: 'code', order: 'ASC' }}
        perPage={25}
        pagination={<Pagination />}
      >
        <DataTable bulkActionButtons={false}>
          <DataTable.Col source="code" />
          <DataTable.Col source="name" />
          <DataTable.Col source="type">
            <SelectField source="type" choices={villageTypeChoices} />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
