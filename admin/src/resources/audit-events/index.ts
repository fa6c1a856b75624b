import AuditIcon from '@mui/icons-material/History';
import type { RaRecord } from 'react-admin';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';
import { formatWita } from './witaTime';

/** Read-only: the trail is written by the API, in the transaction of each change. */
export default {
  list: AuditEventList,
  show: AuditEventShow,
  icon: AuditIcon,
  recordRepresentation: (record: RaRecord) => formatWita(record.at),
};
