import { BooleanField, EmailField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { roleChoices } from '../../common/choices';
import { LocaleDateField } from '../../common/fields';
import { ScopeField } from './ScopeField';

export const UserShow = () => (
  <Show>
    <SimpleShowLayout>
      <EmailField source="email" />
      <TextField source="fullName" emptyText="—" />
      <SelectField source="role" choices={roleChoices} />
      <ScopeField label="lindung.user.scope" />
      <BooleanField source="active" />
      <LocaleDateField source="lastLoginAt" showTime emptyText="—" />
      <LocaleDateField source="createdAt" showTime />
      <LocaleDateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
