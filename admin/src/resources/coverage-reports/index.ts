import CoverageIcon from '@mui/icons-material/Assessment';
import { CoverageReportCreate } from './CoverageReportCreate';
import { CoverageReportEdit } from './CoverageReportEdit';
import { CoverageReportList } from './CoverageReportList';
import { CoverageReportShow } from './CoverageReportShow';

export default {
  list: CoverageReportList,
  show: CoverageReportShow,
  edit: CoverageReportEdit,
  create: CoverageReportCreate,
  icon: CoverageIcon,
  recordRepresentation: (record: { asOf?: string; source?: string }) => [record.asOf, record.source].filter(Boolean).join(' · '),
};
