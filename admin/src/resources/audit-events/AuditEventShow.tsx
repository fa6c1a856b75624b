import { Typography } from '@mui/material';
import { ReferenceField, SelectField, Show, SimpleShowLayout, TextField, useCanAccess, useTranslate } from 'react-admin';
import { roleChoices } from '../../common/choices';
import { useDateFormatters } from '../../common/dates';
import { ActionField, ActorField, AtField, EntityIdField, EntityTypeField } from './auditFields';
import { ChangesField } from './ChangesField';

/** Which clock the event's time is on, in words ("Waktu ditampilkan dalam WITA (Waktu Indonesia Tengah)."). */
const TimeZoneNote = () => {
  const translate = useTranslate();
  const { zone, zoneName } = useDateFormatters();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('resources.AuditEvent.time_zone', { zone: zone.abbreviation, name: zoneName() })}
    </Typography>
  );
};

/** One event: who, when, what, on which record, why, and the values it changed (NIKs masked). */
export const AuditEventShow = () => {
  const { canAccess: readsPartners } = useCanAccess({ resource: 'PartnerOrganisation', action: 'show' });
  return (
    <Show actions={false}>
      <SimpleShowLayout>
        <AtField source="at" label="resources.AuditEvent.fields.at" />
        <TimeZoneNote />
        <ActorField source="actorId" label="resources.AuditEvent.fields.actorId" />
        <SelectField source="actorRole" choices={roleChoices} emptyText="—" />
        <ActionField source="action" label="resources.AuditEvent.fields.action" />
        <EntityTypeField source="entityType" label="resources.AuditEvent.fields.entityType" />
        <EntityIdField source="entityId" label="resources.AuditEvent.fields.entityId" link />
        <TextField source="reason" emptyText="—" />
        {readsPartners && <ReferenceField source="partnerId" reference="PartnerOrganisation" emptyText="—" />}
        <ReferenceField source="regencyId" reference="Regency" emptyText="—" />
        <ChangesField source="changes" label="resources.AuditEvent.fields.changes" />
        <TextField source="requestId" emptyText="—" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }} />
      </SimpleShowLayout>
    </Show>
  );
};
