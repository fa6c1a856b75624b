import { DateInput, maxValue, minValue, NumberInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { categoryChoices, programChoices } from '../../common/choices';
import { bracket, nonNegative, percentOrFlat, wholeRupiah } from '../../common/validators';

/**
 * The fields of createContributionRate / updateContributionRate (flat arguments). A rate is a
 * percentage of the base (with an optional minimum and base cap) or a flat amount, never both.
 */
export const ContributionRateForm = ({ creating = false }: { creating?: boolean }) => (
  <SimpleForm validate={percentOrFlat}>
    <SelectInput source="program" choices={programChoices} validate={required()} disabled={!creating} />
    <SelectInput source="category" choices={categoryChoices} validate={required()} disabled={!creating} />
    <TextInput source="bracket" validate={bracket} helperText="VERY_LOW, UP_TO_100M …" />
    <NumberInput source="percent" min={0} max={100} step={0.01} validate={[minValue(0), maxValue(100)]} />
    <NumberInput source="flatAmount" min={0} step={100} validate={[nonNegative, wholeRupiah]} />
    <NumberInput source="minimumAmount" min={0} step={100} validate={[nonNegative, wholeRupiah]} />
    <NumberInput source="maximumBase" min={1} step={1000} validate={[minValue(1), wholeRupiah]} />
    <DateInput source="validFrom" validate={required()} />
    <DateInput source="validTo" />
    <TextInput source="legalBasis" fullWidth />
  </SimpleForm>
);
