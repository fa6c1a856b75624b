import { Permission } from '@lindung/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { Relation } from '../../core/relations';
import { ScopedBy } from '../../core/scope';
import { PartnerOrganisation } from '../partners/partner-organisation.entity';
import { District } from './district.entity';

/** A kabupaten or kota (regency or city). */
@ObjectType({ description: 'A kabupaten/kota (regency or city)' })
@Entity('regencies')
@ScopedBy({ kind: 'reference' })
export class Regency extends BaseEntity {
  @Field({ description: 'Kemendagri code, e.g. 51.04' })
  @Column()
  code: string;

  @Field()
  @Column()
  name: string;

  @Field({ description: 'Province name, e.g. Bali' })
  @Column()
  province: string;

  @Field({ description: 'Kemendagri province code, e.g. 51' })
  @Column({ name: 'province_code' })
  provinceCode: string;

  @Field(() => Int, { nullable: true, description: 'Workers the program aims to protect (100 % target)' })
  @Column({ name: 'workforce_target', type: 'integer', nullable: true })
  workforceTarget: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  population: number | null;

  @Relation(() => District, { by: 'regencyId', max: 100, orderBy: 'name', allow: Permission.RegionRead })
  districts?: District[];

  @Relation(() => PartnerOrganisation, { by: 'regencyId', max: 200, orderBy: 'name', allow: Permission.PartnerRead })
  partnerOrganisations?: PartnerOrganisation[];
}
