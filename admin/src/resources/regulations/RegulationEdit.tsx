import { Edit } from 'react-admin';
import { RegulationForm, toRegulationArgs } from './RegulationForm';

export const RegulationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toRegulationArgs}>
    <RegulationForm />
  </Edit>
);
