import { AutocompleteInput, DateInput, maxLength, ReferenceInput, required, SimpleForm, TextInput, useGetIdentity, useTranslate, type RaRecord } from 'react-admin';

const searchByQ = (q: string) => ({ q });

/** createRegulation's / updateRegulation's arguments (the regency is set once). */
export const toRegulationArgs = (data: RaRecord): RaRecord => ({
  id: data.id,
  ...(data.id ? {} : { regencyId: data.regencyId }),
  title: String(data.title ?? '').trim(),
  validFrom: data.validFrom,
  validTo: data.validTo || null,
});

export const RegulationForm = ({ creating = false }: { creating?: boolean }) => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const ownRegency = identity?.regencyId as string | undefined;
  const notBeforeStart = (value: unknown, values: { validFrom?: string }) =>
    typeof value === 'string' && value && values.validFrom && value < values.validFrom
      ? { message: 'lindung.reason.DATE_BEFORE', args: { field: translate('resources.Regulation.fields.validFrom') } }
      : undefined;
  return (
    <SimpleForm noValidate mode="onTouched" defaultValues={creating ? { regencyId: ownRegency } : undefined}>
      <ReferenceInput source="regencyId" reference="Regency" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" filterToQuery={searchByQ} validate={required()} readOnly={!creating || Boolean(ownRegency)} />
      </ReferenceInput>
      <TextInput source="title" validate={[required(), maxLength(300)]} helperText="lindung.regulation.title_help" autoComplete="off" />
      <DateInput source="validFrom" validate={required()} />
      <DateInput source="validTo" validate={notBeforeStart} helperText="lindung.regulation.valid_to_help" />
    </SimpleForm>
  );
};
