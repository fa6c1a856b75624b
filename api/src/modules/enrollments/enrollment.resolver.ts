import { Permission } from '@lindung/domain';
import { Resolver } from 'type-graphql';
import { resourceResolver } from '../../core/resource-resolver';
import { Enrollment } from './enrollment.entity';
import { CreateEnrollmentArgs, EnrollmentListArgs, UpdateEnrollmentArgs } from './enrollment.inputs';
import { enrollmentService } from './enrollment.service';

@Resolver(() => Enrollment)
export class EnrollmentResolver extends resourceResolver({
  type: Enrollment,
  plural: 'Enrollments',
  listArgs: EnrollmentListArgs,
  service: enrollmentService,
  read: [Permission.EnrollmentRead],
  write: { allow: [Permission.WorkerReport], create: CreateEnrollmentArgs, update: UpdateEnrollmentArgs },
}) {}
