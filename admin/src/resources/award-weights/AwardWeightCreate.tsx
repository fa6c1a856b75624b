import { Create } from 'react-admin';
import { AwardWeightForm, toWeightArgs } from './AwardWeightForm';

export const AwardWeightCreate = () => (
  <Create redirect="show" transform={toWeightArgs}>
    <AwardWeightForm creating />
  </Create>
);
