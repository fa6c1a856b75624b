import { Category, ENROLLMENT_TRANSITIONS, PROGRAMS_BY_CATEGORY, Role, type EnrollmentStatus } from '@lindung/domain';
import { Typography } from '@mui/material';
import {
  AutocompleteInput,
  CheckboxGroupInput,
  DateInput,
  FormDataConsumer,
  NumberInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  Toolbar,
  useGetIdentity,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { categoryChoices } from '../../common/choices';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { formatDay, today } from '../workers/registry';
import { ContributionPreview } from './ContributionPreview';
import { WithdrawButton } from './WithdrawButton';
import { enrollmentStatusChoices, fundingSourceChoices } from './enrollmentFields';
import {
  effectivePrograms,
  riskClassesOf,
  useEnrollmentValidators,
  useRatesInForce,
  type EnrollmentValues,
} from './enrollmentRules';

const searchByQ = (q: string) => ({ q });

/** A worker in the picker: the name, with the birth date that tells two namesakes apart. */
const useWorkerOption = () => {
  const locale = useIntlLocale();
  return (worker: RaRecord) => (worker ? [worker.fullName, formatDay(worker.birthDate, locale)].filter(Boolean).join(' · ') : '');
};

interface InputsProps {
  values: EnrollmentValues;
  creating: boolean;
  isAdmin: boolean;
  /** The status the enrollment has now (edit): the choices are it and its allowed next ones. */
  currentStatus?: EnrollmentStatus;
}

const EnrollmentInputs = ({ values, creating, isAdmin, currentStatus }: InputsProps) => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const workerOption = useWorkerOption();
  const { rates, isPending, error } = useRatesInForce(values.startDate);
  const validators = useEnrollmentValidators(rates);
  const category = values.category ?? null;
  const allowed = category ? PROGRAMS_BY_CATEGORY[category] : null;
  const programChoices = allowed
    ? effectivePrograms(category, [...allowed.required, ...allowed.optional]).map((program) => ({
        id: program,
        name: `lindung.program.${program}`,
        disabled: allowed.required.includes(program),
      }))
    : [];
  const riskClassChoices = riskClassesOf(rates).map(({ bracket, percent }) => ({
    id: bracket,
    name:
      percent === null
        ? translate(`lindung.enrollment.risk_class.${bracket}`, { _: bracket })
        : translate('lindung.enrollment.risk_class_choice', {
            name: translate(`lindung.enrollment.risk_class.${bracket}`, { _: bracket }),
            percent: new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(percent),
          }),
  }));
  const statuses = currentStatus ? [currentStatus, ...ENROLLMENT_TRANSITIONS[currentStatus]] : [];

  return (
    <>
      <ReferenceInput source="workerId" reference="Worker" sort={{ field: 'fullName', order: 'ASC' }}>
        <AutocompleteInput
          optionText={workerOption}
          filterToQuery={searchByQ}
          validate={required()}
          readOnly={!creating}
          noOptionsText="lindung.user.no_scope_options"
        />
      </ReferenceInput>
      {creating && isAdmin && (
        <ReferenceInput source="partnerId" reference="PartnerOrganisation" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" filterToQuery={searchByQ} helperText="lindung.enrollment.partner_help" />
        </ReferenceInput>
      )}
      <SelectInput source="category" choices={categoryChoices} validate={required()} />
      {allowed ? (
        <CheckboxGroupInput
          source="programs"
          choices={programChoices}
          format={(ticked: EnrollmentValues['programs']) => effectivePrograms(category, ticked)}
          validate={validators.programs}
          helperText="lindung.enrollment.programs_help"
          row={false}
        />
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('lindung.enrollment.choose_category')}
        </Typography>
      )}
      {category === Category.PU && (
        <SelectInput
          source="riskClass"
          choices={riskClassChoices}
          translateChoice={false}
          validate={validators.riskClass}
          helperText="lindung.enrollment.risk_class_help"
          isPending={isPending}
        />
      )}
      <SelectInput source="fundingSource" choices={fundingSourceChoices} validate={required()} />
      <DateInput source="startDate" validate={required()} />
      <DateInput source="endDate" validate={validators.endDate} />
      <NumberInput
        source="declaredIncome"
        step={1000}
        validate={[required(), validators.declaredIncome]}
        helperText="lindung.enrollment.declared_income_help"
      />
      {currentStatus && (
        <SelectInput
          source="status"
          choices={enrollmentStatusChoices.filter((choice) => statuses.includes(choice.id as EnrollmentStatus))}
          validate={required()}
          readOnly={statuses.length === 1}
          helperText={statuses.length === 1 ? 'lindung.enrollment.status_final' : 'lindung.enrollment.status_help'}
        />
      )}
      <ContributionPreview values={values} rates={rates} ratesPending={isPending} ratesFailed={Boolean(error)} />
    </>
  );
};

/** Saving, and withdrawing a registration not yet confirmed (no deleting a later one: it is ended). */
const EditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <WithdrawButton />
  </Toolbar>
);

/**
 * createEnrollment / updateEnrollment in one column. The programs offered are the category's
 * (the required ones ticked and fixed); the contribution is computed as the form is filled in,
 * from the rates in force on the start date. Editing offers only the status moves the workflow allows.
 */
export const EnrollmentForm = ({ creating = false }: { creating?: boolean }) => {
  const record = useRecordContext<RaRecord & { status?: EnrollmentStatus }>();
  const { identity } = useGetIdentity();
  const isAdmin = identity?.role === Role.ADMIN;
  return (
    <SimpleForm
      noValidate
      mode="onTouched"
      reValidateMode="onChange"
      defaultValues={creating ? { startDate: today(), programs: [] } : undefined}
      toolbar={creating ? undefined : <EditToolbar />}
    >
      <FormDataConsumer<EnrollmentValues>>
        {({ formData }) => (
          <EnrollmentInputs values={formData} creating={creating} isAdmin={isAdmin} currentStatus={creating ? undefined : record?.status} />
        )}
      </FormDataConsumer>
    </SimpleForm>
  );
};
