import { Permission } from '@lindung/domain';
import { Resolver } from 'type-graphql';
import { resourceResolver } from '../../core/resource-resolver';
import { AuditEvent } from './audit-event.entity';
import { AuditEventListArgs } from './audit-event.inputs';
import { auditEventService } from './audit-event.service';

/** The audit trail: read-only for everyone; ADMIN and AUDITOR read it all, an official its regency's. */
@Resolver(() => AuditEvent)
export class AuditEventResolver extends resourceResolver({
  type: AuditEvent,
  plural: 'AuditEvents',
  listArgs: AuditEventListArgs,
  service: auditEventService,
  read: [Permission.AuditRead],
}) {}
