import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions become rows of their own, so an access token can name its session (`sid`) and be
 * refused once that session is revoked; sign-in limits move to rate-limiter-flexible's table
 * (shared by every API process); and changes that end access are announced on the `lindung_auth`
 * channel so each process forgets what it cached.
 */
export class SessionsAndLoginLimits1764100000000 implements MigrationInterface {
  name = 'SessionsAndLoginLimits1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);
    await q.query(`CREATE INDEX sessions_expiry_idx ON sessions (expires_at)`);
    await q.query(`
      INSERT INTO sessions (id, user_id, expires_at, revoked_at, created_at)
      SELECT family_id, min(user_id::text)::uuid, max(session_expires_at), max(revoked_at), min(created_at)
      FROM refresh_tokens GROUP BY family_id`);
    await q.query(`ALTER TABLE refresh_tokens RENAME COLUMN family_id TO session_id`);
    await q.query(`ALTER INDEX refresh_tokens_family_idx RENAME TO refresh_tokens_session_idx`);
    await q.query(`
      ALTER TABLE refresh_tokens
        ADD CONSTRAINT refresh_tokens_session_fkey FOREIGN KEY (session_id) REFERENCES sessions(id) ON DELETE CASCADE,
        DROP COLUMN session_expires_at,
        DROP COLUMN revoked_at`);
    await q.query(`DROP INDEX IF EXISTS refresh_tokens_expiry_idx`);

    await q.query(`DROP TABLE login_throttle`);
    // rate-limiter-flexible's PostgreSQL schema (RateLimiterPostgres), created here, not by the library.
    await q.query(`
      CREATE TABLE login_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await q.query(`CREATE INDEX login_limits_expire_idx ON login_limits (expire)`);

    await q.query(`
      CREATE FUNCTION lindung_notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
      CREATE TRIGGER users_auth_change
      AFTER UPDATE OF email, role, active, regency_id, village_id, partner_id, password_hash OR DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION lindung_notify_auth_change()`);
    await q.query(`
      CREATE TRIGGER sessions_auth_change AFTER UPDATE OR DELETE ON sessions
      FOR EACH ROW EXECUTE FUNCTION lindung_notify_auth_change()`);
    await q.query(`
      CREATE TRIGGER partner_organisations_auth_change AFTER UPDATE OF status OR DELETE ON partner_organisations
      FOR EACH ROW EXECUTE FUNCTION lindung_notify_auth_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER partner_organisations_auth_change ON partner_organisations`);
    await q.query(`DROP TRIGGER sessions_auth_change ON sessions`);
    await q.query(`DROP TRIGGER users_auth_change ON users`);
    await q.query(`DROP FUNCTION lindung_notify_auth_change()`);

    await q.query(`DROP TABLE login_limits`);
    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    await q.query(`CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at)`);

    await q.query(`
      ALTER TABLE refresh_tokens
        DROP CONSTRAINT refresh_tokens_session_fkey,
        ADD COLUMN session_expires_at timestamptz,
        ADD COLUMN revoked_at timestamptz`);
    await q.query(`
      UPDATE refresh_tokens t SET session_expires_at = s.expires_at, revoked_at = s.revoked_at
      FROM sessions s WHERE s.id = t.session_id`);
    await q.query(`ALTER TABLE refresh_tokens ALTER COLUMN session_expires_at SET NOT NULL`);
    await q.query(`ALTER TABLE refresh_tokens RENAME COLUMN session_id TO family_id`);
    await q.query(`ALTER INDEX refresh_tokens_session_idx RENAME TO refresh_tokens_family_idx`);
    await q.query(`CREATE INDEX refresh_tokens_expiry_idx ON refresh_tokens (session_expires_at)`);
    await q.query(`DROP TABLE sessions`);
  }
}
