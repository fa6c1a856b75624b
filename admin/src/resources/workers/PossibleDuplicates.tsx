import { hasPermission, MIN_REASON_LENGTH, Permission, type Role } from '@lindung/domain';
import CallSplitIcon from '@mui/icons-material/CallSplit';
import { Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Link,
  Pagination,
  RecordContextProvider,
  ReferenceField,
  ReferenceManyField,
  useCreatePath,
  useGetIdentity,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { ReasonDialog } from './ReasonDialog';
import { formatDay } from './registry';
import { requestSignedIn } from '../../session';

const MARK_DISTINCT = `mutation MarkWorkersDistinct($workerId: ID!, $otherWorkerId: ID!, $reason: String!) {
  markWorkersDistinct(workerId: $workerId, otherWorkerId: $otherWorkerId, reason: $reason) { id possibleDuplicate }
}`;

type WorkerRecord = RaRecord & { fullName?: string; birthDate?: string; nik?: string; villageId?: string };

/** "These are different people", for one other worker, with a reason (audited). */
const MarkDistinctButton = ({ worker, other }: { worker: WorkerRecord; other: WorkerRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const locale = useIntlLocale();
  const [open, setOpen] = useState(false);
  const mark = async (reason: string) => {
    await requestSignedIn(MARK_DISTINCT, { workerId: worker.id, otherWorkerId: other.id, reason });
    setOpen(false);
    notify('lindung.worker.mark_distinct_done', { type: 'success' });
    refresh();
  };
  return (
    <>
      <Button
        label="lindung.worker.mark_distinct"
        aria-label={translate('lindung.worker.mark_distinct_of', { name: `${other.fullName} (${other.nik})` })}
        onClick={() => setOpen(true)}
      >
        <CallSplitIcon />
      </Button>
      <ReasonDialog
        open={open}
        onClose={() => setOpen(false)}
        title={translate('lindung.worker.mark_distinct_title')}
        help={translate('lindung.worker.mark_distinct_help', { name: worker.fullName, birthDate: formatDay(worker.birthDate, locale, { format: 'long' }) })}
        reasonHelp={translate('lindung.worker.mark_distinct_reason_help', { min: MIN_REASON_LENGTH })}
        confirmLabel="lindung.worker.mark_distinct_confirm"
        onSubmit={mark}
      />
    </>
  );
};

/** The other workers of the list, one line each (the same on a phone), with the action beside. */
const DuplicateLines = ({ worker, mayResolve }: { worker: WorkerRecord; mayResolve: boolean }) => {
  const { data, isPending } = useListContext<WorkerRecord>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const createPath = useCreatePath();
  if (isPending) return null;
  if (!data?.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('lindung.worker.no_duplicates')}
      </Typography>
    );
  }
  return (
    <List dense disablePadding>
      {data.map((other) => (
        <RecordContextProvider key={other.id} value={other}>
          <ListItem disableGutters sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
            <ListItemText
              sx={{ minWidth: 0, flex: '1 1 14rem', overflowWrap: 'anywhere' }}
              primary={<Link to={createPath({ resource: 'Worker', id: other.id, type: 'show' })}>{other.fullName}</Link>}
              secondary={
                <>
                  {other.nik} · {formatDay(other.birthDate, locale)} ·{' '}
                  <ReferenceField source="villageId" reference="Village" link={false} />
                </>
              }
              slotProps={{ secondary: { component: 'span', sx: { display: 'block' } } }}
            />
            {mayResolve && <MarkDistinctButton worker={worker} other={other} />}
          </ListItem>
        </RecordContextProvider>
      ))}
    </List>
  );
};

/**
 * Shown when a worker is flagged: the others with the same name and birth date (`duplicateOf`),
 * and for the roles that decide it (Permission.DuplicateResolve) a way to say they are different people.
 */
export const PossibleDuplicates = (_props: { label?: string }) => {
  const worker = useRecordContext<WorkerRecord & { possibleDuplicate?: boolean }>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!worker?.possibleDuplicate) return null;
  const mayResolve = hasPermission(identity?.role as Role | undefined, Permission.DuplicateResolve);
  return (
    <Box data-possible-duplicates="">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('lindung.worker.duplicates_help')}
      </Typography>
      <ReferenceManyField reference="Worker" target="duplicateOf" sort={{ field: 'fullName', order: 'ASC' }} perPage={10} pagination={<Pagination />}>
        <DuplicateLines worker={worker} mayResolve={mayResolve} />
      </ReferenceManyField>
    </Box>
  );
};
