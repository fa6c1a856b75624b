import { BLOCKING_FLAGS, PROPOSAL_STATUSES, type ItemDecision, type ProposalFlag, type ProposalStatus } from '@lindung/domain';
import BlockIcon from '@mui/icons-material/Block';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import { Box, Chip, Stack, Tooltip, Typography, type Theme } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { requestSignedIn } from '../../session';
import { choicesOf } from '../workers/registry';

export const proposalStatusChoices = choicesOf(PROPOSAL_STATUSES, 'lindung.proposal.status');

export const isBlocking = (flag: string) => (BLOCKING_FLAGS as readonly string[]).includes(flag);

/** What the pages read of a proposal (the data provider leaves its nested items out). */
export interface ProposalRecord extends RaRecord {
  villageId: string;
  regencyId: string;
  fiscalYear: number;
  months: number;
  status: ProposalStatus;
  totalCost: number;
  approvedCost: number;
  monthlyCost?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  renewsYear?: number | null;
  createdAt?: string;
  updatedAt?: string;
  submittedAt?: string | null;
  decidedAt?: string | null;
  withdrawnAt?: string | null;
}

export interface ProposalItem {
  id: string;
  workerId: string;
  nik: string;
  fullName: string;
  decision: ItemDecision;
  reason: string | null;
  cost: number;
  flags: ProposalFlag[];
}

// Only the fields the pages show: the list may hold 2000 items, and the API prices a query by
// rows × fields (at most 20,000), so every field asked here costs 2000.
const ITEMS = `query ProposalItems($id: ID!) {
  Proposal(id: $id) { id items { id workerId nik fullName decision reason cost flags } }
}`;

/**
 * A proposal's workers with their findings, costs and decisions, asked apart (the data provider
 * leaves nested lists out of its queries). Asked again whenever the proposal changes.
 */
export function useProposalItems(record: { id: RaRecord['id']; updatedAt?: string; status?: string } | undefined) {
  return useQuery({
    queryKey: ['Proposal', 'items', record?.id, record?.updatedAt, record?.status],
    queryFn: async () => {
      const data = await requestSignedIn<{ Proposal: { items: ProposalItem[] } | null }>(ITEMS, { id: record!.id });
      return [...(data.Proposal?.items ?? [])].sort((a, b) => a.fullName.localeCompare(b.fullName));
    },
    enabled: Boolean(record?.id),
  });
}

/**
 * A status in words, never by colour alone: decided ones filled (green approved, orange partly,
 * red refused), the others outlined.
 */
const STATUS_LOOK: Record<ProposalStatus, { color: 'default' | 'success' | 'warning' | 'error' | 'info'; variant: 'filled' | 'outlined' }> = {
  DRAFT: { color: 'default', variant: 'outlined' },
  SUBMITTED: { color: 'info', variant: 'outlined' },
  APPROVED: { color: 'success', variant: 'filled' },
  PARTIALLY_APPROVED: { color: 'warning', variant: 'filled' },
  REJECTED: { color: 'error', variant: 'filled' },
  WITHDRAWN: { color: 'default', variant: 'filled' },
};

/** Dark blue on a light page, light blue on a dark one: the outlined chip's words stay readable (≥ 4.5:1). */
const infoColor = (theme: Theme) => (theme.palette.mode === 'dark' ? theme.palette.info.light : theme.palette.info.dark);
const infoLook = { color: infoColor, borderColor: infoColor };

export const ProposalStatusChip = ({ inLine = false }: { source?: string; label?: string; inLine?: boolean }) => {
  const record = useRecordContext<ProposalRecord>();
  const translate = useTranslate();
  if (!record?.status) return null;
  const look = STATUS_LOOK[record.status] ?? STATUS_LOOK.DRAFT;
  return (
    <Chip
      size="small"
      component="span"
      color={look.color}
      variant={look.variant}
      sx={{ ...(inLine ? { ml: 1 } : {}), ...(look.color === 'warning' ? { color: 'common.black' } : {}), ...(look.color === 'info' ? infoLook : {}) }}
      label={translate(`lindung.proposal.status.${record.status}`, { _: record.status })}
      data-status={record.status}
    />
  );
};

const DECISION_LOOK: Record<ItemDecision, { color: 'default' | 'success' | 'error'; variant: 'filled' | 'outlined' }> = {
  PENDING: { color: 'default', variant: 'outlined' },
  APPROVED: { color: 'success', variant: 'filled' },
  REJECTED: { color: 'error', variant: 'filled' },
};

export const DecisionChip = ({ decision }: { decision: ItemDecision }) => {
  const translate = useTranslate();
  const look = DECISION_LOOK[decision] ?? DECISION_LOOK.PENDING;
  return (
    <Chip
      size="small"
      component="span"
      color={look.color}
      variant={look.variant}
      label={translate(`lindung.proposal.decision.${decision}`, { _: decision })}
      data-decision={decision}
    />
  );
};

/**
 * A verification finding as a chip: its short name, an icon saying whether it blocks approval,
 * and its explanation as a tooltip (focusable, so a keyboard or a tap opens it too). The legend
 * below the table (FlagsLegend) says the same for those who never hover.
 */
export const FlagChip = ({ flag }: { flag: ProposalFlag }) => {
  const translate = useTranslate();
  const blocking = isBlocking(flag);
  const name = translate(`lindung.reason_words.proposal_flag.${flag}`, { _: flag });
  const kind = translate(blocking ? 'lindung.proposal.blocking' : 'lindung.proposal.informing');
  return (
    <Tooltip title={translate(`lindung.proposal.flag_help.${flag}`, { _: '' })} enterTouchDelay={0} arrow>
      <Chip
        size="small"
        component="span"
        tabIndex={0}
        variant="outlined"
        color={blocking ? 'error' : 'default'}
        icon={blocking ? <BlockIcon /> : <InfoIcon />}
        label={name}
        aria-label={`${name} (${kind})`}
        data-flag={flag}
        sx={{ maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }}
      />
    </Tooltip>
  );
};

export const FlagChips = ({ flags }: { flags: readonly ProposalFlag[] }) => {
  const translate = useTranslate();
  if (flags.length === 0) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('lindung.proposal.no_flags')}
      </Typography>
    );
  }
  return (
    <Stack direction="row" component="span" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {flags.map((flag) => (
        <FlagChip key={flag} flag={flag} />
      ))}
    </Stack>
  );
};

/** Each finding shown in the table, with what it means and whether it blocks approval. */
export const FlagsLegend = ({ items }: { items: readonly ProposalItem[] }) => {
  const translate = useTranslate();
  const found = [...new Set(items.flatMap((item) => item.flags))];
  if (found.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="proposal-flags-legend" sx={{ mt: 2 }}>
      <Typography variant="subtitle2" component="h3" id="proposal-flags-legend">
        {translate('lindung.proposal.flags_legend')}
      </Typography>
      <Box component="dl" sx={{ m: 0, '& dt': { fontWeight: 'bold', mt: 1 }, '& dd': { m: 0 } }}>
        {found.map((flag) => (
          <Box key={flag}>
            <Typography component="dt" variant="body2">
              {translate(`lindung.reason_words.proposal_flag.${flag}`, { _: flag })} (
              {translate(isBlocking(flag) ? 'lindung.proposal.blocking' : 'lindung.proposal.informing')})
            </Typography>
            <Typography component="dd" variant="body2">
              {translate(`lindung.proposal.flag_help.${flag}`, { _: '' })}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
};

/** "12 months", "12 bulan". */
export const MonthsField = (_: { source?: string; label?: string }) => {
  const record = useRecordContext<ProposalRecord>();
  const translate = useTranslate();
  if (typeof record?.months !== 'number') return null;
  return (
    <Typography component="span" variant="body2">
      {translate('lindung.proposal.months_value', { smart_count: record.months })}
    </Typography>
  );
};
