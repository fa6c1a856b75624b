import { Edit } from 'react-admin';
import { AwardForm, toAwardArgs } from './AwardForm';

export const AwardEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toAwardArgs}>
    <AwardForm />
  </Edit>
);
