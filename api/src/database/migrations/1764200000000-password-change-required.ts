import type { MigrationInterface, QueryRunner } from 'typeorm';

const NOTIFYING_COLUMNS = 'email, role, active, regency_id, village_id, partner_id, password_hash';

/**
 * An account whose password an administrator reset must choose a new one at its next sign-in
 * (`must_change_password`); until then the API refuses it everything but changing it. The flag
 * is part of every process's cached account check, so the `users_auth_change` trigger now also
 * announces changes to it (see the sessions-and-login-limits migration).
 */
export class PasswordChangeRequired1764200000000 implements MigrationInterface {
  name = 'PasswordChangeRequired1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`DROP TRIGGER users_auth_change ON users`);
    await q.query(`
      CREATE TRIGGER users_auth_change
      AFTER UPDATE OF ${NOTIFYING_COLUMNS}, must_change_password OR DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION lindung_notify_auth_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER users_auth_change ON users`);
    await q.query(`
      CREATE TRIGGER users_auth_change
      AFTER UPDATE OF ${NOTIFYING_COLUMNS} OR DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION lindung_notify_auth_change()`);
    await q.query(`ALTER TABLE users DROP COLUMN must_change_password`);
  }
}
