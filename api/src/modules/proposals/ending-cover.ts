import { FundingSource, todayIn } from '@lindung/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { LocalDate } from '../../core/scalars';
import { scopedQuery } from '../../core/scope';
import { Enrollment } from '../enrollments/enrollment.entity';

@ObjectType({ description: "A village's regency-funded enrollments that end soon: the next cycle's renewals" })
export class VillageEndingCover {
  @Field(() => ID)
  villageId: string;

  @Field()
  villageName: string;

  @Field(() => Int)
  enrollments: number;

  @Field(() => LocalDate)
  firstEnd: string;
}

/** Grouped by village, within the caller's scope of enrollments. */
export async function endingCover(ctx: RequestContext, withinDays: number, regencyId?: string): Promise<VillageEndingCover[]> {
  const today = todayIn();
  const query = scopedQuery(ctx, Enrollment, 'enrollment')
    .innerJoin('workers', 'ew', 'ew.id = enrollment.worker_id')
    .innerJoin('villages', 'ev', 'ev.id = ew.village_id')
    .select('ev.id', 'villageId')
    .addSelect('ev.name', 'villageName')
    .addSelect('count(*)::int', 'enrollments')
    .addSelect('min(enrollment.end_date)', 'firstEnd')
    .andWhere('enrollment.funding_source = :endingFunding', { endingFunding: FundingSource.REGENCY_BUDGET })
    .andWhere("enrollment.status IN ('ACTIVE', 'PENDING')")
    .andWhere('enrollment.end_date BETWEEN :endingFrom::date AND :endingFrom::date + :endingDays::int', { endingFrom: today, endingDays: withinDays })
    .groupBy('ev.id')
    .addGroupBy('ev.name')
    .orderBy('ev.name');
  if (regencyId) query.andWhere('ew.regency_id = :endingRegency', { endingRegency: regencyId });
  return query.getRawMany<VillageEndingCover>();
}
