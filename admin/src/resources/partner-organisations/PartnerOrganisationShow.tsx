import { ENROLLMENT_STATUSES, PartnerStatus } from '@lindung/domain';
import { Alert } from '@mui/material';
import {
  BooleanField,
  DataTable,
  EditButton,
  EmailField,
  FunctionField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { categoryChoices, partnerTypeChoices, roleChoices } from '../../common/choices';
import { LocaleDateField, LocaleNumberField } from '../../common/fields';
import { RupiahField } from '../../common/money';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { PartnerStatusButton } from './PartnerStatusButtons';
import { PartnerStatusChip } from './PartnerStatusChip';

// The Enrollment pages' words for the statuses (resources/enrollments/messages.ts).
const enrollmentStatusChoices = ENROLLMENT_STATUSES.map((status) => ({ id: status, name: `lindung.enrollment.status.${status}` }));

const PartnerShowActions = () => (
  <TopToolbar>
    <PartnerStatusButton />
    <EditButton />
  </TopToolbar>
);

/** Why and since when a suspended organisation is suspended, above everything else. */
const SuspendedNotice = () => {
  const record = useRecordContext<RaRecord & { status?: string; statusReason?: string | null; statusChangedAt?: string | null }>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  if (record?.status !== PartnerStatus.SUSPENDED) return null;
  const date = record.statusChangedAt ? new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(record.statusChangedAt)) : '—';
  return (
    <Alert severity="warning" sx={{ mb: 1 }}>
      {translate('lindung.partner.suspended_notice', { date, reason: record.statusReason ?? '—' })}
    </Alert>
  );
};

const PartnerUsers = (props: { label?: string }) => (
  <ReferenceManyField {...props} reference="User" target="partnerId" sort={{ field: 'email', order: 'ASC' }} perPage={10} pagination={<Pagination />}>
    <ResponsiveDataTable
      bulkActionButtons={false}
      rowClick="show"
      empty={<EmptyText text="lindung.partner.no_users" />}
      primaryText={(record) => record.fullName || record.email}
      secondaryText={(record) => record.email}
      tertiaryText={(record) => (record.active ? '' : '✕')}
    >
      <DataTable.Col source="email" />
      <DataTable.Col source="fullName" />
      <DataTable.Col source="role">
        <SelectField source="role" choices={roleChoices} />
      </DataTable.Col>
      <DataTable.Col source="active">
        <BooleanField source="active" />
      </DataTable.Col>
    </ResponsiveDataTable>
  </ReferenceManyField>
);

const PartnerWorkers = (props: { label?: string }) => (
  <ReferenceManyField {...props} reference="Worker" target="partnerId" sort={{ field: 'fullName', order: 'ASC' }} perPage={10} pagination={<Pagination />}>
    <ResponsiveDataTable
      bulkActionButtons={false}
      rowClick="show"
      empty={<EmptyText text="lindung.partner.no_workers" />}
      primaryText={(record) => record.fullName}
      tertiaryText={(record) => record.nik}
      secondaryText={<ReferenceField source="villageId" reference="Village" link={false} />}
    >
      <DataTable.Col source="fullName" />
      <DataTable.Col source="nik" disableSort />
      <DataTable.Col source="villageId" disableSort>
        <ReferenceField source="villageId" reference="Village" link={false} />
      </DataTable.Col>
      <DataTable.Col source="vulnerable">
        <BooleanField source="vulnerable" />
      </DataTable.Col>
    </ResponsiveDataTable>
  </ReferenceManyField>
);

const WorkerName = ({ link }: { link?: false }) => (
  <ReferenceField source="workerId" reference="Worker" link={link === false ? false : 'show'}>
    <TextField source="fullName" />
  </ReferenceField>
);

const programsOf = (record: { programs?: string[] }) => (record.programs ?? []).join(', ');

const PartnerEnrollments = (props: { label?: string }) => (
  <ReferenceManyField {...props} reference="Enrollment" target="partnerId" sort={{ field: 'startDate', order: 'DESC' }} perPage={10} pagination={<Pagination />}>
    <ResponsiveDataTable
      bulkActionButtons={false}
      rowClick="show"
      empty={<EmptyText text="lindung.partner.no_enrollments" />}
      primaryText={<WorkerName link={false} />}
      tertiaryText={<SelectField source="status" choices={enrollmentStatusChoices} className="RaSimpleList-tertiary" />}
      secondaryText={
        <TextLine>
          <SelectField source="category" choices={categoryChoices} />
          <FunctionField render={programsOf} />
          <LocaleDateField source="startDate" />
        </TextLine>
      }
    >
      <DataTable.Col source="workerId" disableSort>
        <WorkerName />
      </DataTable.Col>
      <DataTable.Col source="category">
        <SelectField source="category" choices={categoryChoices} />
      </DataTable.Col>
      <DataTable.Col source="programs" disableSort>
        <FunctionField render={programsOf} />
      </DataTable.Col>
      <DataTable.Col source="status">
        <SelectField source="status" choices={enrollmentStatusChoices} />
      </DataTable.Col>
      <DataTable.Col source="startDate">
        <LocaleDateField source="startDate" />
      </DataTable.Col>
      <DataTable.Col source="monthlyContribution">
        <RupiahField source="monthlyContribution" />
      </DataTable.Col>
    </ResponsiveDataTable>
  </ReferenceManyField>
);

const EmptyText = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Alert severity="info" variant="outlined" sx={{ my: 1 }}>
      {translate(text)}
    </Alert>
  );
};

export const PartnerOrganisationShow = () => {
  // The related lists of the roles that may read them (a partner reads no accounts).
  const workers = useCanAccess({ resource: 'Worker', action: 'list' }).canAccess;
  const enrollments = useCanAccess({ resource: 'Enrollment', action: 'list' }).canAccess;
  const users = useCanAccess({ resource: 'User', action: 'list' }).canAccess;
  return (
    <Show actions={<PartnerShowActions />}>
      <SimpleShowLayout>
        <SuspendedNotice />
        <TextField source="name" />
        <SelectField source="type" choices={partnerTypeChoices} />
        <PartnerStatusChip label="resources.PartnerOrganisation.fields.status" />
        <TextField source="npp" emptyText="—" />
        <ReferenceField source="regencyId" reference="Regency" />
        <ReferenceField source="villageId" reference="Village" emptyText="—" />
        <TextField source="address" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
        <TextField source="contactName" emptyText="—" />
        <TextField source="contactPhone" emptyText="—" />
        <EmailField source="contactEmail" emptyText="—" />
        <TextField source="statusReason" emptyText="—" />
        <LocaleDateField source="statusChangedAt" showTime emptyText="—" />
        <LocaleNumberField source="workerCount" />
        <LocaleNumberField source="activeEnrollmentCount" />
        <LocaleDateField source="createdAt" showTime />
        <LocaleDateField source="updatedAt" showTime />
        {workers && <PartnerWorkers label="resources.PartnerOrganisation.fields.workers" />}
        {enrollments && <PartnerEnrollments label="resources.PartnerOrganisation.fields.enrollments" />}
        {users && <PartnerUsers label="resources.PartnerOrganisation.fields.users" />}
      </SimpleShowLayout>
    </Show>
  );
};
