import { GraphQLJSONObject } from 'graphql-scalars';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { IsId } from '../../core/validators';

@ArgsType()
export class ImportEnrollmentsArgs {
  @Field({ description: 'The CSV file (CONTRACT §6 columns, `,` or `;`, UTF-8 with or without BOM), at most 50,000 rows and 10 MB' })
  @IsString()
  csv: string;

  @Field(() => Boolean, { nullable: true, description: 'Check every row and report exactly what a real run would do, writing nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Replaying a key returns the first run’s result and writes nothing' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  idempotencyKey?: string | null;

  @Field(() => ID, { nullable: true, description: 'ADMIN: the partner organisation the file reports for (a partner reports for itself)' })
  @IsOptional()
  @IsId()
  partnerId?: string | null;
}

@ObjectType({ description: 'One cell an import refused' })
export class ImportError {
  @Field(() => Int, { description: 'The spreadsheet row: the header is row 1' })
  row: number;

  @Field({ description: 'The CSV column (or `csv` for the file as a whole)' })
  field: string;

  @Field({ description: 'A FieldRule code (packages/domain reasons.ts)' })
  code: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  params: Record<string, unknown> | null;

  @Field({ description: 'The reason in English' })
  message: string;
}

@ObjectType()
export class ImportResult {
  @Field(() => Int, { description: 'Rows written (or, in a dry run, that would be)' })
  accepted: number;

  @Field(() => Int, { description: 'Rows with at least one error: none of them is written' })
  rejected: number;

  @Field()
  dryRun: boolean;

  @Field({ description: 'True when this is the stored result of an earlier run with the same idempotency key' })
  replayed: boolean;

  @Field(() => Int)
  workersCreated: number;

  @Field(() => Int, { description: 'People already in the registry, now tied to the reporting partner' })
  workersLinked: number;

  @Field(() => Int)
  enrollmentsCreated: number;

  @Field(() => [ImportError])
  errors: ImportError[];
}
