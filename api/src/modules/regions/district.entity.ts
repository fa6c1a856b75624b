import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { ScopedBy } from '../../core/scope';

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
}
