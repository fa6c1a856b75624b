import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../core/list';
import { Money } from '../../core/scalars';
import { IsId, IsOneLine, IsWholeRupiah } from '../../core/validators';

@InputType()
export class BudgetFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  regencyId?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  fiscalYear?: number;
}

export const BudgetListArgs = listArgsFor(BudgetFilter);

@ArgsType()
export class CreateBudgetArgs {
  @Field(() => ID)
  @IsId()
  regencyId: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear: number;

  @Field({ description: 'The budget document, e.g. "APBD 2026"' })
  @IsString()
  @Length(1, 200)
  @IsOneLine()
  name: string;

  @Field(() => Money)
  @IsWholeRupiah()
  @Min(0)
  amount: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  targetWorkers?: number | null;
}

@ArgsType()
export class UpdateBudgetArgs {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @IsOneLine()
  name?: string;

  @Field(() => Money, { nullable: true, description: 'A new amount: an amendment, which names its document' })
  @IsOptional()
  @IsWholeRupiah()
  @Min(0)
  amount?: number;

  @Field(() => String, { nullable: true, description: 'The document that changes the amount, e.g. "APBD Perubahan 2026" (required with amount)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @IsOneLine()
  amendment?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  targetWorkers?: number | null;
}
