import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { badUserInput } from '../../core/errors';
import { whereEquals } from '../../core/list';
import { ResourceReader, withUniqueFields } from '../../core/resource';
import { assertWrittenWithinScope } from '../../core/scope';
import { regencyService } from '../regions/regency.service';
import { CoverageReport, Regulation } from './coverage-report.entity';
import type {
  CoverageReportFilter,
  CreateCoverageReportArgs,
  CreateRegulationArgs,
  RegulationFilter,
  UpdateCoverageReportArgs,
  UpdateRegulationArgs,
} from './coverage-report.inputs';

const UNIQUE = { coverage_reports_one_per_day: 'asOf' };

export class CoverageReportService extends ResourceReader<CoverageReport, CoverageReportFilter> {
  protected readonly entity = CoverageReport;
  protected readonly typeName = 'CoverageReport';
  protected readonly alias = 'report';
  protected readonly sortable = { id: 'id', asOf: 'asOf', protectedWorkers: 'protectedWorkers', source: 'source', createdAt: 'createdAt' };
  protected readonly defaultSort = 'asOf';
  protected readonly searchColumns = ['report.source'];

  protected applyFilter(qb: SelectQueryBuilder<CoverageReport>, filter: CoverageReportFilter): void {
    whereEquals(qb, 'report.regencyId', filter.regencyId);
    if (filter.asOfFrom) qb.andWhere('report.asOf >= :asOfFrom', { asOfFrom: filter.asOfFrom });
    if (filter.asOfTo) qb.andWhere('report.asOf <= :asOfTo', { asOfTo: filter.asOfTo });
  }

  /** The latest report of a regency on or before a day, within the caller's scope. */
  latest(ctx: RequestContext, regencyId: string, asOf: string): Promise<CoverageReport | null> {
    return this.query(ctx, { regencyId, asOfTo: asOf }).orderBy('report.asOf', 'DESC').limit(1).getOne();
  }

  async create(ctx: RequestContext, args: CreateCoverageReportArgs): Promise<CoverageReport> {
    const regency = await regencyService.getReference(ctx, args.regencyId, 'regencyId');
    const report = ctx.em.create(CoverageReport, { regencyId: regency.id, asOf: args.asOf, protectedWorkers: args.protectedWorkers, source: args.source.trim() });
    const saved = await withUniqueFields(UNIQUE, () => ctx.em.save(report));
    await assertWrittenWithinScope(ctx, CoverageReport, saved.id);
    return this.get(ctx, saved.id);
  }

  async update(ctx: RequestContext, args: UpdateCoverageReportArgs): Promise<CoverageReport> {
    const report = await this.getForUpdate(ctx, args.id);
    if (args.asOf !== undefined) report.asOf = args.asOf;
    if (args.protectedWorkers !== undefined) report.protectedWorkers = args.protectedWorkers;
    if (args.source !== undefined) report.source = args.source.trim();
    await withUniqueFields(UNIQUE, () => ctx.em.save(report));
    return this.get(ctx, report.id);
  }
}

export class RegulationService extends ResourceReader<Regulation, RegulationFilter> {
  protected readonly entity = Regulation;
  protected readonly typeName = 'Regulation';
  protected readonly alias = 'regulation';
  protected readonly sortable = { id: 'id', title: 'title', validFrom: 'validFrom', validTo: 'validTo' };
  protected readonly defaultSort = 'validFrom';
  protected readonly searchColumns = ['regulation.title'];

  protected applyFilter(qb: SelectQueryBuilder<Regulation>, filter: RegulationFilter): void {
    whereEquals(qb, 'regulation.regencyId', filter.regencyId);
  }

  /** The first regulation of a regency in force on some day of a year, within the caller's scope. */
  inForceDuring(ctx: RequestContext, regencyId: string, year: number): Promise<Regulation | null> {
    return this.query(ctx, { regencyId })
      .andWhere('regulation.validFrom <= :yearEnd AND (regulation.validTo IS NULL OR regulation.validTo >= :yearStart)', {
        yearStart: `${year}-01-01`,
        yearEnd: `${year}-12-31`,
      })
      .orderBy('regulation.validFrom', 'ASC')
      .limit(1)
      .getOne();
  }

  async create(ctx: RequestContext, args: CreateRegulationArgs): Promise<Regulation> {
    const regency = await regencyService.getReference(ctx, args.regencyId, 'regencyId');
    const regulation = ctx.em.create(Regulation, { regencyId: regency.id, title: args.title.trim(), validFrom: args.validFrom, validTo: args.validTo ?? null });
    refuseEndBeforeStart(regulation);
    const saved = await ctx.em.save(regulation);
    await assertWrittenWithinScope(ctx, Regulation, saved.id);
    return this.get(ctx, saved.id);
  }

  async update(ctx: RequestContext, args: UpdateRegulationArgs): Promise<Regulation> {
    const regulation = await this.getForUpdate(ctx, args.id);
    if (args.title !== undefined) regulation.title = args.title.trim();
    if (args.validFrom !== undefined) regulation.validFrom = args.validFrom;
    if (args.validTo !== undefined) regulation.validTo = args.validTo;
    refuseEndBeforeStart(regulation);
    await ctx.em.save(regulation);
    return this.get(ctx, regulation.id);
  }
}

function refuseEndBeforeStart(regulation: Regulation): void {
  if (regulation.validTo && regulation.validTo < regulation.validFrom) throw badUserInput({ validTo: { code: 'DATE_BEFORE', params: { field: 'validFrom' } } });
}

export const coverageReportService = new CoverageReportService();
export const regulationService = new RegulationService();
