import { Edit, Loading } from 'react-admin';
import { PartnerContactForm, PartnerOrganisationForm } from './PartnerOrganisationForm';
import { ALL_FIELDS, CONTACT_FIELDS, toPartnerArgs, usePartnerWriting } from './partnerForm';

// Pessimistic: the API's field errors (an NPP already in use, a village outside the regency) come
// back into the form. A partner sends only its contact details, which is all the API lets it change.
export const PartnerOrganisationEdit = () => {
  const { isPending, allFields } = usePartnerWriting();
  if (isPending) return <Loading />;
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={toPartnerArgs(allFields ? ALL_FIELDS : CONTACT_FIELDS)}>
      {allFields ? <PartnerOrganisationForm /> : <PartnerContactForm />}
    </Edit>
  );
};
