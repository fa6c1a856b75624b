import { BooleanInput, Edit, Loading, PasswordInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { email, password } from '../../common/validators';
import { useAccountWriting } from './accountRoles';
import { ScopeInput } from './ScopeInput';
import { toUserArgs } from './userForm';

export const UserEdit = () => {
  // A regency official keeps its village heads village heads, in villages of its regency.
  const { isPending, choices, scopeFilter } = useAccountWriting();
  if (isPending) return <Loading />;
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={toUserArgs}>
      <SimpleForm noValidate>
        <TextInput source="email" type="email" validate={[required(), email]} />
        <TextInput source="fullName" />
        <SelectInput source="role" choices={choices} validate={required()} />
        <ScopeInput filter={scopeFilter} />
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
};
