import { hasPermission, Permission, type Role } from '@lindung/domain';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NumberInput,
  ReferenceField,
  SelectInput,
  TopToolbar,
  useGetIdentity,
  useTranslate,
} from 'react-admin';
import { ServerExportButton } from '../../common/ServerExportButton';
import { DateTimeField } from '../../common/dates';
import { RupiahField } from '../../common/money';
import { useRegionFilters } from '../../common/RegionFilterInputs';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { MonthsField, proposalStatusChoices, ProposalStatusChip, type ProposalRecord } from './proposalFields';
import { EndingCover } from './EndingCover';
import { RenewButton } from './ProposalWorkflow';

/** Creating and renewing are a village head's (ProposalDraft); the others read. */
const ProposalListActions = () => {
  const { identity } = useGetIdentity();
  const drafts = hasPermission(identity?.role as Role | undefined, Permission.ProposalDraft);
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <FilterButton />
      {drafts && <CreateButton />}
      {drafts && <RenewButton />}
      <ServerExportButton />
    </TopToolbar>
  );
};

export const ProposalList = () => {
  // The village filter: an official's villages, anyone's for an admin or auditor, none for a village head.
  const villageFilters = useRegionFilters({ levels: ['village'] });
  const filters = [
    <SelectInput key="status" source="status" label="resources.Proposal.filters.status" choices={proposalStatusChoices} alwaysOn />,
    <NumberInput key="fiscalYear" source="fiscalYear" label="resources.Proposal.filters.fiscalYear" step={1} alwaysOn sx={{ maxWidth: '10rem' }} />,
    ...villageFilters,
  ];
  return (
    <>
      <EndingCover />
      <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={false} actions={<ProposalListActions />}>
        <ResponsiveDataTable
          rowClick="show"
          bulkActionButtons={false}
          primaryText={<ReferenceField source="villageId" reference="Village" link={false} />}
          secondaryText={(record: ProposalRecord) => <PhoneLine record={record} />}
          tertiaryText={<ProposalStatusChip inLine />}
        >
          <DataTable.Col source="villageId" disableSort>
            <ReferenceField source="villageId" reference="Village" link={false} />
          </DataTable.Col>
          <DataTable.Col source="fiscalYear" />
          <DataTable.Col source="months">
            <MonthsField />
          </DataTable.Col>
          <DataTable.Col source="status">
            <ProposalStatusChip />
          </DataTable.Col>
          <DataTable.Col source="totalCost">
            <RupiahField source="totalCost" />
          </DataTable.Col>
          <DataTable.Col source="approvedCost">
            <RupiahField source="approvedCost" />
          </DataTable.Col>
          <DataTable.Col source="submittedAt">
            <DateTimeField source="submittedAt" emptyText="—" />
          </DataTable.Col>
        </ResponsiveDataTable>
      </List>
    </>
  );
};

/** A phone's second line: the fiscal year, the months, the total cost. */
const PhoneLine = ({ record }: { record: ProposalRecord }) => {
  const translate = useTranslate();
  return (
    <TextLine>
      <span>{record.fiscalYear}</span>
      <span>{translate('lindung.proposal.months_value', { smart_count: record.months })}</span>
      <RupiahField source="totalCost" />
    </TextLine>
  );
};
