import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regions, partner organisations, accounts and sessions. Every scoped table carries its scope
 * columns itself (regency_id, village_id, partner_id) and indexes lead with them, so scoped lists
 * and counts never need a join.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    // unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes the
    // wrapper safe to declare IMMUTABLE, so it can be used in indexes.
    await q.query(`
      CREATE FUNCTION lindung_search_text(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$`);

    await q.query(`
      CREATE TABLE regencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{2}\\.[0-9]{2}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        province text NOT NULL,
        workforce_target integer CHECK (workforce_target >= 0),
        population integer CHECK (population >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (left(code, 2) = province_code)
      )`);
    await q.query(`
      CREATE TABLE districts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        regency_id uuid NOT NULL REFERENCES regencies(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX districts_regency_name_idx ON districts (regency_id, name)`);
    await q.query(`
      CREATE TABLE villages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[12][0-9]{3}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        type text NOT NULL CHECK (type IN ('DESA', 'KELURAHAN')),
        district_id uuid NOT NULL REFERENCES districts(id) ON DELETE RESTRICT,
        regency_id uuid NOT NULL REFERENCES regencies(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX villages_regency_name_idx ON villages (regency_id, name)`);
    await q.query(`CREATE INDEX villages_district_name_idx ON villages (district_id, name)`);

    // Indonesia's province/regency/kecamatan codes, current and former: what a NIK's first six
    // digits are checked against.
    await q.query(`
      CREATE TABLE region_codes (
        code text PRIMARY KEY,
        name text NOT NULL,
        current boolean NOT NULL
      )`);

    await q.query(`
      CREATE TABLE partner_organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        type text NOT NULL CHECK (type IN ('BUSINESS','UMKM','ARTIST_COMMUNITY','LANGUAGE_EXTENSION','VILLAGE_GOVERNMENT','OTHER')),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','SUSPENDED')),
        regency_id uuid NOT NULL REFERENCES regencies(id) ON DELETE RESTRICT,
        village_id uuid REFERENCES villages(id) ON DELETE RESTRICT,
        contact_name text,
        contact_phone text,
        contact_email text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX partner_organisations_regency_name_idx ON partner_organisations (regency_id, name)`);
    await q.query(`CREATE INDEX partner_organisations_village_idx ON partner_organisations (village_id)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
        password_hash text NOT NULL,
        full_name text,
        role text NOT NULL CHECK (role IN ('ADMIN','REGENCY_OFFICIAL','VILLAGE_HEAD','PARTNER','AUDITOR')),
        regency_id uuid REFERENCES regencies(id) ON DELETE RESTRICT,
        village_id uuid REFERENCES villages(id) ON DELETE RESTRICT,
        partner_id uuid REFERENCES partner_organisations(id) ON DELETE RESTRICT,
        active boolean NOT NULL DEFAULT true,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- An account carries exactly the scope ids its role needs (packages/domain REQUIRED_SCOPE).
        CONSTRAINT users_scope_matches_role CHECK (
          (role IN ('ADMIN','AUDITOR') AND regency_id IS NULL AND village_id IS NULL AND partner_id IS NULL)
          OR (role = 'REGENCY_OFFICIAL' AND regency_id IS NOT NULL AND village_id IS NULL AND partner_id IS NULL)
          OR (role = 'VILLAGE_HEAD' AND regency_id IS NOT NULL AND village_id IS NOT NULL AND partner_id IS NULL)
          OR (role = 'PARTNER' AND regency_id IS NOT NULL AND village_id IS NULL AND partner_id IS NOT NULL)
        )
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`CREATE INDEX users_regency_idx ON users (regency_id, email)`);
    await q.query(`CREATE INDEX users_village_idx ON users (village_id)`);
    await q.query(`CREATE INDEX users_partner_idx ON users (partner_id)`);

    // Refresh tokens are stored only as SHA-256 hashes. A family is one sign-in's chain of
    // rotations: re-use of a spent token revokes the whole family.
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        session_expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);
    await q.query(`CREATE INDEX refresh_tokens_expiry_idx ON refresh_tokens (session_expires_at)`);

    // Failed sign-ins per account key (a hash of the email, whether or not the account exists).
    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    await q.query(`CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'login_throttle',
      'refresh_tokens',
      'users',
      'partner_organisations',
      'region_codes',
      'villages',
      'districts',
      'regencies',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION lindung_search_text(text)`);
  }
}
