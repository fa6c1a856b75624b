import { checkNik, Role } from '@lindung/domain';
import { Box } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  FormDataConsumer,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useGetIdentity,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { formatDay, genderChoices, useReasonWords } from './registry';
import { encodedBirthDate, nikFacts, useWorkerValidators, withNik, type WorkerValues } from './workerRules';

const searchByQ = (q: string) => ({ q });

/** Spaces and dots people copy from a KTP are dropped as they type: a NIK is 16 digits. */
const parseNik = (value: string) => (value ? value.replace(/[\s.-]+/g, '') : null);

/**
 * Under the NIK, as it is typed: how many digits so far, then what the NIK encodes (birth date,
 * sex, kecamatan of first registration), or why it cannot be a NIK. Read out politely.
 */
const NikHint = () => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const words = useReasonWords('Worker');
  return (
    <FormDataConsumer<WorkerValues>>
      {({ formData }) => {
        const nik = (formData.nik ?? '').trim();
        let text: string;
        let problem = false;
        if (nik === '') text = translate('lindung.worker.nik_help');
        else if (/^\d{1,15}$/.test(nik)) text = translate('lindung.worker.nik_typing', { count: nik.length });
        else {
          const check = checkNik(nik);
          if (check.ok) {
            text = translate('lindung.worker.nik_encodes', {
              birthDate: formatDay(encodedBirthDate(check.facts), locale, { format: 'long' }),
              gender: translate(`lindung.reason_words.gender.${check.facts.gender}`),
              kecamatan: check.facts.kecamatanCode,
            });
          } else {
            text = words(check.reason);
            problem = true;
          }
        }
        return (
          <Box component="span" aria-live="polite" data-nik-hint="" sx={problem ? { color: 'error.main' } : undefined}>
            {text}
          </Box>
        );
      }}
    </FormDataConsumer>
  );
};

/**
 * createWorker / updateWorker, in one column. The NIK is checked as it is typed (its form: the API
 * adds the region) and fills the birth date and sex it encodes; a birth date or sex typed in must
 * agree with it (the shared rules of packages/domain). Left as shown, they are sent as the NIK says.
 */
export const WorkerForm = ({ creating = false }: { creating?: boolean }) => {
  const record = useRecordContext();
  const validators = useWorkerValidators(record);
  const { identity } = useGetIdentity();
  const isAdmin = identity?.role === Role.ADMIN;
  return (
    // Errors show from the first time a field is left, then as it is typed; no browser bubbles.
    <SimpleForm noValidate mode="onTouched" reValidateMode="onChange">
      <TextInput
        source="nik"
        validate={[required(), validators.nik]}
        parse={parseNik}
        autoComplete="off"
        helperText={<NikHint />}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      />
      <TextInput source="fullName" validate={[required(), validators.fullName]} autoComplete="off" />
      {/* Shown from the NIK until the clerk types something else (which must then agree with it). */}
      <FormDataConsumer<WorkerValues>>
        {({ formData }) => {
          const fromNik = nikFacts(formData.nik) !== null;
          return (
            <>
              <DateInput
                source="birthDate"
                format={(value: string | null) => withNik({ ...formData, birthDate: value }, record).birthDate ?? ''}
                validate={validators.birthDate}
                helperText={fromNik ? 'lindung.worker.birth_date_help' : undefined}
              />
              <SelectInput
                source="gender"
                choices={genderChoices}
                format={(value: string | null) => withNik({ ...formData, gender: value as WorkerValues['gender'] }, record).gender ?? ''}
                validate={validators.gender}
                helperText={fromNik ? 'lindung.worker.gender_help' : undefined}
                emptyText=""
              />
            </>
          );
        }}
      </FormDataConsumer>
      <ReferenceInput source="villageId" reference="Village" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput filterToQuery={searchByQ} validate={required()} noOptionsText="lindung.user.no_scope_options" />
      </ReferenceInput>
      <TextInput source="occupation" validate={validators.occupation} />
      <BooleanInput source="vulnerable" helperText="lindung.worker.vulnerable_help" />
      <TextInput source="phone" type="tel" autoComplete="off" validate={validators.phone} helperText="lindung.worker.phone_help" />
      <TextInput
        source="kpj"
        autoComplete="off"
        validate={validators.kpj}
        helperText="lindung.worker.kpj_help"
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      />
      {/* A partner reports for itself; an admin may say for which organisation. */}
      {creating && isAdmin && (
        <ReferenceInput source="partnerId" reference="PartnerOrganisation" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" filterToQuery={searchByQ} helperText="lindung.worker.partner_help" />
        </ReferenceInput>
      )}
    </SimpleForm>
  );
};
