import { BooleanField, DataTable, List, SelectField } from 'react-admin';
import { roleChoices } from '../../common/choices';
import { LocaleDateField } from '../../common/fields';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { ScopeField } from './ScopeField';
import { userFilters } from './userFilters';

export const UserList = () => (
  <List filters={userFilters} sort={{ field: 'email', order: 'ASC' }} perPage={25}>
    <ResponsiveDataTable
      primaryText={(record) => record.fullName || record.email}
      secondaryText={
        <TextLine>
          <SelectField source="role" choices={roleChoices} />
          <ScopeField link={false} />
        </TextLine>
      }
      tertiaryText={(record) => (record.active ? '' : '✕')}
    >
      <DataTable.Col source="email" />
      <DataTable.Col source="fullName" />
      <DataTable.Col source="role">
        <SelectField source="role" choices={roleChoices} />
      </DataTable.Col>
      <DataTable.Col label="lindung.user.scope" disableSort>
        <ScopeField />
      </DataTable.Col>
      <DataTable.Col source="active">
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col source="lastLoginAt">
        <LocaleDateField source="lastLoginAt" showTime emptyText="—" />
      </DataTable.Col>
    </ResponsiveDataTable>
  </List>
);
