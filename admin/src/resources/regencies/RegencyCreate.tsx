import { Create } from 'react-admin';
import { RegencyForm } from './RegencyForm';

export const RegencyCreate = () => (
  <Create redirect="show">
    <RegencyForm />
  </Create>
);
