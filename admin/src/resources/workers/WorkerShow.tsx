import AddIcon from '@mui/icons-material/Add';
import { Box, List, ListItem, ListItemText, Button as MuiButton, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  BooleanField,
  DataTable,
  DeleteButton,
  EditButton,
  Link,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { categoryChoices } from '../../common/choices';
import { useDateFormatters } from '../../common/dates';
import { LocaleDateField } from '../../common/fields';
import { RupiahField } from '../../common/money';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { useShownRecordQuery } from '../../common/useShownRecordQuery';
import { EnrollmentStatusField, ProgramsField } from '../enrollments/enrollmentFields';
import { PossibleDuplicates } from './PossibleDuplicates';
import { DayField, genderChoices, PossibleDuplicateChip } from './registry';
import { RevealNikButton } from './RevealNikButton';

// Each button shows only for the roles that may use it (canAccess; the NIK reveal: Permission.NikReveal).
const WorkerShowActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap' }}>
    <RevealNikButton />
    <EditButton />
    <DeleteButton mutationMode="pessimistic" />
  </TopToolbar>
);

/** The NIK as the API gives it to this role: whole, or masked (first 6 and last 4 digits). */
const NikField = (_props: { label?: string }) => (
  <TextField source="nik" sx={{ fontFamily: 'monospace', letterSpacing: '0.03em' }} data-nik="" />
);

/**
 * To the enrollment form with the worker filled in (react-admin's CreateButton's location state), for
 * the roles that report; a plain button in the section (CreateButton turns into a floating one on a phone).
 */
const EnrollButton = ({ workerId }: { workerId: string }) => {
  const { canAccess } = useCanAccess({ resource: 'Enrollment', action: 'create' });
  const createPath = useCreatePath();
  const translate = useTranslate();
  if (!canAccess) return null;
  return (
    <MuiButton
      component={Link}
      to={createPath({ resource: 'Enrollment', type: 'create' })}
      state={{ record: { workerId } }}
      variant="outlined"
      startIcon={<AddIcon />}
      sx={{ mt: 1 }}
    >
      {translate('lindung.worker.enroll')}
    </MuiButton>
  );
};

/** The worker's enrollments, and for the roles that report a button to enroll them (prefilled). */
const WorkerEnrollments = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box>
      <ReferenceManyField
        reference="Enrollment"
        target="workerId"
        sort={{ field: 'startDate', order: 'DESC' }}
        perPage={10}
        pagination={<Pagination />}
        empty={<Box sx={{ typography: 'body2', color: 'text.secondary', py: 1 }}>{translate('lindung.worker.no_enrollments')}</Box>}
      >
        <ResponsiveDataTable
          bulkActionButtons={false}
          rowClick="show"
          primaryText={<ProgramsField chips={false} />}
          secondaryText={
            <TextLine>
              <SelectField source="category" choices={categoryChoices} />
              <DayField source="startDate" />
              <RupiahField source="monthlyContribution" />
            </TextLine>
          }
          tertiaryText={<EnrollmentStatusField inLine />}
        >
          <DataTable.Col source="programs" disableSort>
            <ProgramsField />
          </DataTable.Col>
          <DataTable.Col source="category">
            <SelectField source="category" choices={categoryChoices} />
          </DataTable.Col>
          <DataTable.Col source="startDate">
            <DayField source="startDate" />
          </DataTable.Col>
          <DataTable.Col source="endDate">
            <DayField source="endDate" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="monthlyContribution">
            <RupiahField source="monthlyContribution" />
          </DataTable.Col>
          <DataTable.Col source="status">
            <EnrollmentStatusField />
          </DataTable.Col>
        </ResponsiveDataTable>
      </ReferenceManyField>
      <EnrollButton workerId={String(record.id)} />
    </Box>
  );
};

const PARTNERS = `query WorkerPartners($id: ID!) { Worker(id: $id) { id partners { partnerId firstReportedAt partner { id name type } } } }`;

interface WorkerTies {
  Worker: {
    id: string;
    partners: Array<{ partnerId: string; firstReportedAt: string; partner: { id: string; name: string; type: string } | null }>;
  } | null;
}

/**
 * The partner organisations that reported or enrolled the person, first one first, as the API
 * shows them to this role: a partner only itself, a village head or an official all of them —
 * named where the organisation lies within its own area (the data provider leaves nested
 * objects out of its queries, so they are asked for here).
 */
const WorkerPartners = () => {
  const translate = useTranslate();
  const { day } = useDateFormatters();
  const createPath = useCreatePath();
  const { canAccess: mayOpenPartner } = useCanAccess({ resource: 'PartnerOrganisation', action: 'show' });
  const { data } = useShownRecordQuery<WorkerTies>('Worker', 'partners', PARTNERS);
  const ties = data?.Worker?.partners;
  if (!ties) return null;
  if (ties.length === 0) {
    return <Typography variant="body2" color="text.secondary">{translate('lindung.worker.no_partners')}</Typography>;
  }
  return (
    <List dense disablePadding data-worker-partners="">
      {ties.map(({ partnerId, partner, firstReportedAt }) => {
        const name = partner?.name ?? translate('lindung.worker.partner_elsewhere');
        const since = translate('lindung.worker.partner_since', { day: day(firstReportedAt, 'long') });
        return (
          <ListItem key={partnerId} disableGutters>
            <ListItemText
              primary={partner && mayOpenPartner ? <Link to={createPath({ resource: 'PartnerOrganisation', id: partner.id, type: 'show' })}>{name}</Link> : name}
              secondary={partner ? `${translate(`lindung.partner_type.${partner.type}`)} · ${since}` : since}
            />
          </ListItem>
        );
      })}
    </List>
  );
};

/** A part of the page below the worker's fields, under its own heading. */
const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ px: 2, pb: 2 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate(title, { smart_count: 2 })}
      </Typography>
      {children}
    </Box>
  );
};

/** The other possible people, only when the worker is flagged. */
const DuplicatesSection = () => {
  const record = useRecordContext<{ possibleDuplicate?: boolean }>();
  if (!record?.possibleDuplicate) return null;
  return (
    <Section title="resources.Worker.fields.duplicates">
      <PossibleDuplicateChip />
      <Box sx={{ mt: 1 }}>
        <PossibleDuplicates />
      </Box>
    </Section>
  );
};

export const WorkerShow = () => (
  <Show actions={<WorkerShowActions />}>
    <SimpleShowLayout>
      <NikField label="resources.Worker.fields.nik" />
      <TextField source="fullName" />
      <DayField source="birthDate" />
      <SelectField source="gender" choices={genderChoices} />
      <ReferenceField source="villageId" reference="Village" />
      <ReferenceField source="regencyId" reference="Regency" />
      <TextField source="occupation" emptyText="—" />
      <BooleanField source="vulnerable" />
      <TextField source="phone" emptyText="—" />
      <TextField source="kpj" emptyText="—" />
      <LocaleDateField source="createdAt" showTime />
      <LocaleDateField source="updatedAt" showTime />
    </SimpleShowLayout>
    <DuplicatesSection />
    <Section title="resources.Worker.fields.enrollments">
      <WorkerEnrollments />
    </Section>
    <Section title="resources.Worker.fields.partners">
      <WorkerPartners />
    </Section>
  </Show>
);
