import { Permission } from '@lindung/domain';
import { Resolver } from 'type-graphql';
import { resourceResolver } from '../../core/resource-resolver';
import { Budget } from './budget.entity';
import { BudgetListArgs, CreateBudgetArgs, UpdateBudgetArgs } from './budget.inputs';
import { budgetService } from './budget.service';

@Resolver(() => Budget)
export class BudgetResolver extends resourceResolver({
  type: Budget,
  plural: 'Budgets',
  listArgs: BudgetListArgs,
  service: budgetService,
  read: [Permission.BudgetRead],
  write: { allow: [Permission.BudgetWrite], create: CreateBudgetArgs, update: UpdateBudgetArgs },
}) {}
