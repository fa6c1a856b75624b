import { blockingFlags, MIN_REASON_LENGTH, reasonIsEnough, type ProposalFlag } from '@lindung/domain';
import GavelIcon from '@mui/icons-material/Gavel';
import {
  Alert,
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useMemo, useState } from 'react';
import { Button, useGetList, useGetOne, useLogoutIfAccessDenied, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { graphQLErrorsOf } from '../../errors';
import { formatRupiah } from '../../common/money';
import { useIsPhone } from '../../common/ResponsiveDataTable';
import { conflictMessage, fieldReasonMessage, type CodedReason } from '../../i18n/reasons';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { requestSignedIn } from '../../session';
import { FlagChips, useProposalItems, type ProposalItem, type ProposalRecord } from './proposalFields';
import { allows, useHolds } from './ProposalWorkflow';
import { Permission } from '@lindung/domain';

const DECIDE = `mutation DecideProposal($id: ID!, $decisions: [ProposalDecisionInput!]!) {
  decideProposal(id: $id, decisions: $decisions) { id status approvedCost decidedAt updatedAt }
}`;

interface Decision {
  approve: boolean;
  reason: string;
}

/**
 * The regency official's review of a submitted proposal (ProposalDecide): opens a form that
 * decides every worker at once.
 */
export const DecideButton = () => {
  const record = useRecordContext<ProposalRecord>();
  const holds = useHolds(Permission.ProposalDecide);
  const [open, setOpen] = useState(false);
  if (!record || !holds || !allows(record, 'DECIDE')) return null;
  return (
    <>
      <Button label="lindung.proposal.decide" onClick={() => setOpen(true)} variant="contained" data-action="decide">
        <GavelIcon />
      </Button>
      {open && <DecideDialog record={record} onClose={() => setOpen(false)} />}
    </>
  );
};

/**
 * Each worker approved or refused (a blocked one only refused, and told why), a reason for every
 * refusal, and the budget's remaining amount before and after this decision — all before the
 * official confirms. The API's refusal (BUDGET_EXCEEDED with its amounts, a finding that appeared
 * meanwhile) shows in the dialog, naming the workers.
 */
const DecideDialog = ({ record, onClose }: { record: ProposalRecord; onClose: () => void }) => {
  const translate = useTranslate();
  const intlLocale = useIntlLocale();
  const notify = useNotify();
  const refresh = useRefresh();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const isPhone = useIsPhone();
  const titleId = useId();
  const { data: items } = useProposalItems(record);
  const { data: village } = useGetOne('Village', { id: record.villageId });
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const flagWords = (flags: readonly ProposalFlag[]) =>
    new Intl.ListFormat(intlLocale, { type: 'conjunction' }).format(
      flags.map((flag) => translate(`lindung.reason_words.proposal_flag.${flag}`, { _: flag })),
    );
  // Until the official touches a worker: approve whoever can be, refuse the blocked with why.
  const initial = (item: ProposalItem): Decision => {
    const blocked = blockingFlags(item.flags);
    return blocked.length > 0 ? { approve: false, reason: translate('lindung.proposal.blocked_reason', { flags: flagWords(blocked) }) } : { approve: true, reason: '' };
  };
  const decisionOf = (item: ProposalItem) => decisions[item.id] ?? initial(item);
  const change = (item: ProposalItem, next: Partial<Decision>) => setDecisions((all) => ({ ...all, [item.id]: { ...decisionOf(item), ...next } }));

  const list = items ?? [];
  const approved = list.filter((item) => decisionOf(item).approve);
  const approvedCost = approved.reduce((sum, item) => sum + item.cost, 0);
  const problems = Object.fromEntries(
    list.filter((item) => !decisionOf(item).approve && !reasonIsEnough(decisionOf(item).reason.trim())).map((item) => [item.id, true]),
  );
  const names = useMemo(() => Object.fromEntries((items ?? []).flatMap((item) => [[item.id, item.fullName], [item.workerId, item.fullName]])), [items]);

  const confirm = async () => {
    setTried(true);
    setFailure(null);
    if (Object.keys(problems).length > 0 || list.length === 0) return;
    setSaving(true);
    try {
      await requestSignedIn(DECIDE, {
        id: record.id,
        decisions: list.map((item) => {
          const decision = decisionOf(item);
          return { itemId: item.id, approve: decision.approve, reason: decision.reason.trim() || null };
        }),
      });
      notify('lindung.proposal.decided', { type: 'success' });
      onClose();
      refresh();
    } catch (error) {
      if (await logoutIfAccessDenied(error)) return;
      setFailure(decisionFailure(error, { translate, intlLocale, resource: 'Proposal', names }));
    } finally {
      setSaving(false);
    }
  };

  const approveAll = () =>
    setDecisions(Object.fromEntries(list.map((item) => [item.id, blockingFlags(item.flags).length > 0 ? initial(item) : { approve: true, reason: '' }])));

  return (
    <Dialog open onClose={() => !saving && onClose()} aria-labelledby={titleId} fullWidth maxWidth="md" fullScreen={isPhone} data-decide-dialog="">
      <DialogTitle id={titleId}>
        {translate('lindung.proposal.decide_title', { village: village?.name ?? '…', year: record.fiscalYear })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate('lindung.proposal.decide_help')}</DialogContentText>
        {!items ? (
          <Typography variant="body2">{translate('lindung.proposal.items_loading')}</Typography>
        ) : (
          <>
            <MuiButton size="small" onClick={approveAll} sx={{ mb: 1 }}>
              {translate('lindung.proposal.approve_all')}
            </MuiButton>
            <Stack spacing={2} component="div">
              {list.map((item) => (
                <ItemDecisionInput
                  key={item.id}
                  item={item}
                  decision={decisionOf(item)}
                  onChange={(next) => change(item, next)}
                  showProblem={tried && Boolean(problems[item.id])}
                  blockedWords={flagWords(blockingFlags(item.flags))}
                />
              ))}
            </Stack>
            <BudgetImpact record={record} approvedCost={approvedCost} approvedCount={approved.length} refusedCount={list.length - approved.length} />
          </>
        )}
        {failure && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert" data-decision-failure="">
            {translate('lindung.proposal.decision_failed')} {failure}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <MuiButton onClick={onClose} disabled={saving}>
          {translate('ra.action.cancel')}
        </MuiButton>
        <MuiButton variant="contained" onClick={confirm} disabled={saving || !items || list.length === 0}>
          {translate('lindung.proposal.confirm')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};

interface ItemDecisionInputProps {
  item: ProposalItem;
  decision: Decision;
  onChange: (next: Partial<Decision>) => void;
  showProblem: boolean;
  blockedWords: string;
}

/** One worker: who, what verification found, approve or refuse, and the reason. */
const ItemDecisionInput = ({ item, decision, onChange, showProblem, blockedWords }: ItemDecisionInputProps) => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const labelId = useId();
  const reasonId = useId();
  const blocked = blockingFlags(item.flags).length > 0;
  return (
    <FormControl
      component="fieldset"
      data-decision-item={item.fullName}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, m: 0, minWidth: 0 }}
    >
      <FormLabel component="legend" id={labelId} sx={{ px: 0.5, color: 'text.primary', overflowWrap: 'anywhere' }}>
        {item.fullName} · {item.nik} · {formatRupiah(item.cost, locale)}
      </FormLabel>
      <Box sx={{ mb: 1 }}>
        <FlagChips flags={item.flags} />
      </Box>
      <RadioGroup
        row
        aria-labelledby={labelId}
        value={decision.approve ? 'approve' : 'refuse'}
        onChange={(event) => onChange({ approve: event.target.value === 'approve' })}
      >
        <FormControlLabel value="approve" control={<Radio />} label={translate('lindung.proposal.approve')} disabled={blocked} />
        <FormControlLabel value="refuse" control={<Radio />} label={translate('lindung.proposal.refuse')} />
      </RadioGroup>
      {blocked && (
        <Typography variant="body2" color="text.secondary">
          {translate('lindung.proposal.blocked_reason', { flags: blockedWords })}
        </Typography>
      )}
      {!decision.approve && (
        <TextField
          id={reasonId}
          label={translate('lindung.proposal.refusal_reason')}
          value={decision.reason}
          onChange={(event) => onChange({ reason: event.target.value })}
          multiline
          minRows={2}
          fullWidth
          required
          margin="dense"
          error={showProblem}
          helperText={translate('lindung.proposal.refusal_help', { min: MIN_REASON_LENGTH })}
          slotProps={{ htmlInput: { 'data-reason-for': item.fullName } }}
        />
      )}
    </FormControl>
  );
};

/** The fiscal year's budget now, what this decision commits, and what is left after it. */
const BudgetImpact = ({
  record,
  approvedCost,
  approvedCount,
  refusedCount,
}: {
  record: ProposalRecord;
  approvedCost: number;
  approvedCount: number;
  refusedCount: number;
}) => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const { data, isPending } = useGetList('Budget', {
    filter: { regencyId: record.regencyId, fiscalYear: record.fiscalYear },
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'fiscalYear', order: 'DESC' },
  });
  const budget = data?.[0] as { name?: string; remaining?: number } | undefined;
  const after = budget && typeof budget.remaining === 'number' ? budget.remaining - approvedCost : null;
  let body;
  if (isPending) body = <Typography variant="body2">{translate('lindung.proposal.budget.loading')}</Typography>;
  else if (!budget) body = <Alert severity="warning">{translate('lindung.proposal.budget.none', { year: record.fiscalYear })}</Alert>;
  else {
    const rows: Array<[string, string, boolean?]> = [
      [translate('lindung.proposal.budget.remaining_now'), formatRupiah(budget.remaining ?? 0, locale)],
      [
        `${translate('lindung.proposal.budget.this_decision')} (${translate('lindung.proposal.summary', { approved: approvedCount, refused: refusedCount })})`,
        formatRupiah(approvedCost, locale),
      ],
      [translate('lindung.proposal.budget.remaining_after'), formatRupiah(after ?? 0, locale), true],
    ];
    body = (
      <>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {budget.name}
        </Typography>
        <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: '1fr auto', columnGap: 2, rowGap: 0.5 }}>
          {rows.map(([label, value, strong]) => (
            <Box key={label} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" sx={{ fontWeight: strong ? 'bold' : undefined }}>
                {label}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, textAlign: 'right', fontWeight: strong ? 'bold' : undefined }} data-budget-figure="">
                {value}
              </Typography>
            </Box>
          ))}
        </Box>
        {after !== null && after < 0 && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {translate('lindung.proposal.budget.exceeds', { amount: formatRupiah(-after, locale) })}
          </Alert>
        )}
      </>
    );
  }
  return (
    <Box
      component="section"
      aria-labelledby="decision-budget-title"
      aria-live="polite"
      data-budget-impact=""
      sx={{ mt: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}
    >
      <Typography variant="subtitle2" component="h3" id="decision-budget-title" sx={{ mb: 0.5 }}>
        {translate('lindung.proposal.budget.title')}
      </Typography>
      {body}
    </Box>
  );
};

/**
 * Why the API refused the decision, in the user's words, naming the workers rather than their
 * ids: a CONFLICT's reason (BUDGET_EXCEEDED with its amounts), or the `decisions` field's reason.
 */
function decisionFailure(error: unknown, context: Parameters<typeof conflictMessage>[1]): string {
  const first = graphQLErrorsOf(error)[0];
  if (!first) return context.translate('lindung.auth.server_unreachable');
  const extensions = first.extensions ?? {};
  if (extensions.code === 'CONFLICT' && typeof extensions.reason === 'string') {
    return conflictMessage({ code: extensions.reason, params: extensions.params as Record<string, unknown> | undefined }, context) ?? first.message;
  }
  if (extensions.code === 'BAD_USER_INPUT') {
    const reasons = (extensions.reasons ?? {}) as Record<string, CodedReason>;
    const words = Object.values(reasons)
      .map((reason) => fieldReasonMessage(reason, context))
      .filter(Boolean);
    if (words.length > 0) return words.join(' ');
    return Object.values(extensions.fields ?? {}).join(' ') || first.message;
  }
  return context.translate(`lindung.error.${extensions.code}`, { _: first.message });
}
