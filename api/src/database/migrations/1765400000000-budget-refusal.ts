import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The refusal of a cost a fiscal year's budget could not take, raised by the database: a decision
 * commits its cost in the statement sent with its COMMIT (core/transaction.ts `commitWith`), and
 * when that finds no room the COMMIT must not run. SQLSTATE LN409 (a database refusal: MESSAGE the
 * reason code, DETAIL its params as JSON, see core/errors.ts `databaseRefusalOf`), with the budget
 * as it stands now (a volatile function reads a fresh snapshot, not the calling statement's).
 */
export class BudgetRefusal1765400000000 implements MigrationInterface {
  name = 'BudgetRefusal1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION lindung_refuse_budget(regency uuid, year int, required bigint) RETURNS void
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        budget record;
      BEGIN
        SELECT amount, committed INTO budget FROM budgets WHERE regency_id = regency AND fiscal_year = year;
        IF NOT FOUND THEN
          RAISE EXCEPTION USING ERRCODE = 'LN409', MESSAGE = 'NO_BUDGET', DETAIL = jsonb_build_object('fiscalYear', year)::text;
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'LN409', MESSAGE = 'BUDGET_EXCEEDED',
          DETAIL = jsonb_build_object('remaining', budget.amount - budget.committed, 'required', required)::text;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION lindung_refuse_budget(uuid, int, bigint)`);
  }
}
