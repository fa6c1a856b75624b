import { BooleanInput, Edit, PasswordInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { roleChoices } from '../../common/choices';
import { email, password } from '../../common/validators';
import { ScopeInput } from './ScopeInput';
import { toUserArgs } from './userForm';

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toUserArgs}>
    <SimpleForm>
      <TextInput source="email" type="email" validate={[required(), email]} />
      <TextInput source="fullName" />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <ScopeInput />
      <PasswordInput
        source="password"
        label="lindung.user.new_password"
        autoComplete="new-password"
        validate={password}
        helperText="lindung.user.new_password_help"
      />
      <BooleanInput source="active" />
    </SimpleForm>
  </Edit>
);
