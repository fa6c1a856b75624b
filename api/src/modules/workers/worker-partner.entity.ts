import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ScopedBy } from '../../core/scope';
import { Worker } from './worker.entity';

/**
 * A partner organisation's tie to a person it reported or enrolled. A partner's view of the
 * registry is made of these: it sees the people it is tied to, never another partner's list.
 */
@Entity('worker_partners')
@ScopedBy({
  kind: 'scoped',
  partner: 'partnerId',
  regency: { parent: () => Worker, via: 'workerId' },
  village: { parent: () => Worker, via: 'workerId' },
})
export class WorkerPartner {
  @PrimaryColumn({ name: 'partner_id', type: 'uuid' })
  partnerId: string;

  @PrimaryColumn({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Column({ name: 'first_reported_at', type: 'timestamptz' })
  firstReportedAt: Date;
}
