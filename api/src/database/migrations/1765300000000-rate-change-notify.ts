import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to `contribution_rates` is announced on `lindung_rates`, once per statement: each
 * API process keeps the rates in memory (modules/contributions/rate-cache.ts) and forgets them
 * when it hears this.
 */
export class RateChangeNotify1765300000000 implements MigrationInterface {
  name = 'RateChangeNotify1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION lindung_notify_rate_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('lindung_rates', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER contribution_rates_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON contribution_rates
      FOR EACH STATEMENT EXECUTE FUNCTION lindung_notify_rate_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER contribution_rates_change ON contribution_rates`);
    await q.query(`DROP FUNCTION lindung_notify_rate_change()`);
  }
}
