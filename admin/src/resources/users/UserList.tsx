import { BooleanField, DataTable, List, SelectField } from 'react-admin';
import { roleChoices } from '../../common/choices';
import { DateTimeField } from '../../common/dates';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { ScopeField } from './ScopeField';
import { useUserFilters } from './userFilters';

export const UserList = () => {
  const filters = useUserFilters();
  return (
    <List filters={filters} sort={{ field: 'email', order: 'ASC' }} perPage={25}>
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
          <DateTimeField source="lastLoginAt" emptyText="—" />
        </DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};
