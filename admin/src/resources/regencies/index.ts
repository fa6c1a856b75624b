import RegencyIcon from '@mui/icons-material/Apartment';
import type { RaRecord } from 'react-admin';
import { RegencyCreate } from './RegencyCreate';
import { RegencyEdit } from './RegencyEdit';
import { RegencyList } from './RegencyList';
import { RegencyShow } from './RegencyShow';

export default {
  list: RegencyList,
  show: RegencyShow,
  edit: RegencyEdit,
  create: RegencyCreate,
  icon: RegencyIcon,
  recordRepresentation: (record: RaRecord) => `${record.name} (${record.code})`,
};
