import { NumberInput, required, SimpleForm, TextInput } from 'react-admin';
import { nonNegative, regionCode } from '../../common/validators';

/** The fields of createRegency / updateRegency (flat arguments, ra-data-graphql-simple). */
export const RegencyForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={[required(), regionCode('REGENCY')]} helperText="51.04" />
    <TextInput source="name" validate={required()} />
    <TextInput source="province" validate={required()} />
    <TextInput source="provinceCode" validate={[required(), regionCode('PROVINCE')]} helperText="51" />
    <NumberInput source="workforceTarget" min={0} step={1} validate={nonNegative} />
    <NumberInput source="population" min={0} step={1} validate={nonNegative} />
  </SimpleForm>
);
