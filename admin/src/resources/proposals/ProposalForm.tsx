import { coverPeriod, MAX_PROPOSAL_MONTHS, MIN_PROPOSAL_MONTHS, todayIn, vulnerableMonthlyCost } from '@lindung/domain';
import { Alert, Box, Typography } from '@mui/material';
import {
  AutocompleteArrayInput,
  FormDataConsumer,
  Labeled,
  maxValue,
  minValue,
  NumberInput,
  ReferenceArrayInput,
  required,
  SimpleForm,
  useGetIdentity,
  useGetOne,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { formatRupiah } from '../../common/money';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { useRatesInForce } from '../enrollments/enrollmentRules';

/** The form's values: createProposal's arguments (updateProposal takes months and workerIds). */
export interface ProposalValues {
  id?: RaRecord['id'];
  villageId?: string;
  fiscalYear?: number;
  months?: number;
  workerIds?: string[];
}

const monthsRules = [required(), minValue(MIN_PROPOSAL_MONTHS), maxValue(MAX_PROPOSAL_MONTHS)];
const yearRules = [required(), minValue(2000), maxValue(2100)];

/** createProposal's arguments, and nothing else of the form. */
export const toCreateArgs = (data: RaRecord): RaRecord => ({
  id: data.id,
  villageId: data.villageId,
  fiscalYear: Number(data.fiscalYear),
  months: Number(data.months),
  workerIds: data.workerIds ?? [],
});

/** updateProposal's arguments: a draft's months and workers (its village and year stay). */
export const toUpdateArgs = (data: RaRecord): RaRecord => ({ id: data.id, months: Number(data.months), workerIds: data.workerIds ?? [] });

/** A worker in the picker: the name and the NIK (as masked for the caller), which tell namesakes apart. */
const workerOption = (worker: RaRecord) => (worker ? `${worker.fullName} · ${worker.nik}` : '');
const searchByQ = (q: string) => ({ q });

/**
 * The cost the proposal would have if decided today: workers × months × a vulnerable worker's
 * month (BPU JKK + JKM at the lowest bracket, from the rates in force on the first day of cover) —
 * the API's own arithmetic; the page after saving shows the verified figure.
 */
const CostEstimate = ({ values }: { values: ProposalValues }) => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const year = Number(values.fiscalYear);
  const months = Number(values.months);
  const workers = values.workerIds?.length ?? 0;
  const ready = workers > 0 && Number.isInteger(months) && months >= MIN_PROPOSAL_MONTHS && months <= MAX_PROPOSAL_MONTHS && year > 2000;
  const startDate = ready ? coverPeriod(year, months, todayIn()).startDate : null;
  const { rates, isPending, error } = useRatesInForce(startDate);
  const monthly = rates && startDate ? vulnerableMonthlyCost(rates, startDate) : null;
  let body: string;
  if (!ready) body = translate('lindung.proposal.form.estimate_incomplete');
  else if (error || (!isPending && monthly === null)) body = translate('lindung.proposal.form.estimate_unavailable');
  else if (monthly === null) body = '…';
  else
    body = translate('lindung.proposal.form.estimate_line', {
      workers: translate('lindung.proposal.workers_value', { smart_count: workers }),
      months: translate('lindung.proposal.months_value', { smart_count: months }),
      monthly: formatRupiah(monthly, locale),
      total: formatRupiah(monthly * months * workers, locale),
    });
  return (
    <Box
      component="section"
      aria-live="polite"
      aria-labelledby="proposal-estimate-title"
      data-proposal-estimate=""
      sx={{ width: '100%', p: 2, mb: 2, border: 1, borderColor: 'divider', borderRadius: 1, boxSizing: 'border-box' }}
    >
      <Typography variant="subtitle2" component="h2" id="proposal-estimate-title">
        {translate('lindung.proposal.form.estimate')}
      </Typography>
      <Typography variant="body2">{body}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {translate('lindung.proposal.form.after_save')}
      </Typography>
    </Box>
  );
};

/** A note under a read-only input, at full contrast. */
const FixedNote = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mt: -1, mb: 2 }}>
      {translate(text)}
    </Typography>
  );
};

/** The village proposing: the village head's own, shown, not chosen. */
const VillageName = ({ villageId }: { villageId: string }) => {
  const { data } = useGetOne('Village', { id: villageId });
  const translate = useTranslate();
  return (
    <Typography variant="body2" component="span">
      {data ? `${data.name} (${data.code})` : '…'}
      <Typography variant="caption" component="span" color="text.secondary" sx={{ display: 'block' }}>
        {translate('lindung.proposal.form.village_help')}
      </Typography>
    </Typography>
  );
};

/**
 * A village head's draft: its own village (fixed), the fiscal year (fixed once drafted), the months
 * of cover, and the workers — only vulnerable workers living in the village are offered.
 */
export const ProposalForm = ({ creating = false, record }: { creating?: boolean; record?: ProposalValues }) => {
  const { identity, isPending } = useGetIdentity();
  const translate = useTranslate();
  const villageId = (record?.villageId ?? identity?.villageId) as string | undefined;
  if (isPending) return null;
  if (!villageId) {
    return (
      <Alert severity="info" sx={{ m: 2 }}>
        {translate('lindung.proposal.form.no_village')}
      </Alert>
    );
  }
  return (
    <SimpleForm
      noValidate
      mode="onTouched"
      record={record}
      defaultValues={creating ? { villageId, fiscalYear: Number(todayIn().slice(0, 4)), months: 12, workerIds: [] } : undefined}
    >
      <Labeled label="resources.Proposal.fields.villageId">
        <VillageName villageId={villageId} />
      </Labeled>
      <NumberInput
        source="fiscalYear"
        step={1}
        validate={yearRules}
        readOnly={!creating}
        // A read-only input's helper text is greyed below the contrast text needs: the note goes below it instead.
        helperText={creating ? 'lindung.proposal.form.fiscal_year_help' : false}
      />
      {!creating && <FixedNote text="lindung.proposal.form.fiscal_year_fixed" />}
      <NumberInput source="months" step={1} validate={monthsRules} helperText="lindung.proposal.form.months_help" />
      <ReferenceArrayInput
        source="workerIds"
        reference="Worker"
        filter={{ villageId, vulnerable: true }}
        sort={{ field: 'fullName', order: 'ASC' }}
        perPage={50}
      >
        <AutocompleteArrayInput
          optionText={workerOption}
          filterToQuery={searchByQ}
          helperText="lindung.proposal.form.workers_help"
          noOptionsText="lindung.proposal.form.no_workers"
          validate={required()}
          fullWidth
        />
      </ReferenceArrayInput>
      <FormDataConsumer<ProposalValues>>{({ formData }) => <CostEstimate values={formData} />}</FormDataConsumer>
    </SimpleForm>
  );
};
