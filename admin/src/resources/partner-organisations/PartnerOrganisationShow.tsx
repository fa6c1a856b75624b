import { EmailField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { partnerStatusChoices, partnerTypeChoices } from '../../common/choices';
import { LocaleDateField } from '../../common/fields';

// Read-only for now: the API serves no create/update/delete for partner organisations yet.
export const PartnerOrganisationShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <SelectField source="type" choices={partnerTypeChoices} />
      <SelectField source="status" choices={partnerStatusChoices} />
      <ReferenceField source="regencyId" reference="Regency" />
      <ReferenceField source="villageId" reference="Village" emptyText="—" />
      <TextField source="contactName" emptyText="—" />
      <TextField source="contactPhone" emptyText="—" />
      <EmailField source="contactEmail" emptyText="—" />
      <LocaleDateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
