import { Typography } from '@mui/material';
import {
  AutocompleteInput,
  FormDataConsumer,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
  useGetIdentity,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { formatRupiah } from '../../common/money';
import { nonNegative, wholeNumber, wholeRupiah } from '../../common/validators';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import type { BudgetRecord } from './BudgetProgress';

const searchByQ = (q: string) => ({ q });

/** createBudget's arguments. */
export const toCreateArgs = (data: RaRecord): RaRecord => ({
  id: data.id,
  regencyId: data.regencyId,
  fiscalYear: Number(data.fiscalYear),
  name: String(data.name ?? '').trim(),
  amount: Number(data.amount),
  targetWorkers: data.targetWorkers ?? null,
});

/**
 * updateBudget's arguments: the name and target, and the amount only with the document that
 * amends it (never `committed`, which only decisions change).
 */
export const toUpdateArgs = (data: RaRecord, options?: { previousData?: RaRecord }): RaRecord => {
  const args: RaRecord = { id: data.id, name: String(data.name ?? '').trim(), targetWorkers: data.targetWorkers ?? null };
  const amended = options?.previousData ? Number(data.amount) !== Number(options.previousData.amount) : true;
  if (amended) {
    args.amount = Number(data.amount);
    args.amendment = String(data.amendment ?? '').trim();
  }
  return args;
};

/** Shown once the amount changes: the document that amends it (the API refuses an amendment without). */
const AmendmentInput = ({ previousAmount }: { previousAmount: number }) => {
  const validate = (value: unknown, values: { amount?: number }) =>
    Number(values.amount) !== previousAmount && (typeof value !== 'string' || value.trim() === '') ? 'lindung.budget.amendment_required' : undefined;
  return (
    <FormDataConsumer<{ amount?: number }>>
      {({ formData }) =>
        Number(formData.amount) !== previousAmount ? (
          <TextInput source="amendment" validate={[validate, maxLength(200)]} helperText="lindung.budget.amendment_help" autoComplete="off" />
        ) : null
      }
    </FormDataConsumer>
  );
};

/**
 * A budget: its regency (an official's own, fixed) and fiscal year, set once; its document's name,
 * its amount and its target. On edit, a changed amount asks for the amending document.
 */
export const BudgetForm = ({ creating = false }: { creating?: boolean }) => {
  const record = useRecordContext<BudgetRecord>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const ownRegency = identity?.regencyId as string | undefined;
  return (
    <SimpleForm
      noValidate
      mode="onTouched"
      defaultValues={creating ? { regencyId: ownRegency, fiscalYear: new Date().getFullYear() } : undefined}
    >
      <ReferenceInput source="regencyId" reference="Regency" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput
          optionText="name"
          filterToQuery={searchByQ}
          validate={required()}
          readOnly={!creating || Boolean(ownRegency)}
        />
      </ReferenceInput>
      <NumberInput
        source="fiscalYear"
        step={1}
        validate={[required(), minValue(2000), maxValue(2100)]}
        readOnly={!creating}
        helperText={false}
      />
      {!creating && (
        // Not as the read-only input's helper text, which is greyed below the contrast text needs.
        <Typography variant="body2" color="text.secondary" sx={{ mt: -1, mb: 2 }}>
          {translate('lindung.budget.fiscal_year_fixed')}
        </Typography>
      )}
      <TextInput source="name" validate={[required(), maxLength(200)]} helperText="lindung.budget.name_help" autoComplete="off" />
      <NumberInput
        source="amount"
        step={1_000_000}
        validate={[required(), wholeRupiah, nonNegative]}
        helperText={
          creating || !record
            ? 'lindung.budget.amount_help'
            : translate('lindung.budget.amount_edit_help', { committed: formatRupiah(record.committed ?? 0, locale) })
        }
      />
      {!creating && record && <AmendmentInput previousAmount={record.amount} />}
      <NumberInput source="targetWorkers" step={1} validate={[wholeNumber, nonNegative]} helperText="lindung.budget.target_help" />
    </SimpleForm>
  );
};
