import { Permission } from '@lindung/domain';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Relation } from '../../core/relations';
import { ScopedBy } from '../../core/scope';
import { PartnerOrganisation } from '../partners/partner-organisation.entity';
import { Worker } from './worker.entity';

/**
 * A partner organisation's tie to a person it reported or enrolled. A partner's view of the
 * registry is made of these: it sees the people it is tied to, never another partner's list —
 * and of a person's ties (`Worker.partners`) only its own.
 */
@ObjectType({ description: 'A partner organisation that reported or enrolled a person, and since when' })
@Entity('worker_partners')
@ScopedBy({
  kind: 'scoped',
  partner: 'partnerId',
  regency: { parent: () => Worker, via: 'workerId' },
  village: { parent: () => Worker, via: 'workerId' },
})
export class WorkerPartner {
  @Field(() => ID)
  @PrimaryColumn({ name: 'partner_id', type: 'uuid' })
  partnerId: string;

  @Field(() => ID)
  @PrimaryColumn({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  /** The person's name, kept equal to theirs by the database (a key over both): a partner's list by name is read off its ties. */
  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Field({ description: 'When it first reported or enrolled the person' })
  @Column({ name: 'first_reported_at', type: 'timestamptz' })
  firstReportedAt: Date;

  @Relation(() => PartnerOrganisation, { from: 'partnerId', allow: Permission.PartnerRead })
  partner?: PartnerOrganisation | null;
}
