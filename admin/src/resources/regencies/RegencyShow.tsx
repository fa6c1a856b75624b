import {
  DataTable,
  Pagination,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { DateTimeField } from '../../common/dates';
import { LocaleNumberField } from '../../common/fields';
import { ResponsiveDataTable } from '../../common/ResponsiveDataTable';

export const RegencyShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="province" />
      <TextField source="provinceCode" />
      <LocaleNumberField source="workforceTarget" />
      <LocaleNumberField source="population" />
      <DateTimeField source="updatedAt" />
      <ReferenceManyField
        reference="District"
        target="regencyId"
        source="id"
        label="resources.Regency.fields.districts"
        sort={{ field: 'code', order: 'ASC' }}
        perPage={25}
        pagination={<Pagination />}
      >
        <ResponsiveDataTable
          bulkActionButtons={false}
          primaryText={(record) => record.name}
          tertiaryText={(record) => record.code}
        >
          <DataTable.Col source="code" />
          <DataTable.Col source="name" />
        </ResponsiveDataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
