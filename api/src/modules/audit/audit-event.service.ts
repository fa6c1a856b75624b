import type { SelectQueryBuilder } from 'typeorm';
import { whereEquals } from '../../core/list';
import { ResourceReader } from '../../core/resource';
import { AuditEvent } from './audit-event.entity';
import type { AuditEventFilter } from './audit-event.inputs';

/** Read side only: the trail is written by core/audit.ts, in the transaction of each change. */
export class AuditEventService extends ResourceReader<AuditEvent, AuditEventFilter> {
  protected readonly entity = AuditEvent;
  protected readonly typeName = 'AuditEvent';
  protected readonly alias = 'event';
  protected readonly sortable = { id: 'id', at: 'at', action: 'action', entityType: 'entityType', actorRole: 'actorRole' };
  protected readonly defaultSort = 'at';
  protected readonly searchColumns = ['event.entityType', 'event.entityId', 'event.reason'];

  protected applyFilter(qb: SelectQueryBuilder<AuditEvent>, filter: AuditEventFilter): void {
    whereEquals(qb, 'event.actorId', filter.actorId);
    whereEquals(qb, 'event.action', filter.action);
    whereEquals(qb, 'event.entityType', filter.entityType);
    whereEquals(qb, 'event.entityId', filter.entityId);
    whereEquals(qb, 'event.regencyId', filter.regencyId);
    if (filter.atFrom) qb.andWhere('event.at >= :atFrom', { atFrom: filter.atFrom });
    if (filter.atTo) qb.andWhere('event.at < :atTo', { atTo: filter.atTo });
  }
}

export const auditEventService = new AuditEventService();
