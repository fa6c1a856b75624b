import { DataTable, FilterButton, List, TextField, TopToolbar, useCanAccess, useTranslate } from 'react-admin';
import { displayTimeZone } from '../../common/dates';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { ServerExportButton } from '../../common/ServerExportButton';
import { ActionField, ActorField, AtField, EntityIdField, EntityTypeField } from './auditFields';
import { auditFilters } from './auditFilters';

const AuditListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ServerExportButton />
  </TopToolbar>
);

/** The trail, newest first; read-only for every role. */
export const AuditEventList = () => {
  const { canAccess: readsUsers, isPending } = useCanAccess({ resource: 'User', action: 'list' });
  const translate = useTranslate();
  if (isPending) return null;
  const zone = displayTimeZone();
  const zoneLabel = (key: string) => translate(key, { zone: zone.abbreviation });
  return (
    <List
      filters={auditFilters(Boolean(readsUsers), zone, zoneLabel)}
      sort={{ field: 'at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={<AuditListActions />}
    >
      <ResponsiveDataTable
        bulkActionButtons={false}
        rowClick="show"
        primaryText={
          <TextLine>
            <ActionField />
            <EntityTypeField />
          </TextLine>
        }
        secondaryText={
          <TextLine>
            <AtField />
            <ActorField />
          </TextLine>
        }
      >
        <DataTable.Col source="at">
          <AtField />
        </DataTable.Col>
        <DataTable.Col source="actorId" disableSort>
          <ActorField />
        </DataTable.Col>
        <DataTable.Col source="action">
          <ActionField />
        </DataTable.Col>
        <DataTable.Col source="entityType">
          <EntityTypeField />
        </DataTable.Col>
        <DataTable.Col source="entityId" disableSort>
          <EntityIdField short />
        </DataTable.Col>
        <DataTable.Col source="reason" disableSort>
          <TextField source="reason" emptyText="—" />
        </DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};
