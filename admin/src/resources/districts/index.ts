import DistrictIcon from '@mui/icons-material/Map';
import type { RaRecord } from 'react-admin';
import { DistrictCreate } from './DistrictCreate';
import { DistrictEdit } from './DistrictEdit';
import { DistrictList } from './DistrictList';
import { DistrictShow } from './DistrictShow';

export default {
  list: DistrictList,
  show: DistrictShow,
  edit: DistrictEdit,
  create: DistrictCreate,
  icon: DistrictIcon,
  recordRepresentation: (record: RaRecord) => `${record.name} (${record.code})`,
};
