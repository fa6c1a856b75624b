import { AutocompleteInput, DateTimeInput, ReferenceInput, SearchInput, SelectInput, TextInput } from 'react-admin';
import { fromDateTimeInput, toDateTimeInput, type TimeZoneChoice } from '../../common/dates';
import { actionChoices, entityTypeChoices } from './auditFields';

const searchByQ = (q: string) => ({ q });

/** The words of a filter's label, with the zone its time is typed in (`Sejak (WITA)`). */
type ZoneLabel = (key: string) => string;

/**
 * The trail's filters. The date range is typed on the clock the trail's times are shown in (the
 * display zone of common/dates, named in the labels: a datetime-local input shows no zone) and
 * sent as instants (`atFrom` inclusive, `atTo` exclusive). The actor is chosen among the accounts
 * the caller may read, or — for a role that reads none — typed as an id.
 */
export function auditFilters(readsUsers: boolean, zone: TimeZoneChoice, zoneLabel: ZoneLabel) {
  const format = (value: unknown) => toDateTimeInput(value, zone);
  const parse = (value: unknown) => fromDateTimeInput(value, zone);
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
    <DateTimeInput key="atFrom" source="atFrom" label={zoneLabel('resources.AuditEvent.filters.atFrom')} format={format} parse={parse} />,
    <DateTimeInput key="atTo" source="atTo" label={zoneLabel('resources.AuditEvent.filters.atTo')} format={format} parse={parse} />,
  ];
}
