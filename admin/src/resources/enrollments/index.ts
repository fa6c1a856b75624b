import EnrollmentIcon from '@mui/icons-material/HealthAndSafety';
import { EnrollmentCreate } from './EnrollmentCreate';
import { EnrollmentEdit } from './EnrollmentEdit';
import { EnrollmentList } from './EnrollmentList';
import { EnrollmentShow } from './EnrollmentShow';

export default {
  list: EnrollmentList,
  show: EnrollmentShow,
  edit: EnrollmentEdit,
  create: EnrollmentCreate,
  icon: EnrollmentIcon,
  recordRepresentation: (record: { category?: string; programs?: string[]; startDate?: string }) =>
    [record.category, (record.programs ?? []).join('+'), record.startDate].filter(Boolean).join(' '),
};
