import { VillageType } from '@lindung/domain';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { ScopedBy } from '../../core/scope';

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
}
