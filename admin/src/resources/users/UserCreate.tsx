import { PASSWORD_MIN_LENGTH } from '@lindung/domain';
import {
  BooleanInput,
  Create,
  Loading,
  PasswordInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { email, password } from '../../common/validators';
import { useAccountWriting } from './accountRoles';
import { ScopeInput } from './ScopeInput';
import { toUserArgs } from './userForm';

export const UserCreate = () => {
  const translate = useTranslate();
  // An admin may create any role; a regency official only village heads of its own regency.
  const { isPending, roles, choices, scopeFilter } = useAccountWriting();
  if (isPending) return <Loading />;
  return (
    <Create redirect="show" transform={toUserArgs}>
      <SimpleForm defaultValues={{ active: true, role: roles.length === 1 ? roles[0] : undefined }} noValidate>
        <TextInput source="email" type="email" autoComplete="off" validate={[required(), email]} />
        <TextInput source="fullName" />
        <SelectInput source="role" choices={choices} validate={required()} />
        <ScopeInput filter={scopeFilter} />
        <PasswordInput
          source="password"
          autoComplete="new-password"
          validate={[required(), password]}
          helperText={translate('lindung.user.password_help', { min: PASSWORD_MIN_LENGTH })}
        />
        <BooleanInput source="active" />
      </SimpleForm>
    </Create>
  );
};
