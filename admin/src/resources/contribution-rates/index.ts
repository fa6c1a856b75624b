import RateIcon from '@mui/icons-material/Percent';
import type { RaRecord } from 'react-admin';
import { ContributionRateCreate } from './ContributionRateCreate';
import { ContributionRateEdit } from './ContributionRateEdit';
import { ContributionRateList } from './ContributionRateList';
import { ContributionRateShow } from './ContributionRateShow';

export default {
  list: ContributionRateList,
  show: ContributionRateShow,
  edit: ContributionRateEdit,
  create: ContributionRateCreate,
  icon: RateIcon,
  recordRepresentation: (record: RaRecord) => [record.category, record.program, record.bracket].filter(Boolean).join(' '),
};
