import { AuditAction, Permission, Role } from '@lindung/domain';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Relation } from '../../core/relations';
import { CountedBy } from '../../core/row-counts';
import { ScopedBy } from '../../core/scope';
import { User } from '../users/user.entity';

registerEnumType(AuditAction, { name: 'AuditAction' });

/**
 * One entry of the audit trail, written in the same transaction as the change it records (see
 * core/audit.ts). Append-only: the database refuses to change or delete it, for every role. It
 * carries the scope ids of the record it is about, so an official's view needs no join.
 */
@CountedBy({ all: { relation: 'audit_events', column: '' }, regency: { relation: 'audit_events', column: 'regency_id' } })
@ObjectType({ description: 'Who did what, when (read-only)' })
@Entity('audit_events')
@ScopedBy({ kind: 'scoped', regency: 'regencyId' })
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Field(() => Role, { nullable: true })
  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole: Role | null;

  @Field(() => AuditAction)
  @Column({ type: 'text' })
  action: AuditAction;

  @Field()
  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Values written (create), changed as { from, to } (update) or removed (delete); NIKs masked' })
  @Column({ type: 'jsonb', nullable: true })
  changes: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'regency_id', type: 'uuid', nullable: true })
  regencyId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'village_id', type: 'uuid', nullable: true })
  villageId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'partner_id', type: 'uuid', nullable: true })
  partnerId: string | null;

  @Relation(() => User, { from: 'actorId', allow: Permission.UserRead })
  actor?: User | null;
}
