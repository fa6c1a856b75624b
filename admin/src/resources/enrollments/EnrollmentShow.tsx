import type { Program } from '@lindung/domain';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  EditButton,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { categoryChoices } from '../../common/choices';
import { LocaleDateField } from '../../common/fields';
import { formatRupiah, RupiahField } from '../../common/money';
import { useShownRecordQuery } from '../../common/useShownRecordQuery';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { DayField } from '../workers/registry';
import { EnrollmentStatusField, fundingSourceChoices, ProgramsField } from './enrollmentFields';
import { WithdrawButton } from './WithdrawButton';

const BREAKDOWN = `query EnrollmentBreakdown($id: ID!) { Enrollment(id: $id) { id contributionBreakdown { program amount } } }`;

interface Breakdown {
  Enrollment: { id: string; contributionBreakdown: Array<{ program: Program; amount: number }> } | null;
}

/**
 * The monthly contribution per program, as the API computed it from the rates in force on the
 * start date (the data provider leaves nested objects out of its queries, so it is asked for here).
 */
const ContributionBreakdown = (_props: { label?: string }) => {
  const record = useRecordContext<{ monthlyContribution?: number }>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const { data } = useShownRecordQuery<Breakdown>('Enrollment', 'contributionBreakdown', BREAKDOWN);
  const parts = data?.Enrollment?.contributionBreakdown;
  if (!parts) return null;
  if (parts.length === 0) return <Typography variant="body2">{translate('lindung.enrollment.breakdown_empty')}</Typography>;
  return (
    <Table size="small" sx={{ width: 'auto', minWidth: { xs: '100%', sm: '22rem' } }} data-contribution-breakdown="">
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            {translate('lindung.enrollment.program')}
          </TableCell>
          <TableCell component="th" scope="col" align="right">
            {translate('lindung.enrollment.amount')}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {parts.map((part) => (
          <TableRow key={part.program}>
            <TableCell>{translate(`lindung.program.${part.program}`)}</TableCell>
            <TableCell align="right">{formatRupiah(part.amount, locale)}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell component="th" scope="row" sx={{ fontWeight: 'bold' }}>
            {translate('resources.Enrollment.fields.monthlyContribution')}
          </TableCell>
          <TableCell align="right" sx={{ fontWeight: 'bold' }}>
            {typeof record?.monthlyContribution === 'number' ? formatRupiah(record.monthlyContribution, locale) : ''}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
};

const EnrollmentShowActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap' }}>
    <EditButton />
    <WithdrawButton />
  </TopToolbar>
);

export const EnrollmentShow = () => (
  <Show actions={<EnrollmentShowActions />}>
    <SimpleShowLayout>
      <ReferenceField source="workerId" reference="Worker" />
      <ReferenceField source="partnerId" reference="PartnerOrganisation" emptyText="—" />
      <EnrollmentStatusField label="resources.Enrollment.fields.status" />
      <SelectField source="category" choices={categoryChoices} />
      <ProgramsField label="resources.Enrollment.fields.programs" />
      <SelectField source="fundingSource" choices={fundingSourceChoices} />
      <DayField source="startDate" />
      <DayField source="endDate" emptyText="—" />
      <RupiahField source="declaredIncome" />
      <TextField source="riskClass" emptyText="—" />
      <RupiahField source="monthlyContribution" />
      <ContributionBreakdown label="resources.Enrollment.fields.contributionBreakdown" />
      <LocaleDateField source="createdAt" showTime />
      <LocaleDateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
