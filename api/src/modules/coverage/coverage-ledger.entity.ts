import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ScopedBy } from '../../core/scope';

/**
 * A row of the coverage ledger (see the CoverageLedger migration): a change, a day's folded
 * changes or a month's running count of one facet — a village of a regency, whole or by partner
 * type or funding source. Kept by triggers, never written by the application; read through the
 * caller's scope like any table: an official its regency's rows, a village head its village's.
 */
@Entity('coverage_ledger')
// A partner's own contribution is counted over its own enrollments (coverage.service.ts): it reads no ledger row.
@ScopedBy({ kind: 'scoped', regency: 'regencyId', village: 'villageId' })
export class CoverageLedgerEntry {
  @PrimaryColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'regency_id', type: 'uuid' })
  regencyId: string;

  @Column({ name: 'village_id', type: 'uuid' })
  villageId: string;

  @Column({ type: 'text' })
  dimension: 'all' | 'partnerType' | 'fundingSource';

  @Column({ type: 'text' })
  value: string;

  @Column({ type: 'text' })
  kind: 'change' | 'day' | 'month';

  @Column({ type: 'date' })
  day: string;

  @Column({ type: 'int' })
  n: number;

  @Column({ type: 'boolean' })
  last: boolean;
}
