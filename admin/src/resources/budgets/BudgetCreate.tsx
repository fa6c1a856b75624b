import { Create } from 'react-admin';
import { BudgetForm, toCreateArgs } from './BudgetForm';

export const BudgetCreate = () => (
  <Create redirect="show" transform={toCreateArgs}>
    <BudgetForm creating />
  </Create>
);
