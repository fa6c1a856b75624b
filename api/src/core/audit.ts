import { AuditAction } from '@lindung/domain';
import {
  EventSubscriber,
  type EntityManager,
  type EntityMetadata,
  type EntitySubscriberInterface,
  type InsertEvent,
  type ObjectLiteral,
  type RemoveEvent,
  type UpdateEvent,
} from 'typeorm';
import type { RequestContext } from './context';
import { maskRecord } from './sensitive';
import { requestContextOf } from './transaction';

/**
 * The audit trail: who did what to which record, when, in the same transaction as the change.
 * Every entity written through the entity manager (save, remove) is recorded by the subscriber
 * below — no service has to remember it; bulk writes in SQL (imports) and actions that change no
 * row (revealing a NIK, an export) call `recordAudit` themselves. Sensitive values are masked
 * in every diff (core/sensitive.ts); columns never selected (password hashes) never appear.
 */
export interface AuditScope {
  regencyId: string | null;
  villageId: string | null;
  partnerId: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  changes?: Record<string, unknown> | null;
  reason?: string | null;
  scope: AuditScope;
}

type ScopeOf = (row: ObjectLiteral, em: EntityManager) => AuditScope | Promise<AuditScope>;
const scopeReaders = new Map<Function, ScopeOf>();

/**
 * Class decorator: how to find the scope ids (regency, village, partner) of a record, so that
 * its audit events can be scoped without a join. Without it, the record's own `regencyId`,
 * `villageId` and `partnerId` properties are used.
 */
export function AuditScopeOf(scopeOf: ScopeOf): ClassDecorator {
  return (target) => {
    scopeReaders.set(target, scopeOf);
  };
}

const ownScope: ScopeOf = (row) => ({
  regencyId: (row.regencyId as string | undefined) ?? null,
  villageId: (row.villageId as string | undefined) ?? null,
  partnerId: (row.partnerId as string | undefined) ?? null,
});

/** Entities whose changes are not record changes (the trail itself). */
const UNAUDITED = new Set(['AuditEvent']);

/**
 * The one statement shape that writes audit events, from a SELECT of (actor id, actor role,
 * action, entity type, entity id, changes, reason, request id, regency, village, partner). Bulk
 * writes select from the rows they have just written, in the same statement.
 */
export function auditInsertSql(select: string): string {
  return `INSERT INTO audit_events (actor_id, actor_role, action, entity_type, entity_id, changes, reason, request_id, regency_id, village_id, partner_id)
     ${select}`;
}

/** Writes audit events, set-based: one statement whatever their number. */
export async function recordAudit(ctx: RequestContext, entries: AuditEntry[], em: EntityManager = ctx.em): Promise<void> {
  if (entries.length === 0) return;
  await em.query(
    auditInsertSql(`SELECT $1::uuid, $2, e.action, e.entity_type, e.entity_id, e.changes, e.reason, $3, e.regency_id, e.village_id, e.partner_id
     FROM jsonb_to_recordset($4::jsonb) AS e(action text, entity_type text, entity_id text, changes jsonb, reason text,
                                              regency_id uuid, village_id uuid, partner_id uuid)`),
    [
      ctx.actor?.id ?? null,
      ctx.actor?.role ?? null,
      ctx.requestId,
      JSON.stringify(
        entries.map((entry) => ({
          action: entry.action,
          entity_type: entry.entityType,
          entity_id: entry.entityId,
          changes: entry.changes ?? null,
          reason: entry.reason ?? null,
          regency_id: entry.scope.regencyId,
          village_id: entry.scope.villageId,
          partner_id: entry.scope.partnerId,
        })),
      ),
    ],
  );
}

/** The values of a record's audited columns (no timestamps, nothing unselectable), masked. */
export function auditedValues(metadata: EntityMetadata, row: ObjectLiteral): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const column of metadata.columns) {
    if (!column.isSelect || column.isCreateDate || column.isUpdateDate || column.isPrimary) continue;
    const value = row[column.propertyName];
    if (value !== undefined) values[column.propertyName] = normalise(value);
  }
  return maskRecord(metadata.target as Function, values);
}

/** Only the columns that changed, as `{ from, to }`, masked. */
export function auditedDiff(metadata: EntityMetadata, before: ObjectLiteral, after: ObjectLiteral): Record<string, { from: unknown; to: unknown }> {
  const from = auditedValues(metadata, before);
  const to = auditedValues(metadata, after);
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(to)) {
    if (JSON.stringify(from[key] ?? null) !== JSON.stringify(to[key] ?? null)) diff[key] = { from: from[key] ?? null, to: to[key] };
  }
  return diff;
}

function normalise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

export async function auditScopeOf(target: Function, row: ObjectLiteral, em: EntityManager): Promise<AuditScope> {
  return (scopeReaders.get(target) ?? ownScope)(row, em);
}

const intents = new WeakMap<object, { action: AuditAction; reason: string | null }>();

/**
 * Names the action of the next save of this record (SUSPEND rather than UPDATE, say) and the
 * reason the caller gave; the subscriber still writes the diff.
 */
export function auditAs<T extends object>(record: T, action: AuditAction, reason: string | null = null): T {
  intents.set(record, { action, reason });
  return record;
}

@EventSubscriber()
export class AuditSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    await this.record(event, AuditAction.CREATE, event.entity, () => auditedValues(event.metadata, event.entity));
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    // Criteria updates (`em.update`) carry no record to compare: services write records with save.
    if (!event.entity || !event.databaseEntity) return;
    const after = { ...event.databaseEntity, ...event.entity };
    const diff = auditedDiff(event.metadata, event.databaseEntity, after);
    if (Object.keys(diff).length === 0) return;
    const intent = intents.get(event.entity);
    intents.delete(event.entity);
    await this.record(event, intent?.action ?? AuditAction.UPDATE, after, () => diff, intent?.reason);
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const row = event.databaseEntity ?? event.entity;
    if (!row) return;
    const id = event.entityId ?? row.id;
    await this.record(event, AuditAction.DELETE, { ...row, id }, () => auditedValues(event.metadata, row));
  }

  private async record(
    event: { queryRunner: { data?: unknown }; metadata: EntityMetadata; manager: EntityManager },
    action: AuditAction,
    row: ObjectLiteral,
    changes: () => Record<string, unknown>,
    reason: string | null = null,
  ): Promise<void> {
    const ctx = requestContextOf(event.queryRunner);
    const target = event.metadata.target as Function;
    if (!ctx || UNAUDITED.has(event.metadata.name)) return;
    const entry: AuditEntry = {
      action,
      entityType: event.metadata.name,
      entityId: row.id ?? null,
      changes: changes(),
      reason,
      scope: await auditScopeOf(target, row, event.manager),
    };
    await recordAudit(ctx, [entry], event.manager);
  }
}
