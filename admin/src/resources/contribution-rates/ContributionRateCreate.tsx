import { Create } from 'react-admin';
import { ContributionRateForm } from './ContributionRateForm';

export const ContributionRateCreate = () => (
  <Create redirect="show">
    <ContributionRateForm creating />
  </Create>
);
