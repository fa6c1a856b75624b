import { Edit, Labeled, ReferenceField, required, SimpleForm, TextInput } from 'react-admin';
import { regionCode } from '../../common/validators';

// updateDistrict takes code and name only: a district does not move to another regency.
export const DistrictEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <Labeled>
        <ReferenceField source="regencyId" reference="Regency" />
      </Labeled>
      <TextInput source="code" validate={[required(), regionCode('DISTRICT')]} helperText="51.04.05" />
      <TextInput source="name" validate={required()} />
    </SimpleForm>
  </Edit>
);
