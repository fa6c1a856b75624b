import { BooleanField, EditButton, EmailField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { roleChoices } from '../../common/choices';
import { DateTimeField } from '../../common/dates';
import { ResetPasswordButton } from './ResetPasswordButton';
import { ScopeField } from './ScopeField';

// Edit and reset show only for accounts the caller may write (authProvider.canAccess with the record).
const UserShowActions = () => (
  <TopToolbar>
    <ResetPasswordButton />
    <EditButton />
  </TopToolbar>
);

export const UserShow = () => (
  <Show actions={<UserShowActions />}>
    <SimpleShowLayout>
      <EmailField source="email" />
      <TextField source="fullName" emptyText="—" />
      <SelectField source="role" choices={roleChoices} />
      <ScopeField label="lindung.user.scope" />
      <BooleanField source="active" />
      <BooleanField source="mustChangePassword" />
      <DateTimeField source="lastLoginAt" emptyText="—" />
      <DateTimeField source="createdAt" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
