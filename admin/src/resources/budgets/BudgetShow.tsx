import { EditButton, Pagination, ReferenceField, ReferenceManyField, DataTable, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { DateTimeField } from '../../common/dates';
import { LocaleNumberField } from '../../common/fields';
import { RupiahField } from '../../common/money';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { ProposalStatusChip } from '../proposals/proposalFields';
import { CommittedProgress, WorkersProgress, type BudgetRecord } from './BudgetProgress';

const BudgetShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const CommittedHelp = (_: { label?: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('lindung.budget.committed_help')}
    </Typography>
  );
};

/** The fiscal year's proposals of the regency: what the budget has been asked for and committed to. */
const BudgetProposals = (props: { label?: string }) => {
  const record = useRecordContext<BudgetRecord>();
  if (!record) return null;
  return (
    <ReferenceManyField
      {...props}
      reference="Proposal"
      target="regencyId"
      filter={{ fiscalYear: record.fiscalYear }}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={10}
      pagination={<Pagination />}
    >
      <ResponsiveDataTable
        bulkActionButtons={false}
        rowClick="show"
        primaryText={<ReferenceField source="villageId" reference="Village" link={false} />}
        secondaryText={
          <TextLine>
            <RupiahField source="totalCost" />
            <RupiahField source="approvedCost" />
          </TextLine>
        }
        tertiaryText={<ProposalStatusChip inLine />}
      >
        <DataTable.Col source="villageId" label="resources.Proposal.fields.villageId" disableSort>
          <ReferenceField source="villageId" reference="Village" link={false} />
        </DataTable.Col>
        <DataTable.Col source="status" label="resources.Proposal.fields.status">
          <ProposalStatusChip />
        </DataTable.Col>
        <DataTable.Col source="totalCost" label="resources.Proposal.fields.totalCost">
          <RupiahField source="totalCost" />
        </DataTable.Col>
        <DataTable.Col source="approvedCost" label="resources.Proposal.fields.approvedCost">
          <RupiahField source="approvedCost" />
        </DataTable.Col>
      </ResponsiveDataTable>
    </ReferenceManyField>
  );
};

export const BudgetShow = () => (
  <Show actions={<BudgetShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="regencyId" reference="Regency" />
      <TextField source="fiscalYear" />
      <RupiahField source="amount" />
      <RupiahField source="committed" />
      <CommittedHelp />
      <RupiahField source="remaining" />
      <CommittedProgress label="resources.Budget.fields.committed" />
      <LocaleNumberField source="targetWorkers" emptyText="—" />
      <WorkersProgress label="resources.Budget.fields.workersFunded" />
      <DateTimeField source="updatedAt" />
      <BudgetProposals label="resources.Proposal.name" />
    </SimpleShowLayout>
  </Show>
);
