import { AutocompleteInput, DateInput, maxLength, NumberInput, ReferenceInput, required, SimpleForm, TextInput, useGetIdentity, type RaRecord } from 'react-admin';
import { nonNegative, wholeNumber } from '../../common/validators';

const searchByQ = (q: string) => ({ q });

/** createCoverageReport's / updateCoverageReport's arguments (the regency is set once). */
export const toCoverageArgs = (data: RaRecord): RaRecord => ({
  id: data.id,
  ...(data.id ? {} : { regencyId: data.regencyId }),
  asOf: data.asOf,
  protectedWorkers: Number(data.protectedWorkers),
  source: String(data.source ?? '').trim(),
});

/** An official figure as published: the regency (an official's own), the day, the number, who published it. */
export const CoverageReportForm = ({ creating = false }: { creating?: boolean }) => {
  const { identity } = useGetIdentity();
  const ownRegency = identity?.regencyId as string | undefined;
  return (
    <SimpleForm noValidate mode="onTouched" defaultValues={creating ? { regencyId: ownRegency } : undefined}>
      <ReferenceInput source="regencyId" reference="Regency" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" filterToQuery={searchByQ} validate={required()} readOnly={!creating || Boolean(ownRegency)} />
      </ReferenceInput>
      <DateInput source="asOf" validate={required()} helperText="lindung.coverage_report.as_of_help" />
      <NumberInput source="protectedWorkers" step={1} validate={[required(), wholeNumber, nonNegative]} helperText="lindung.coverage_report.protected_help" />
      <TextInput source="source" validate={[required(), maxLength(200)]} helperText="lindung.coverage_report.source_help" autoComplete="off" />
    </SimpleForm>
  );
};
