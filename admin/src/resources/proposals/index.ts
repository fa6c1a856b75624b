import ProposalIcon from '@mui/icons-material/AssignmentInd';
import { ProposalCreate } from './ProposalCreate';
import { ProposalEdit } from './ProposalEdit';
import { ProposalList } from './ProposalList';
import { ProposalShow } from './ProposalShow';

export default {
  list: ProposalList,
  show: ProposalShow,
  edit: ProposalEdit,
  create: ProposalCreate,
  icon: ProposalIcon,
  recordRepresentation: (record: { fiscalYear?: number; status?: string }) => [record.fiscalYear, record.status].filter(Boolean).join(' '),
};
