import { awardeeKind, type AwardCategory } from '@lindung/domain';
import {
  AutocompleteInput,
  FormDataConsumer,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  type RaRecord,
} from 'react-admin';
import { wholeNumber } from '../../common/validators';
import { categoryChoices, levelChoices } from './awardFields';

const searchByQ = (q: string) => ({ q });

/** createAward's / updateAward's arguments: the awardee of the category's kind only, the others emptied. */
export const toAwardArgs = (data: RaRecord): RaRecord => {
  const kind = data.category ? awardeeKind(data.category as AwardCategory) : null;
  return {
    id: data.id,
    year: Number(data.year),
    level: data.level,
    category: data.category,
    rank: Number(data.rank),
    regencyId: kind === 'REGENCY' ? (data.regencyId ?? null) : null,
    partnerId: kind === 'PARTNER' ? (data.partnerId ?? null) : null,
    province: kind === 'PROVINCE' ? String(data.province ?? '').trim() || null : null,
    score: data.score ?? null,
    note: String(data.note ?? '').trim() || null,
  };
};

/** The awardee's input for the chosen category: a province by name, a regency, or a partner organisation. */
const AwardeeInput = ({ category }: { category?: AwardCategory }) => {
  if (!category) return null;
  switch (awardeeKind(category)) {
    case 'PROVINCE':
      return <TextInput source="province" validate={[required(), maxLength(100)]} autoComplete="off" />;
    case 'REGENCY':
      return (
        <ReferenceInput source="regencyId" reference="Regency" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" filterToQuery={searchByQ} validate={required()} />
        </ReferenceInput>
      );
    default:
      return (
        <ReferenceInput source="partnerId" reference="PartnerOrganisation" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" filterToQuery={searchByQ} validate={required()} />
        </ReferenceInput>
      );
  }
};

export const AwardForm = ({ creating = false }: { creating?: boolean }) => (
  <SimpleForm noValidate mode="onTouched" defaultValues={creating ? { level: 'PROVINCE', rank: 1 } : undefined}>
    <NumberInput source="year" step={1} validate={[required(), minValue(2017), maxValue(2100)]} />
    <SelectInput source="level" choices={levelChoices} validate={required()} />
    <SelectInput source="category" choices={categoryChoices} validate={required()} />
    <FormDataConsumer<{ category?: AwardCategory }>>{({ formData }) => <AwardeeInput category={formData.category} />}</FormDataConsumer>
    <NumberInput source="rank" step={1} validate={[required(), wholeNumber, minValue(1)]} />
    <NumberInput source="score" step={0.01} />
    <TextInput source="note" multiline minRows={2} validate={maxLength(500)} />
  </SimpleForm>
);
