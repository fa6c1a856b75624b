import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { installRelationLoaders } from './core/relations';
import { protectRootOperations } from './core/root-operations';
import { installSensitiveFields } from './core/sensitive';
import { validateArgs } from './core/validation';
import { AuthResolver } from './modules/auth/auth.resolver';
import { ContributionRateResolver } from './modules/contributions/contribution-rate.resolver';
import { PartnerOrganisationResolver } from './modules/partners/partner-organisation.resolver';
import { regionResolvers } from './modules/regions/region.resolvers';
import { UserResolver } from './modules/users/user.resolver';
import { AuditEventResolver } from './modules/audit/audit-event.resolver';
import { EnrollmentResolver } from './modules/enrollments/enrollment.resolver';
import { WorkerResolver } from './modules/workers/worker.resolver';
import { ImportResolver } from './modules/imports/import.resolver';
import { AwardResolver, AwardWeightResolver } from './modules/awards/award.resolver';
import { BudgetResolver } from './modules/budgets/budget.resolver';
import { CoverageReportResolver, RegulationResolver } from './modules/coverage/coverage.resolver';
import { ProposalResolver } from './modules/proposals/proposal.resolver';

export const resolvers = [
  AuthResolver,
  ...regionResolvers,
  UserResolver,
  PartnerOrganisationResolver,
  WorkerResolver,
  EnrollmentResolver,
  ImportResolver,
  ContributionRateResolver,
  AuditEventResolver,
  BudgetResolver,
  ProposalResolver,
  CoverageReportResolver,
  RegulationResolver,
  AwardResolver,
  AwardWeightResolver,
] as const;

/**
 * The whole API schema: every root operation guarded (and every mutation transactional), every
 * nested entity field read through the caller's scope, batched.
 */
export async function buildLindungSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers, validateFn: validateArgs });
  return protectRootOperations(installSensitiveFields(installRelationLoaders(schema)));
}
