import VillageIcon from '@mui/icons-material/Cottage';
import type { RaRecord } from 'react-admin';
import { VillageCreate } from './VillageCreate';
import { VillageEdit } from './VillageEdit';
import { VillageList } from './VillageList';
import { VillageShow } from './VillageShow';

export default {
  list: VillageList,
  show: VillageShow,
  edit: VillageEdit,
  create: VillageCreate,
  icon: VillageIcon,
  recordRepresentation: (record: RaRecord) => `${record.name} (${record.code})`,
};
