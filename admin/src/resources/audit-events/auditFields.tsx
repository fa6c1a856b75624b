import { AUDIT_ACTIONS } from '@lindung/domain';
import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useCanAccess, useGetManyAggregate, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { DateTimeField } from '../../common/dates';

export interface AuditEventRecord extends RaRecord {
  at: string;
  action: string;
  actorId?: string | null;
  actorRole?: string | null;
  entityType: string;
  entityId?: string | null;
  reason?: string | null;
  changes?: Record<string, unknown> | null;
  requestId?: string | null;
}

/** The record types the trail names (the API's entity names), for the filter and the labels. */
export const ENTITY_TYPES = [
  'PartnerOrganisation',
  'Worker',
  'WorkerPartner',
  'Enrollment',
  'User',
  'ContributionRate',
  'Regency',
  'District',
  'Village',
  'Budget',
  'Proposal',
  'CoverageReport',
  'Regulation',
  'Award',
  'AwardWeight',
  'AuditEvent',
] as const;

export const actionChoices = AUDIT_ACTIONS.map((action) => ({ id: action, name: `resources.AuditEvent.actions.${action}` }));
export const entityTypeChoices = ENTITY_TYPES.map((type) => ({ id: type, name: `resources.AuditEvent.entity_types.${type}` }));

/** Field props SimpleShowLayout and DataTable read (label, sorting); the fields themselves read the record. */
interface AuditFieldProps {
  label?: string;
  source?: string;
  sortable?: boolean;
}

const Text = ({ children }: { children: ReactNode }) => (
  <Typography component="span" variant="body2">
    {children}
  </Typography>
);

/**
 * When it happened, as every time in the portal: `25/11/2026 09.30 WITA` (common/dates), on one
 * line — a time broken after its date is misread in a phone's narrow rows.
 */
export const AtField = (_: AuditFieldProps) => (
  <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
    <DateTimeField source="at" />
  </Box>
);

export const ActionField = (_: AuditFieldProps) => {
  const record = useRecordContext<AuditEventRecord>();
  const translate = useTranslate();
  if (!record?.action) return null;
  return <Text>{translate(`resources.AuditEvent.actions.${record.action}`, { _: record.action })}</Text>;
};

export function useEntityTypeLabel() {
  const translate = useTranslate();
  return (type: string) => translate(`resources.AuditEvent.entity_types.${type}`, { _: type });
}

export const EntityTypeField = (_: AuditFieldProps) => {
  const record = useRecordContext<AuditEventRecord>();
  const label = useEntityTypeLabel();
  if (!record?.entityType) return null;
  return <Text>{label(record.entityType)}</Text>;
};

/**
 * Who did it: the account's email where the caller may read that account (an official reads only
 * the accounts of its regency), else the role the actor had; "System" for changes nobody made.
 * Rows of a page ask for their accounts in one request (useGetManyAggregate).
 */
export const ActorField = (_: AuditFieldProps) => {
  const record = useRecordContext<AuditEventRecord>();
  const translate = useTranslate();
  const { canAccess: readsUsers } = useCanAccess({ resource: 'User', action: 'list' });
  const actorId = record?.actorId ?? null;
  const { data } = useGetManyAggregate('User', { ids: actorId ? [actorId] : [] }, { enabled: Boolean(readsUsers && actorId), retry: false });
  if (!record) return null;
  const account = data?.find((user) => user?.id === actorId) as { email?: string } | undefined;
  const role = record.actorRole ? translate(`lindung.role.${record.actorRole}`, { _: record.actorRole }) : null;
  if (account?.email) return <Text>{account.email}</Text>;
  return <Text>{role ?? translate('resources.AuditEvent.system')}</Text>;
};

/**
 * The record it is about. On a page of its own (`link`), a link to the record when the caller may
 * open it; in a list, the id's first characters (the whole id is in the title and on the event's page).
 */
export const EntityIdField = ({ link = false, short = false }: AuditFieldProps & { link?: boolean; short?: boolean }) => {
  const record = useRecordContext<AuditEventRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: record?.entityType ?? '', action: 'show' });
  const id = record?.entityId;
  if (!id) return <Text>—</Text>;
  const shown = short && id.length > 12 ? `${id.slice(0, 8)}…` : id;
  if (link && canAccess && record) {
    return (
      <Link to={`/${record.entityType}/${encodeURIComponent(id)}/show`} title={translate('resources.AuditEvent.open_record')} sx={{ overflowWrap: 'anywhere' }}>
        {shown}
      </Link>
    );
  }
  return (
    <Typography
      component="span"
      variant="body2"
      title={short ? id : undefined}
      sx={short ? { fontFamily: 'monospace', whiteSpace: 'nowrap' } : { fontFamily: 'monospace', overflowWrap: 'anywhere' }}
    >
      {shown}
    </Typography>
  );
};
