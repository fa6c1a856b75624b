import WeightIcon from '@mui/icons-material/Tune';
import { AwardWeightCreate } from './AwardWeightCreate';
import { AwardWeightEdit } from './AwardWeightEdit';
import { AwardWeightList } from './AwardWeightList';
import { AwardWeightShow } from './AwardWeightShow';

export default {
  list: AwardWeightList,
  show: AwardWeightShow,
  edit: AwardWeightEdit,
  create: AwardWeightCreate,
  icon: WeightIcon,
  recordRepresentation: 'criterion',
};
