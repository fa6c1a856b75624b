import { Permission } from '@lindung/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { Relation } from '../../core/relations';
import { LocalDate } from '../../core/scalars';
import { ScopedBy } from '../../core/scope';
import { Regency } from '../regions/regency.entity';
import { REGENCY_WIDE } from '../regions/regency-scope';

/**
 * An official coverage figure as published (BPJS Ketenagakerjaan's, quoted by the press): how many
 * of the regency's workers were protected on a day. One per regency and day; the regency's
 * official keeps them; everyone working in the regency reads them.
 */
@ObjectType({ description: 'An official coverage figure as published' })
@Entity('coverage_reports')
@ScopedBy({ kind: 'scoped', ...REGENCY_WIDE })
export class CoverageReport extends BaseEntity {
  @Field(() => ID)
  @Column({ name: 'regency_id', type: 'uuid' })
  regencyId: string;

  @Field(() => LocalDate)
  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Field(() => Int)
  @Column({ name: 'protected_workers', type: 'int' })
  protectedWorkers: number;

  @Field({ description: 'Who published it, e.g. "BPJS Ketenagakerjaan via Antara"' })
  @Column({ type: 'text' })
  source: string;

  @Relation(() => Regency, { from: 'regencyId', allow: Permission.RegionRead })
  regency?: Regency | null;
}

/** A regional regulation on worker protection (a perbup such as Gianyar's Perbup 35/2025), while in force. */
@ObjectType({ description: 'A regional regulation (perda/perbup) on worker protection' })
@Entity('regulations')
@ScopedBy({ kind: 'scoped', ...REGENCY_WIDE })
export class Regulation extends BaseEntity {
  @Field(() => ID)
  @Column({ name: 'regency_id', type: 'uuid' })
  regencyId: string;

  @Field({ description: 'e.g. "Perbup Gianyar 35/2025 (Perisai Aman)"' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => LocalDate)
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field(() => LocalDate, { nullable: true })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Relation(() => Regency, { from: 'regencyId', allow: Permission.RegionRead })
  regency?: Regency | null;
}
