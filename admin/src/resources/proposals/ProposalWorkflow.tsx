import {
  hasPermission,
  MAX_PROPOSAL_MONTHS,
  MIN_PROPOSAL_MONTHS,
  Permission,
  PROPOSAL_TRANSITIONS,
  todayIn,
  type ProposalAction,
  type Role,
} from '@lindung/domain';
import ReplayIcon from '@mui/icons-material/Replay';
import SendIcon from '@mui/icons-material/Send';
import UndoIcon from '@mui/icons-material/Undo';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useId, useState, type ReactElement } from 'react';
import {
  Button,
  Confirm,
  Form,
  maxValue,
  minValue,
  NumberInput,
  required,
  useGetIdentity,
  useLogoutIfAccessDenied,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { messageOf, useSubmitFailure } from '../../common/formErrors';
import { requestSignedIn } from '../../session';
import type { ProposalRecord } from './proposalFields';

const SUBMIT = `mutation SubmitProposal($id: ID!) { submitProposal(id: $id) { id status submittedAt updatedAt } }`;
const WITHDRAW = `mutation WithdrawProposal($id: ID!) { withdrawProposal(id: $id) { id status withdrawnAt updatedAt } }`;
const RENEW = `mutation RenewProposal($villageId: ID!, $fiscalYear: Int!, $months: Int!) {
  renewProposal(villageId: $villageId, fiscalYear: $fiscalYear, months: $months) { id }
}`;

/** Whether the signed-in user holds a permission (the menu's and the API's matrix). */
export function useHolds(permission: Permission): boolean {
  const { identity } = useGetIdentity();
  return hasPermission(identity?.role as Role | undefined, permission);
}

/** Whether the proposal's status allows the action (the state machine of packages/domain). */
export const allows = (record: ProposalRecord | undefined, action: ProposalAction) =>
  Boolean(record?.status && PROPOSAL_TRANSITIONS[action].from.includes(record.status));

interface WorkflowButtonProps {
  action: 'submit' | 'withdraw';
  mutation: string;
  icon: ReactElement;
}

/**
 * A workflow step of the village head's (submit, withdraw), asked for confirmation first: the
 * API's refusal (a proposal without workers, a status that moved meanwhile) in the user's words.
 */
const WorkflowButton = ({ action, mutation, icon }: WorkflowButtonProps) => {
  const record = useRecordContext<ProposalRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const confirm = async () => {
    setBusy(true);
    try {
      await requestSignedIn(mutation, { id: record.id });
      notify(`lindung.proposal.${action === 'submit' ? 'submitted' : 'withdrawn'}`, { type: 'success' });
      refresh();
    } catch (error) {
      if (!(await logoutIfAccessDenied(error))) notify(messageOf(error), { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button label={`lindung.proposal.${action}`} onClick={() => setOpen(true)} disabled={busy} data-action={action}>
        {icon}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={`lindung.proposal.${action}_title`}
        content={`lindung.proposal.${action}_content`}
        confirm={translate(`lindung.proposal.${action}`)}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** DRAFT → SUBMITTED, by the village head (ProposalDraft). */
export const SubmitProposalButton = () => {
  const record = useRecordContext<ProposalRecord>();
  const holds = useHolds(Permission.ProposalDraft);
  if (!holds || !allows(record, 'SUBMIT')) return null;
  return <WorkflowButton action="submit" mutation={SUBMIT} icon={<SendIcon />} />;
};

/** DRAFT or SUBMITTED → WITHDRAWN, by the village head, only before a decision. */
export const WithdrawProposalButton = () => {
  const record = useRecordContext<ProposalRecord>();
  const holds = useHolds(Permission.ProposalDraft);
  if (!holds || !allows(record, 'WITHDRAW')) return null;
  return <WorkflowButton action="withdraw" mutation={WITHDRAW} icon={<UndoIcon />} />;
};

const months = [required(), minValue(MIN_PROPOSAL_MONTHS), maxValue(MAX_PROPOSAL_MONTHS)];

/**
 * renewProposal: a draft for a fiscal year from the village's workers approved the year before,
 * each verified again (and flagged where something changed). The village head's, for its village.
 */
export const RenewButton = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const failed = useSubmitFailure({});
  const villageId = identity?.villageId as string | undefined;
  if (!villageId) return null;
  const nextYear = Number(todayIn().slice(0, 4)) + 1;

  const submit = async (values: { fiscalYear?: number; months?: number }) => {
    setSaving(true);
    try {
      const data = await requestSignedIn<{ renewProposal: { id: string } }>(RENEW, {
        villageId,
        fiscalYear: Number(values.fiscalYear),
        months: Number(values.months),
      });
      setOpen(false);
      notify('lindung.proposal.renewed', { type: 'success' });
      redirect('show', 'Proposal', data.renewProposal.id);
      return undefined;
    } catch (error) {
      return failed(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button label="lindung.proposal.renew" onClick={() => setOpen(true)}>
        <ReplayIcon />
      </Button>
      <Dialog open={open} onClose={() => !saving && setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <Form onSubmit={submit} noValidate defaultValues={{ fiscalYear: nextYear, months: 12 }}>
          <DialogTitle id={titleId}>{translate('lindung.proposal.renew_title')}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate('lindung.proposal.renew_help')}</DialogContentText>
            <NumberInput
              source="fiscalYear"
              resource="Proposal"
              step={1}
              validate={required()}
              helperText="lindung.proposal.form.fiscal_year_help"
              fullWidth
            />
            <NumberInput source="months" resource="Proposal" step={1} validate={months} helperText="lindung.proposal.form.months_help" fullWidth />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)} disabled={saving}>
              {translate('ra.action.cancel')}
            </MuiButton>
            <MuiButton type="submit" variant="contained" disabled={saving}>
              {translate('lindung.proposal.renew')}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
