import { AWARD_CRITERIA, type AwardCriterion } from '@lindung/domain';
import { Typography } from '@mui/material';
import { DateInput, FormDataConsumer, maxLength, minValue, NumberInput, required, SelectInput, SimpleForm, TextInput, useTranslate, type RaRecord } from 'react-admin';
import { criterionChoices } from '../awards/awardFields';

/** createAwardWeight's / updateAwardWeight's arguments (the criterion is set once). */
export const toWeightArgs = (data: RaRecord): RaRecord => ({
  id: data.id,
  ...(data.id ? {} : { criterion: data.criterion }),
  weight: Number(data.weight),
  target: Number(data.target),
  validFrom: data.validFrom,
  validTo: data.validTo || null,
  note: String(data.note ?? '').trim() || null,
});

const CriterionHint = ({ criterion }: { criterion?: AwardCriterion }) => {
  const translate = useTranslate();
  if (!criterion || !AWARD_CRITERIA.includes(criterion)) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
      {translate(`lindung.award.criterion_help.${criterion}`)}
    </Typography>
  );
};

export const AwardWeightForm = ({ creating = false }: { creating?: boolean }) => {
  const translate = useTranslate();
  const notBeforeStart = (value: unknown, values: { validFrom?: string }) =>
    typeof value === 'string' && value && values.validFrom && value < values.validFrom
      ? { message: 'lindung.reason.DATE_BEFORE', args: { field: translate('resources.AwardWeight.fields.validFrom') } }
      : undefined;
  return (
    <SimpleForm noValidate mode="onTouched">
      <SelectInput source="criterion" choices={criterionChoices} validate={required()} readOnly={!creating} />
      <FormDataConsumer<{ criterion?: AwardCriterion }>>{({ formData }) => <CriterionHint criterion={formData.criterion} />}</FormDataConsumer>
      <NumberInput source="weight" step={1} validate={[required(), minValue(0)]} helperText="lindung.award_weight.weight_help" />
      <NumberInput source="target" step={0.01} validate={[required(), minValue(0)]} helperText="lindung.award_weight.target_help" />
      <DateInput source="validFrom" validate={required()} />
      <DateInput source="validTo" validate={notBeforeStart} helperText="lindung.award_weight.valid_to_help" />
      <TextInput source="note" multiline minRows={2} validate={maxLength(500)} />
    </SimpleForm>
  );
};
