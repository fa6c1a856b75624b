import AuditIcon from '@mui/icons-material/History';
import type { RaRecord } from 'react-admin';
import { formatDateTime } from '../../common/dates';
import { i18nProvider, intlLocale } from '../../i18n';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

/** Read-only: the trail is written by the API, in the transaction of each change. */
export default {
  list: AuditEventList,
  show: AuditEventShow,
  icon: AuditIcon,
  // An event is named by its time, as its list shows it. Called outside a component (no hooks):
  // the language is the provider's, which every page re-renders with when it changes.
  recordRepresentation: (record: RaRecord) => formatDateTime(record.at, intlLocale(i18nProvider.getLocale())),
};
