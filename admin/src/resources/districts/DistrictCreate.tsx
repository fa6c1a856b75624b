import { AutocompleteInput, Create, ReferenceInput, required, SimpleForm, TextInput } from 'react-admin';
import { regionCode } from '../../common/validators';

export const DistrictCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <ReferenceInput source="regencyId" reference="Regency" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} validate={required()} />
      </ReferenceInput>
      <TextInput source="code" validate={[required(), regionCode('DISTRICT')]} helperText="51.04.05" />
      <TextInput source="name" validate={required()} />
    </SimpleForm>
  </Create>
);
