import WorkerIcon from '@mui/icons-material/Engineering';
import type { RaRecord } from 'react-admin';
import { WorkerCreate } from './WorkerCreate';
import { WorkerEdit } from './WorkerEdit';
import { WorkerList } from './WorkerList';
import { WorkerShow } from './WorkerShow';

export default {
  list: WorkerList,
  show: WorkerShow,
  edit: WorkerEdit,
  create: WorkerCreate,
  icon: WorkerIcon,
  recordRepresentation: (record: RaRecord) => record.fullName,
};
