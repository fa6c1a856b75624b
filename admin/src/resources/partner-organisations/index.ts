import PartnerIcon from '@mui/icons-material/Handshake';
import { PartnerOrganisationCreate } from './PartnerOrganisationCreate';
import { PartnerOrganisationEdit } from './PartnerOrganisationEdit';
import { PartnerOrganisationList } from './PartnerOrganisationList';
import { PartnerOrganisationShow } from './PartnerOrganisationShow';

export default {
  list: PartnerOrganisationList,
  show: PartnerOrganisationShow,
  edit: PartnerOrganisationEdit,
  create: PartnerOrganisationCreate,
  icon: PartnerIcon,
  recordRepresentation: 'name',
};
