import { Edit } from 'react-admin';
import { RegencyForm } from './RegencyForm';

// Pessimistic: the API's field errors (BAD_USER_INPUT) come back into the form.
export const RegencyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <RegencyForm />
  </Edit>
);
