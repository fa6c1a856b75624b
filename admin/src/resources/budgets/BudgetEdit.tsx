import { Edit } from 'react-admin';
import { BudgetForm, toUpdateArgs } from './BudgetForm';

// Pessimistic: an amount below what is committed (BUDGET_BELOW_COMMITTED) is refused at once, in words.
export const BudgetEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toUpdateArgs}>
    <BudgetForm />
  </Edit>
);
