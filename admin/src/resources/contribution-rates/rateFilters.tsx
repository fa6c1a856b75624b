import { DateInput, SelectInput, TextInput } from 'react-admin';
import { categoryChoices, programChoices } from '../../common/choices';

export const rateFilters = [
  <TextInput key="q" source="q" label="ra.action.search" alwaysOn />,
  <SelectInput key="program" source="program" choices={programChoices} />,
  <SelectInput key="category" source="category" choices={categoryChoices} />,
  <DateInput key="inForceOn" source="inForceOn" />,
];
