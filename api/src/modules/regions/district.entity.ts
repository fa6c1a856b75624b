import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ScopedBy } from '../../core/scope';

/** A kecamatan (district). */
@ObjectType({ description: 'A kecamatan (district)' })
@Entity('districts')
@ScopedBy({ kind: 'reference' })
export class District {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Kemendagri code, e.g. 51.04.05' })
  @Column()
  code: string;

  @Field()
  @Column()
  name: string;

  @Field(() => ID)
  @Column({ name: 'regency_id', type: 'uuid' })
  regencyId: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
