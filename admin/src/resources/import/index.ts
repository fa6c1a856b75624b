import ImportIcon from '@mui/icons-material/UploadFile';
import { ImportPage } from './ImportPage';

/**
 * "Import": a portal page of its own (`#/Import`, the shared matrix's `Import` entry, for the roles
 * that report workers), not a data-provider resource: it calls importEnrollments itself.
 */
export default {
  list: ImportPage,
  icon: ImportIcon,
};
