import { Alert, Typography } from '@mui/material';
import { Edit, useRecordContext, useTranslate } from 'react-admin';
import { useProposalItems, type ProposalRecord } from './proposalFields';
import { ProposalForm, toUpdateArgs } from './ProposalForm';
import { allows } from './ProposalWorkflow';

/** The draft with its workers (read apart: the data provider leaves the items out); a proposal past its draft says why it cannot change. */
const ProposalEditForm = () => {
  const record = useRecordContext<ProposalRecord>();
  const translate = useTranslate();
  const { data: items } = useProposalItems(record);
  if (record && !allows(record, 'EDIT')) {
    return (
      <Alert severity="info" sx={{ m: 2 }}>
        {translate('lindung.proposal.not_editable', { status: translate(`lindung.reason_words.status.${record.status}`, { _: record.status }) })}
      </Alert>
    );
  }
  // Words, not react-admin's Loading (its spinner has no accessible name).
  if (!record || !items) return <Typography sx={{ m: 2 }}>{translate('lindung.proposal.items_loading')}</Typography>;
  return <ProposalForm record={{ ...record, workerIds: items.map((item) => item.workerId) }} />;
};

// Pessimistic: the API's refusals (a worker of another village, a proposal submitted meanwhile) come back at once.
export const ProposalEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toUpdateArgs}>
    <ProposalEditForm />
  </Edit>
);
