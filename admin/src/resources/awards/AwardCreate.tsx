import { Create } from 'react-admin';
import { AwardForm, toAwardArgs } from './AwardForm';

export const AwardCreate = () => (
  <Create redirect="show" transform={toAwardArgs}>
    <AwardForm creating />
  </Create>
);
