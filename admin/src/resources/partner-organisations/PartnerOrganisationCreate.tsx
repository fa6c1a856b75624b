import { Create } from 'react-admin';
import { PartnerOrganisationForm } from './PartnerOrganisationForm';
import { ALL_FIELDS, toPartnerArgs } from './partnerForm';

export const PartnerOrganisationCreate = () => (
  <Create redirect="show" transform={toPartnerArgs(ALL_FIELDS)}>
    <PartnerOrganisationForm />
  </Create>
);
