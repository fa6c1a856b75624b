import { Edit, Labeled, ReferenceField, required, SimpleForm, TextInput } from 'react-admin';
import { regionCode } from '../../common/validators';
import { VillageTypeHint } from './VillageTypeHint';

// updateVillage takes code and name only: a village does not move to another district.
export const VillageEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <Labeled>
        <ReferenceField source="districtId" reference="District" />
      </Labeled>
      <TextInput source="code" validate={[required(), regionCode('VILLAGE')]} helperText="51.04.05.2002" />
      <VillageTypeHint />
      <TextInput source="name" validate={required()} />
    </SimpleForm>
  </Edit>
);
