import type { ProposalStatus } from '@lindung/domain';
import { Alert, Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  DeleteButton,
  EditButton,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useGetOne,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useDateFormatters } from '../../common/dates';
import { formatRupiah, RupiahField } from '../../common/money';
import { useIsPhone } from '../../common/ResponsiveDataTable';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { DecideButton } from './DecideDialog';
import { DecisionChip, FlagChips, FlagsLegend, MonthsField, ProposalStatusChip, useProposalItems, type ProposalItem, type ProposalRecord } from './proposalFields';
import { allows, SubmitProposalButton, WithdrawProposalButton } from './ProposalWorkflow';

/** Each role's own actions only: the village head's on a draft, the official's on a submitted one. */
const ProposalShowActions = () => {
  const record = useRecordContext<ProposalRecord>();
  const draft = allows(record, 'EDIT');
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      {draft && <EditButton />}
      <SubmitProposalButton />
      <WithdrawProposalButton />
      <DecideButton />
      {allows(record, 'DELETE') && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
};

/** "Proposal of Mas, 2026". */
const ProposalTitle = () => {
  const record = useRecordContext<ProposalRecord>();
  const translate = useTranslate();
  const { data: village } = useGetOne('Village', { id: record?.villageId ?? '' }, { enabled: Boolean(record?.villageId) });
  if (!record) return null;
  return <>{translate('lindung.proposal.title', { village: village?.name ?? '…', year: record.fiscalYear })}</>;
};

/** Where the proposal stands, in one sentence, above everything else. */
const StatusNotice = () => {
  const record = useRecordContext<ProposalRecord>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const { day } = useDateFormatters();
  const { data: items } = useProposalItems(record);
  if (!record) return null;
  const status = record.status as ProposalStatus;
  const moment = status === 'SUBMITTED' ? record.submittedAt : status === 'WITHDRAWN' ? record.withdrawnAt : record.decidedAt;
  const approved = (items ?? []).filter((item) => item.decision === 'APPROVED').length;
  const severity = status === 'APPROVED' ? 'success' : status === 'REJECTED' ? 'error' : status === 'PARTIALLY_APPROVED' ? 'warning' : 'info';
  return (
    <Alert severity={severity} sx={{ mb: 1 }} data-proposal-notice={status}>
      {translate(`lindung.proposal.notice.${status}`, {
        date: day(moment, 'long') || '—',
        approved: translate('lindung.proposal.workers_value', { smart_count: approved }),
        total: items?.length ?? 0,
        cost: formatRupiah(record.approvedCost ?? 0, locale),
      })}
    </Alert>
  );
};

/** Drafted, submitted, decided or withdrawn: when, and the period of cover. */
const Timeline = (_: { label?: string }) => {
  const record = useRecordContext<ProposalRecord>();
  const translate = useTranslate();
  const { dateTime, day } = useDateFormatters();
  if (!record) return null;
  const steps = [
    ['created', record.createdAt],
    ['submitted', record.submittedAt],
    ['decided', record.decidedAt],
    ['withdrawn', record.withdrawnAt],
  ].filter(([, at]) => Boolean(at)) as Array<[string, string]>;
  return (
    <Box component="ol" sx={{ m: 0, pl: 2.5 }} data-proposal-timeline="">
      {steps.map(([step, at]) => (
        <Typography component="li" variant="body2" key={step}>
          {translate(`lindung.proposal.timeline.${step}`)}: <time dateTime={at}>{dateTime(at)}</time>
        </Typography>
      ))}
      {record.startDate && record.endDate && ['APPROVED', 'PARTIALLY_APPROVED'].includes(record.status) && (
        <Typography component="li" variant="body2">
          {translate('lindung.proposal.timeline.cover', { start: day(record.startDate, 'long'), end: day(record.endDate, 'long') })}
        </Typography>
      )}
    </Box>
  );
};

/** The proposed workers: NIK (masked as the API gives it), findings, cost, decision and reason. */
const ProposalItems = (_: { label?: string }) => {
  const record = useRecordContext<ProposalRecord>();
  const translate = useTranslate();
  const isPhone = useIsPhone();
  const { data: items, isPending } = useProposalItems(record);
  if (isPending) return <Typography variant="body2">{translate('lindung.proposal.items_loading')}</Typography>;
  if (!items || items.length === 0) {
    return (
      <Alert severity="info" variant="outlined">
        {translate('lindung.proposal.items_empty')}
      </Alert>
    );
  }
  return (
    <Box sx={{ width: '100%' }}>
      {isPhone ? <ItemCards items={items} /> : <ItemTable items={items} />}
      <FlagsLegend items={items} />
    </Box>
  );
};

const ItemTable = ({ items }: { items: ProposalItem[] }) => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const head = ['worker', 'nik', 'flags', 'cost', 'decision', 'reason'];
  return (
    <Table size="small" data-proposal-items="">
      <TableHead>
        <TableRow>
          {head.map((column) => (
            <TableCell key={column} component="th" scope="col" align={column === 'cost' ? 'right' : undefined}>
              {translate(`lindung.proposal.item.${column}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id} data-item={item.fullName}>
            <TableCell component="th" scope="row">
              {item.fullName}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{item.nik}</TableCell>
            <TableCell>
              <FlagChips flags={item.flags} />
            </TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {formatRupiah(item.cost, locale)}
            </TableCell>
            <TableCell>
              <DecisionChip decision={item.decision} />
            </TableCell>
            <TableCell data-item-reason="">{item.reason ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** On a phone: one block per worker, the labels beside the values, nothing to scroll sideways. */
const ItemCards = ({ items }: { items: ProposalItem[] }) => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  return (
    <Stack component="ul" spacing={1} sx={{ m: 0, p: 0, listStyle: 'none' }} data-proposal-items="">
      {items.map((item) => (
        <Box component="li" key={item.id} data-item={item.fullName} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
          <Typography variant="subtitle2" component="h3" sx={{ overflowWrap: 'anywhere' }}>
            {item.fullName}
          </Typography>
          <Typography variant="body2">
            {translate('lindung.proposal.item.nik')}: {item.nik}
          </Typography>
          <Typography variant="body2">
            {translate('lindung.proposal.item.cost')}: {formatRupiah(item.cost, locale)}
          </Typography>
          <Box sx={{ my: 0.5 }}>
            <FlagChips flags={item.flags} />
          </Box>
          <DecisionChip decision={item.decision} />
          {item.reason && (
            <Typography variant="body2" sx={{ mt: 0.5 }} data-item-reason="">
              {translate('lindung.proposal.item.reason')}: {item.reason}
            </Typography>
          )}
        </Box>
      ))}
    </Stack>
  );
};

export const ProposalShow = () => (
  <Show actions={<ProposalShowActions />} title={<ProposalTitle />}>
    <SimpleShowLayout>
      <StatusNotice />
      <ReferenceField source="villageId" reference="Village" />
      <ProposalStatusChip label="resources.Proposal.fields.status" />
      <TextField source="fiscalYear" />
      <MonthsField label="resources.Proposal.fields.months" />
      <RupiahField source="monthlyCost" />
      <RupiahField source="totalCost" />
      <RupiahField source="approvedCost" />
      <RenewsYear label="resources.Proposal.fields.renewsYear" />
      <Timeline label="lindung.proposal.timeline.title" />
      <ProposalItems label="resources.Proposal.fields.items" />
    </SimpleShowLayout>
  </Show>
);

const RenewsYear = (_: { label?: string }) => {
  const record = useRecordContext<ProposalRecord>();
  return record?.renewsYear ? <Typography variant="body2">{record.renewsYear}</Typography> : <Typography variant="body2">—</Typography>;
};
