import { Create } from 'react-admin';
import { EnrollmentForm } from './EnrollmentForm';
import { toEnrollmentArgs } from './enrollmentRules';

// The worker comes prefilled from the worker's page (CreateButton's location state, or ?source=).
export const EnrollmentCreate = () => (
  <Create redirect="show" transform={toEnrollmentArgs}>
    <EnrollmentForm creating />
  </Create>
);
