import { Permission } from '@lindung/domain';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { Relation } from '../../core/relations';
import { ScopedBy } from '../../core/scope';
import { Regency } from './regency.entity';
import { Village } from './village.entity';

/** A kecamatan (district). */
@ObjectType({ description: 'A kecamatan (district)' })
@Entity('districts')
@ScopedBy({ kind: 'reference' })
export class District extends BaseEntity {
  @Field({ description: 'Kemendagri code, e.g. 51.04.05' })
  @Column()
  code: string;

  @Field()
  @Column()
  name: string;

  @Field(() => ID)
  @Column({ name: 'regency_id', type: 'uuid' })
  regencyId: string;

  @Relation(() => Regency, { from: 'regencyId', allow: Permission.RegionRead })
  regency?: Regency | null;

  @Relation(() => Village, { by: 'districtId', max: 200, orderBy: 'name', allow: Permission.RegionRead })
  villages?: Village[];
}
