import { AutocompleteInput, DateTimeInput, ReferenceInput, SearchInput, SelectInput, TextInput } from 'react-admin';
import { actionChoices, entityTypeChoices } from './auditFields';
import { fromWitaInput, toWitaInput } from './witaTime';

const searchByQ = (q: string) => ({ q });

/**
 * The trail's filters. The date range is typed in WITA (the program's clock), whatever the
 * browser's time zone, and sent as instants (`atFrom` inclusive, `atTo` exclusive). The actor is
 * chosen among the accounts the caller may read, or — for a role that reads none — typed as an id.
 */
export function auditFilters(readsUsers: boolean) {
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="action" source="action" label="resources.AuditEvent.filters.action" choices={actionChoices} alwaysOn />,
    readsUsers ? (
      <ReferenceInput key="actorId" source="actorId" reference="User" sort={{ field: 'email', order: 'ASC' }}>
        <AutocompleteInput label="resources.AuditEvent.filters.actorId" optionText="email" filterToQuery={searchByQ} />
      </ReferenceInput>
    ) : (
      <TextInput key="actorId" source="actorId" label="resources.AuditEvent.filters.actorId" autoComplete="off" />
    ),
    <SelectInput key="entityType" source="entityType" label="resources.AuditEvent.filters.entityType" choices={entityTypeChoices} />,
    <TextInput key="entityId" source="entityId" label="resources.AuditEvent.filters.entityId" autoComplete="off" />,
    <DateTimeInput key="atFrom" source="atFrom" label="resources.AuditEvent.filters.atFrom" format={toWitaInput} parse={fromWitaInput} />,
    <DateTimeInput key="atTo" source="atTo" label="resources.AuditEvent.filters.atTo" format={toWitaInput} parse={fromWitaInput} />,
  ];
}
