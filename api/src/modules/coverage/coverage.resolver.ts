import { Permission } from '@lindung/domain';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Allow } from '../../core/access';
import type { RequestContext } from '../../core/context';
import { resourceResolver } from '../../core/resource-resolver';
import { CoverageReport, Regulation } from './coverage-report.entity';
import {
  CoverageReportListArgs,
  CreateCoverageReportArgs,
  CreateRegulationArgs,
  RegulationListArgs,
  UpdateCoverageReportArgs,
  UpdateRegulationArgs,
} from './coverage-report.inputs';
import { coverageReportService, regulationService } from './coverage-report.service';
import { coverageOf, coverageTrendOf } from './coverage.service';
import { CoverageArgs, CoverageStats, CoverageTrendArgs, MonthlyCoverage } from './coverage.types';

@Resolver(() => CoverageReport)
export class CoverageReportResolver extends resourceResolver({
  type: CoverageReport,
  plural: 'CoverageReports',
  listArgs: CoverageReportListArgs,
  service: coverageReportService,
  read: [Permission.CoverageRead],
  write: { allow: [Permission.CoverageReportWrite], create: CreateCoverageReportArgs, update: UpdateCoverageReportArgs },
}) {
  @Allow(Permission.CoverageRead)
  @Query(() => CoverageStats, { description: 'Target, official and live protected workers, breakdowns — within your scope' })
  coverage(@Ctx() ctx: RequestContext, @Args() args: CoverageArgs) {
    return coverageOf(ctx, args.regencyId, args.asOf);
  }

  @Allow(Permission.CoverageRead)
  @Query(() => [MonthlyCoverage], { description: 'Live protected workers at the end of each of the last twelve months, within your scope' })
  coverageTrend(@Ctx() ctx: RequestContext, @Args() args: CoverageTrendArgs) {
    return coverageTrendOf(ctx, args.regencyId, args.asOf);
  }
}

@Resolver(() => Regulation)
export class RegulationResolver extends resourceResolver({
  type: Regulation,
  plural: 'Regulations',
  listArgs: RegulationListArgs,
  service: regulationService,
  read: [Permission.AwardRead],
  write: { allow: [Permission.CoverageReportWrite], create: CreateRegulationArgs, update: UpdateRegulationArgs },
}) {}
