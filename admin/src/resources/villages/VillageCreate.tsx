import { AutocompleteInput, Create, ReferenceInput, required, SimpleForm, TextInput } from 'react-admin';
import { regionCode } from '../../common/validators';
import { VillageTypeHint } from './VillageTypeHint';

// createVillage takes the district; the API derives the regency (and the type, from the code).
export const VillageCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <ReferenceInput source="districtId" reference="District" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} validate={required()} />
      </ReferenceInput>
      <TextInput source="code" validate={[required(), regionCode('VILLAGE')]} helperText="51.04.05.2002" />
      <VillageTypeHint />
      <TextInput source="name" validate={required()} />
    </SimpleForm>
  </Create>
);
