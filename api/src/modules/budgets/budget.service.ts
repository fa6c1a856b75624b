import { AuditAction } from '@lindung/domain';
import type { SelectQueryBuilder } from 'typeorm';
import { auditAs } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { badUserInput, conflict } from '../../core/errors';
import { whereEquals } from '../../core/list';
import { ResourceReader, withUniqueFields } from '../../core/resource';
import { assertWrittenWithinScope } from '../../core/scope';
import { regencyService } from '../regions/regency.service';
import { Budget } from './budget.entity';
import type { BudgetFilter, CreateBudgetArgs, UpdateBudgetArgs } from './budget.inputs';

const UNIQUE = { budgets_one_per_year: 'fiscalYear' };

export class BudgetService extends ResourceReader<Budget, BudgetFilter> {
  protected readonly entity = Budget;
  protected readonly typeName = 'Budget';
  protected readonly alias = 'budget';
  protected readonly sortable = { id: 'id', fiscalYear: 'fiscalYear', name: 'name', amount: 'amount', committed: 'committed', createdAt: 'createdAt' };
  protected readonly defaultSort = 'fiscalYear';
  protected readonly searchColumns = ['budget.name'];

  protected applyFilter(qb: SelectQueryBuilder<Budget>, filter: BudgetFilter): void {
    whereEquals(qb, 'budget.regencyId', filter.regencyId);
    whereEquals(qb, 'budget.fiscalYear', filter.fiscalYear);
  }

  /** A regency's budget for a fiscal year, if the caller may see it. */
  async ofYear(ctx: RequestContext, regencyId: string, fiscalYear: number): Promise<Budget | null> {
    return this.query(ctx, { regencyId, fiscalYear }).getOne();
  }

  async create(ctx: RequestContext, args: CreateBudgetArgs): Promise<Budget> {
    const regency = await regencyService.getReference(ctx, args.regencyId, 'regencyId');
    const budget = ctx.em.create(Budget, {
      regencyId: regency.id,
      fiscalYear: args.fiscalYear,
      name: args.name.trim(),
      amount: args.amount,
      targetWorkers: args.targetWorkers ?? null,
    });
    const saved = await withUniqueFields(UNIQUE, () => ctx.em.save(budget));
    // An official creates budgets for its own regency only.
    await assertWrittenWithinScope(ctx, Budget, saved.id);
    return this.get(ctx, saved.id);
  }

  /**
   * Renames it, sets its target, or amends its amount (an APBD Perubahan): an amendment names
   * its document, is audited as AMEND with that name, and never goes below what is committed —
   * checked under the budget's row lock, which every decision takes too.
   */
  async update(ctx: RequestContext, args: UpdateBudgetArgs): Promise<Budget> {
    const budget = await this.getForUpdate(ctx, args.id);
    if (args.name !== undefined) budget.name = args.name.trim();
    if (args.targetWorkers !== undefined) budget.targetWorkers = args.targetWorkers;
    const amending = args.amount !== undefined && args.amount !== budget.amount;
    if (amending) {
      const document = args.amendment?.trim();
      if (!document) throw badUserInput({ amendment: { code: 'REQUIRED' } });
      if (args.amount! < budget.committed) throw conflict({ code: 'BUDGET_BELOW_COMMITTED', params: { committed: budget.committed } });
      budget.amount = args.amount!;
      auditAs(budget, AuditAction.AMEND, document);
    }
    await ctx.em.save(budget);
    return this.get(ctx, budget.id);
  }

  /** Only a budget nothing has been committed against is removed. */
  override async delete(ctx: RequestContext, id: string): Promise<Budget> {
    const budget = await this.getForUpdate(ctx, id);
    if (budget.committed > 0) throw conflict({ code: 'BUDGET_BELOW_COMMITTED', params: { committed: budget.committed } });
    return super.delete(ctx, id);
  }
}

export const budgetService = new BudgetService();
