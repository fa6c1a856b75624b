import PartnerIcon from '@mui/icons-material/Handshake';
import { PartnerOrganisationList } from './PartnerOrganisationList';
import { PartnerOrganisationShow } from './PartnerOrganisationShow';

export default {
  list: PartnerOrganisationList,
  show: PartnerOrganisationShow,
  icon: PartnerIcon,
  recordRepresentation: 'name',
};
