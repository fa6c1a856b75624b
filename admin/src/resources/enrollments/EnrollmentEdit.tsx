import { Edit } from 'react-admin';
import { EnrollmentForm } from './EnrollmentForm';
import { toEnrollmentArgs } from './enrollmentRules';

// Pessimistic: the API's refusals (an overlapping period, a status move not allowed) come back at once.
export const EnrollmentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toEnrollmentArgs}>
    <EnrollmentForm />
  </Edit>
);
