import { Edit } from 'react-admin';
import { AwardWeightForm, toWeightArgs } from './AwardWeightForm';

export const AwardWeightEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toWeightArgs}>
    <AwardWeightForm />
  </Edit>
);
