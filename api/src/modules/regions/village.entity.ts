import { Permission, VillageType } from '@lindung/domain';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { Relation } from '../../core/relations';
import { ScopedBy } from '../../core/scope';
import { District } from './district.entity';
import { Regency } from './regency.entity';

registerEnumType(VillageType, {
  name: 'VillageType',
  description: 'DESA (led by a perbekel) or KELURAHAN (led by a lurah)',
});

/** A desa or kelurahan. */
@ObjectType({ description: 'A desa or kelurahan (village)' })
@Entity('villages')
@ScopedBy({ kind: 'reference' })
export class Village extends BaseEntity {
  @Field({ description: 'Kemendagri code, e.g. 51.04.05.2002' })
  @Column()
  code: string;

  @Field()
  @Column()
  name: string;

  @Field(() => VillageType, { description: 'Derived from the code: 2xxx is a desa, 1xxx a kelurahan' })
  @Column({ type: 'text' })
  type: VillageType;

  @Field(() => ID)
  @Column({ name: 'district_id', type: 'uuid' })
  districtId: string;

  @Field(() => ID)
  @Column({ name: 'regency_id', type: 'uuid' })
  regencyId: string;

  @Relation(() => District, { from: 'districtId', allow: Permission.RegionRead })
  district?: District | null;

  @Relation(() => Regency, { from: 'regencyId', allow: Permission.RegionRead })
  regency?: Regency | null;
}
