import { Create } from 'react-admin';
import { RegulationForm, toRegulationArgs } from './RegulationForm';

export const RegulationCreate = () => (
  <Create redirect="show" transform={toRegulationArgs}>
    <RegulationForm creating />
  </Create>
);
