import { AwardCategory, AwardCriterion, AwardLevel, Permission } from '@lindung/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { asNumber } from '../../core/columns';
import { Relation } from '../../core/relations';
import { LocalDate } from '../../core/scalars';
import { ScopedBy } from '../../core/scope';
import { PartnerOrganisation } from '../partners/partner-organisation.entity';
import { Regency } from '../regions/regency.entity';

registerEnumType(AwardLevel, { name: 'AwardLevel' });
registerEnumType(AwardCategory, { name: 'AwardCategory' });
registerEnumType(AwardCriterion, { name: 'AwardCriterion' });


/** A Paritrana Award result: public, so every role reads them; ADMIN records them. */
@ObjectType({ description: 'A Paritrana Award result' })
@Entity('awards')
@ScopedBy({ kind: 'reference' })
export class Award extends BaseEntity {
  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => AwardLevel)
  @Column({ type: 'text' })
  level: AwardLevel;

  @Field(() => AwardCategory)
  @Column({ type: 'text' })
  category: AwardCategory;

  @Field(() => Int, { description: '1 for first place' })
  @Column({ type: 'int' })
  rank: number;

  @Field(() => ID, { nullable: true, description: 'The awardee, for the government categories' })
  @Column({ name: 'regency_id', type: 'uuid', nullable: true })
  regencyId: string | null;

  @Field(() => ID, { nullable: true, description: 'The awardee, for the business and village categories' })
  @Column({ name: 'partner_id', type: 'uuid', nullable: true })
  partnerId: string | null;

  @Field(() => String, { nullable: true, description: 'The province of a PROVINCE-level round, e.g. Bali' })
  @Column({ type: 'text', nullable: true })
  province: string | null;

  @Field(() => Float, { nullable: true, description: "The jury's score, when published" })
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: asNumber })
  score: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Relation(() => Regency, { from: 'regencyId', allow: Permission.RegionRead })
  regency?: Regency | null;

  @Relation(() => PartnerOrganisation, { from: 'partnerId', allow: Permission.PartnerRead })
  partner?: PartnerOrganisation | null;
}

/** One criterion's weight in the award self-assessment, dated: no two in force on one day. */
@ObjectType({ description: 'A dated weight of the award self-assessment' })
@Entity('award_weights')
@ScopedBy({ kind: 'reference' })
export class AwardWeight extends BaseEntity {
  @Field(() => AwardCriterion)
  @Column({ type: 'text' })
  criterion: AwardCriterion;

  @Field(() => Float, { description: 'Points the criterion is worth' })
  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: asNumber })
  weight: number;

  @Field(() => Float, { description: 'The value that earns all the points (1 = 100 % for a rate; 10 percentage points of growth; 4 kinds of partner)' })
  @Column({ type: 'numeric', precision: 12, scale: 4, transformer: asNumber })
  target: number;

  @Field(() => LocalDate)
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field(() => LocalDate, { nullable: true })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
