import { Typography } from '@mui/material';
import {
  AutocompleteInput,
  FormDataConsumer,
  Labeled,
  maxLength,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  useInput,
  useTranslate,
} from 'react-admin';
import { partnerTypeChoices } from '../../common/choices';
import { email as emailRule } from '../../common/validators';
import { npp, phone } from './partnerForm';

const searchByQ = (q: string) => ({ q });

/**
 * The village: optional, offered only among the villages of the chosen regency, and cleared when
 * the regency changes (a partner's village lies in its regency, as the API checks).
 */
const VillageOfRegencyInput = () => (
  <FormDataConsumer<{ regencyId?: string | null }>>
    {({ formData }) => <VillageInput regencyId={formData.regencyId} />}
  </FormDataConsumer>
);

const VillageInput = ({ regencyId }: { regencyId?: string | null }) => {
  const translate = useTranslate();
  // Until a regency is chosen there is nothing to offer: a note rather than a greyed-out input.
  if (!regencyId) {
    return (
      <Labeled source="villageId" sx={{ mb: 2 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('lindung.partner.village_needs_regency')}
        </Typography>
      </Labeled>
    );
  }
  return (
    <ReferenceInput source="villageId" reference="Village" filter={{ regencyId }} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput filterToQuery={searchByQ} helperText="lindung.partner.village_help" />
    </ReferenceInput>
  );
};

/** The regency; choosing another one clears the village (which the village input then offers anew). */
const RegencyInput = () => {
  // The village's form field, to clear it: the same field the village input edits.
  const { field: village } = useInput({ source: 'villageId' });
  return (
    <ReferenceInput source="regencyId" reference="Regency" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput
        optionText="name"
        filterToQuery={searchByQ}
        validate={required()}
        onChange={() => village.onChange(null)}
      />
    </ReferenceInput>
  );
};

/** Contact person, phone, email and address: what a partner keeps current itself. */
const ContactInputs = () => (
  <>
    <TextInput source="contactName" validate={maxLength(200)} autoComplete="off" />
    <TextInput source="contactPhone" type="tel" validate={[maxLength(40), phone]} autoComplete="off" helperText="0812 3456 7890" />
    <TextInput source="contactEmail" type="email" validate={[maxLength(254), emailRule]} autoComplete="off" />
    <TextInput source="address" multiline minRows={2} validate={maxLength(300)} />
  </>
);

/** Every field, for an administrator (createPartnerOrganisation / updatePartnerOrganisation). */
export const PartnerOrganisationForm = () => (
  <SimpleForm noValidate>
    <TextInput source="name" validate={[required(), maxLength(200)]} />
    <SelectInput source="type" choices={partnerTypeChoices} validate={required()} />
    <RegencyInput />
    <VillageOfRegencyInput />
    <TextInput source="npp" validate={npp} helperText="lindung.partner.npp_help" inputMode="numeric" autoComplete="off" />
    <ContactInputs />
  </SimpleForm>
);

/** A partner's own organisation: its name for orientation, and the contact details only. */
export const PartnerContactForm = () => {
  const translate = useTranslate();
  return (
    <SimpleForm noValidate>
      <Labeled>
        <TextField source="name" />
      </Labeled>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('lindung.partner.contact_only_help')}
      </Typography>
      <ContactInputs />
    </SimpleForm>
  );
};
