import { Category, Program } from '@lindung/domain';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { asNumber } from '../../core/columns';
import { LocalDate, Money } from '../../core/scalars';
import { ScopedBy } from '../../core/scope';

registerEnumType(Program, { name: 'Program', description: 'JKK work accident, JKM death, JHT old age, JP pension, JKP job loss' });
registerEnumType(Category, { name: 'Category', description: 'PU wage earners, BPU informal workers, JAKON construction, PMI migrant workers' });


/**
 * One dated parameter of BPJS Ketenagakerjaan's contributions: a percentage of the base (wage,
 * declared income, contract value), with an optional minimum and base cap, or a flat amount. No
 * two rates of the same program, category and bracket are in force on the same day (the
 * database refuses the overlap). Every role reads them; ADMIN keeps them current.
 */
@ObjectType({ description: 'A dated contribution rate (program, category, bracket)' })
@Entity('contribution_rates')
@ScopedBy({ kind: 'reference' })
export class ContributionRate extends BaseEntity {
  @Field(() => Program)
  @Column({ type: 'text' })
  program: Program;

  @Field(() => Category)
  @Column({ type: 'text' })
  category: Category;

  @Field(() => String, { nullable: true, description: 'Risk class (PU JKK), income or contract-value tier; null when none' })
  @Column({ type: 'text', nullable: true })
  bracket: string | null;

  @Field(() => Float, { nullable: true, description: 'Percent of the base, e.g. 0.24; null for a flat amount' })
  @Column({ type: 'numeric', precision: 6, scale: 3, nullable: true, transformer: asNumber })
  percent: number | null;

  @Field(() => Money, { nullable: true })
  @Column({ name: 'flat_amount', type: 'bigint', nullable: true, transformer: asNumber })
  flatAmount: number | null;

  @Field(() => Money, { nullable: true })
  @Column({ name: 'minimum_amount', type: 'bigint', nullable: true, transformer: asNumber })
  minimumAmount: number | null;

  @Field(() => Money, { nullable: true, description: 'The base is capped here (JP wage cap, a tier ceiling)' })
  @Column({ name: 'maximum_base', type: 'bigint', nullable: true, transformer: asNumber })
  maximumBase: number | null;

  @Field(() => LocalDate)
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day in force; null while in force' })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Field(() => String, { nullable: true, description: 'The regulation it comes from' })
  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis: string | null;
}
