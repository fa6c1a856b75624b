import { NumberInput, required, SimpleForm, TextInput } from 'react-admin';
import { nonNegative, regionCode, wholeNumber } from '../../common/validators';

/** The fields of createRegency / updateRegency (flat arguments, ra-data-graphql-simple). */
export const RegencyForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={[required(), regionCode('REGENCY')]} helperText="51.04" />
    <TextInput source="name" validate={required()} />
    {/* Both derived from the code by the API when left empty. */}
    <TextInput source="province" />
    <TextInput source="provinceCode" validate={regionCode('PROVINCE')} helperText="51" />
    <NumberInput source="workforceTarget" min={0} step={1} validate={[nonNegative, wholeNumber]} />
    <NumberInput source="population" min={0} step={1} validate={[nonNegative, wholeNumber]} />
  </SimpleForm>
);
