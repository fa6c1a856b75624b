import { Permission } from '@lindung/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { asNumber } from '../../core/columns';
import { Relation } from '../../core/relations';
import { Money } from '../../core/scalars';
import { ScopedBy } from '../../core/scope';
import { Regency } from '../regions/regency.entity';
import { REGENCY_WIDE } from '../regions/regency-scope';


/**
 * A regency's allocation for vulnerable workers' JKK + JKM in one fiscal year — one per regency
 * and year. Its `committed` amount grows only through decisions on proposals and the database
 * keeps it within `amount` (a CHECK, and a conditional update under the row's lock). An APBD
 * Perubahan amends the amount, never below what is committed.
 */
@ObjectType({ description: "A regency's budget for vulnerable workers in one fiscal year" })
@Entity('budgets')
@ScopedBy({ kind: 'scoped', regency: REGENCY_WIDE.regency, village: REGENCY_WIDE.village })
export class Budget extends BaseEntity {
  @Field(() => ID)
  @Column({ name: 'regency_id', type: 'uuid' })
  regencyId: string;

  @Field(() => Int)
  @Column({ name: 'fiscal_year', type: 'int' })
  fiscalYear: number;

  @Field({ description: 'e.g. "APBD Perubahan 2025"' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => Money)
  @Column({ type: 'bigint', transformer: asNumber })
  amount: number;

  @Field(() => Money, { description: 'Committed by approved proposals; changed only by decisions' })
  @Column({ type: 'bigint', transformer: asNumber, update: false, insert: false })
  committed: number;

  @Field(() => Money, { description: 'amount − committed' })
  get remaining(): number {
    return this.amount - this.committed;
  }

  @Field(() => Int, { nullable: true, description: 'Vulnerable workers the budget aims to fund' })
  @Column({ name: 'target_workers', type: 'int', nullable: true })
  targetWorkers: number | null;

  @Field(() => Int, { description: 'Workers approved against it' })
  @Column({ name: 'workers_funded', type: 'int', update: false, insert: false })
  workersFunded: number;

  @Relation(() => Regency, { from: 'regencyId', allow: Permission.RegionRead })
  regency?: Regency | null;
}
