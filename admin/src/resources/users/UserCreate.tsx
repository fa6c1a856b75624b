import { PASSWORD_MIN_LENGTH } from '@lindung/domain';
import {
  BooleanInput,
  Create,
  PasswordInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { roleChoices } from '../../common/choices';
import { email, password } from '../../common/validators';
import { ScopeInput } from './ScopeInput';
import { toUserArgs } from './userForm';

export const UserCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="show" transform={toUserArgs}>
      <SimpleForm defaultValues={{ active: true }}>
        <TextInput source="email" type="email" autoComplete="off" validate={[required(), email]} />
        <TextInput source="fullName" />
        <SelectInput source="role" choices={roleChoices} validate={required()} />
        <ScopeInput />
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
