import { Edit } from 'react-admin';
import { ContributionRateForm } from './ContributionRateForm';

// Pessimistic: the API's field errors (an overlapping validity, say) come back into the form.
export const ContributionRateEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <ContributionRateForm />
  </Edit>
);
