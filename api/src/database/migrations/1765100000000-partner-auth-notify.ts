import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A partner organisation's changes no longer announce anything on `lindung_auth`. The cached
 * account check (modules/auth/actor.ts) reads only the account and its session, not the
 * partner's status — a suspended partner's users still sign in and read, and reporting is refused
 * where it is written (PARTNER_SUSPENDED) — so each suspension or reactivation only made every
 * API process drop its whole cache. A deleted partner needs no notice either: `users.partner_id`
 * is ON DELETE RESTRICT, so only a partner without accounts can be deleted, and no cached check
 * can name it. The accounts' and sessions' own triggers stay; the function stops naming partners.
 */
export class PartnerAuthNotify1765100000000 implements MigrationInterface {
  name = 'PartnerAuthNotify1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER partner_organisations_auth_change ON partner_organisations`);
    await q.query(`
      CREATE OR REPLACE FUNCTION lindung_notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed jsonb := to_jsonb(coalesce(NEW, OLD));
      BEGIN
        PERFORM pg_notify('lindung_auth', json_build_object(
          'table', TG_TABLE_NAME,
          'userId', CASE TG_TABLE_NAME WHEN 'users' THEN changed->>'id' WHEN 'sessions' THEN changed->>'user_id' END
        )::text);
        RETURN NULL;
      END $$`);
  }

  /** The function and the trigger as the sessions-and-login-limits migration made them. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION lindung_notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed jsonb := to_jsonb(coalesce(NEW, OLD));
      BEGIN
        PERFORM pg_notify('lindung_auth', json_build_object(
          'table', TG_TABLE_NAME,
          'userId', CASE TG_TABLE_NAME WHEN 'users' THEN changed->>'id' WHEN 'sessions' THEN changed->>'user_id' END,
          'partnerId', CASE TG_TABLE_NAME WHEN 'partner_organisations' THEN changed->>'id' END
        )::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER partner_organisations_auth_change AFTER UPDATE OF status OR DELETE ON partner_organisations
      FOR EACH ROW EXECUTE FUNCTION lindung_notify_auth_change()`);
  }
}
