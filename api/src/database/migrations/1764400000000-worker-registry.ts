import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker registry: partner organisations completed, workers (one per NIK, ever), the link of a
 * worker to each partner that reported or enrolled them, enrollments with one row per program and
 * period (so that the database itself refuses overlapping cover), the append-only audit trail and
 * the import runs that make a replayed import a no-op. Every index leads with the column its scope
 * or its list filters on.
 */
export class WorkerRegistry1764400000000 implements MigrationInterface {
  name = 'WorkerRegistry1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await this.partnerOrganisations(q);
    await this.workers(q);
    await this.enrollments(q);
    await this.auditEvents(q);
    await q.query(`
      CREATE TABLE import_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partner_organisations(id) ON DELETE CASCADE,
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        actor_id uuid,
        file_sha256 text NOT NULL,
        result jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT import_runs_key UNIQUE (partner_id, idempotency_key)
      )`);
  }

  private async partnerOrganisations(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE partner_organisations
        ADD COLUMN npp text CHECK (npp ~ '^[0-9]{8}$'),
        ADD COLUMN address text CHECK (length(address) <= 300),
        ADD COLUMN status_reason text,
        ADD COLUMN status_changed_at timestamptz`);
    await q.query(`CREATE UNIQUE INDEX partner_organisations_npp_key ON partner_organisations (npp) WHERE npp IS NOT NULL`);
    await q.query(`CREATE INDEX partner_organisations_name_trgm_idx ON partner_organisations USING gin (lower(name) gin_trgm_ops)`);
  }

  private async workers(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nik text NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
        full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
        name_key text NOT NULL,
        birth_date date NOT NULL,
        gender text NOT NULL CHECK (gender IN ('MALE','FEMALE')),
        village_id uuid NOT NULL REFERENCES villages(id) ON DELETE RESTRICT,
        regency_id uuid NOT NULL REFERENCES regencies(id) ON DELETE RESTRICT,
        occupation text CHECK (length(occupation) <= 100),
        vulnerable boolean NOT NULL DEFAULT false,
        phone text CHECK (phone ~ '^0[0-9]{8,13}$'),
        kpj text CHECK (kpj ~ '^[0-9]{11}$'),
        possible_duplicate boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One person, one record, ever: also when two partners report the same NIK at the same moment.
    await q.query(`CREATE UNIQUE INDEX workers_nik_key ON workers (nik)`);
    await q.query(`CREATE UNIQUE INDEX workers_kpj_key ON workers (kpj) WHERE kpj IS NOT NULL`);
    await q.query(`CREATE INDEX workers_name_idx ON workers (full_name, id)`);
    await q.query(`CREATE INDEX workers_regency_name_idx ON workers (regency_id, full_name, id)`);
    await q.query(`CREATE INDEX workers_village_name_idx ON workers (village_id, full_name, id)`);
    await q.query(`CREATE INDEX workers_duplicate_key_idx ON workers (name_key, birth_date)`);
    await q.query(`CREATE INDEX workers_name_trgm_idx ON workers USING gin (name_key gin_trgm_ops)`);
    await q.query(`CREATE INDEX workers_possible_duplicate_idx ON workers (regency_id) WHERE possible_duplicate`);
    // The regency follows the village the person lives in, whoever writes the row (imports included).
    await q.query(`
      CREATE FUNCTION workers_regency_of_village() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT regency_id INTO NEW.regency_id FROM villages WHERE id = NEW.village_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER workers_regency_of_village BEFORE INSERT OR UPDATE OF village_id ON workers
      FOR EACH ROW EXECUTE FUNCTION workers_regency_of_village()`);

    await q.query(`
      CREATE TABLE worker_partners (
        partner_id uuid NOT NULL REFERENCES partner_organisations(id) ON DELETE RESTRICT,
        worker_id uuid NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
        first_reported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (partner_id, worker_id)
      )`);
    await q.query(`CREATE INDEX worker_partners_worker_idx ON worker_partners (worker_id)`);

    await q.query(`
      CREATE TABLE worker_distinct_pairs (
        worker_a uuid NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
        worker_b uuid NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
        reason text NOT NULL,
        decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (worker_a, worker_b),
        CHECK (worker_a < worker_b)
      )`);
    await q.query(`CREATE INDEX worker_distinct_pairs_b_idx ON worker_distinct_pairs (worker_b)`);
  }

  private async enrollments(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        worker_id uuid NOT NULL REFERENCES workers(id) ON DELETE RESTRICT,
        partner_id uuid REFERENCES partner_organisations(id) ON DELETE RESTRICT,
        category text NOT NULL CHECK (category IN ('PU','BPU','JAKON','PMI')),
        programs text[] NOT NULL CHECK (cardinality(programs) >= 1 AND programs <@ ARRAY['JKK','JKM','JHT','JP','JKP']),
        funding_source text NOT NULL CHECK (funding_source IN ('SELF','EMPLOYER','REGENCY_BUDGET','VILLAGE_BUDGET','OTHER')),
        start_date date NOT NULL,
        end_date date CHECK (end_date >= start_date),
        declared_income bigint NOT NULL CHECK (declared_income >= 0),
        risk_class text,
        monthly_contribution bigint NOT NULL CHECK (monthly_contribution >= 0),
        contribution_breakdown jsonb NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','ACTIVE','LAPSED','ENDED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX enrollments_partner_idx ON enrollments (partner_id, created_at, id)`);
    await q.query(`CREATE INDEX enrollments_worker_idx ON enrollments (worker_id, start_date)`);
    await q.query(`CREATE INDEX enrollments_created_idx ON enrollments (created_at, id)`);
    await q.query(`CREATE INDEX enrollments_partner_status_idx ON enrollments (partner_id, status)`);

    // One row per program and period: the exclusion constraint refuses a second cover of one
    // worker in one program for overlapping days, whichever partner reports it, racing or not.
    await q.query(`
      CREATE TABLE enrollment_programs (
        enrollment_id uuid NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
        worker_id uuid NOT NULL,
        program text NOT NULL,
        period daterange NOT NULL,
        PRIMARY KEY (enrollment_id, program),
        CONSTRAINT enrollment_programs_no_overlap EXCLUDE USING gist (worker_id WITH =, program WITH =, period WITH &&)
      )`);
    await q.query(`
      CREATE FUNCTION enrollment_programs_of_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO enrollment_programs (enrollment_id, worker_id, program, period)
        SELECT e.id, e.worker_id, p.program, daterange(e.start_date, e.end_date, '[]')
        FROM changed e CROSS JOIN LATERAL unnest(e.programs) AS p(program);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION enrollment_programs_of_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM enrollment_programs WHERE enrollment_id IN (SELECT id FROM changed);
        INSERT INTO enrollment_programs (enrollment_id, worker_id, program, period)
        SELECT e.id, e.worker_id, p.program, daterange(e.start_date, e.end_date, '[]')
        FROM changed e CROSS JOIN LATERAL unnest(e.programs) AS p(program);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER enrollment_programs_insert AFTER INSERT ON enrollments
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION enrollment_programs_of_inserted()`);
    await q.query(`
      CREATE TRIGGER enrollment_programs_update AFTER UPDATE ON enrollments
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION enrollment_programs_of_updated()`);
  }

  private async auditEvents(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_role text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        changes jsonb,
        reason text,
        request_id text,
        regency_id uuid,
        village_id uuid,
        partner_id uuid
      )`);
    await q.query(`CREATE INDEX audit_events_at_idx ON audit_events (at, id)`);
    await q.query(`CREATE INDEX audit_events_regency_at_idx ON audit_events (regency_id, at, id)`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, at)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, at)`);
    await q.query(`CREATE INDEX audit_events_action_idx ON audit_events (action, at)`);
    // Append-only for everyone, the table's owner and superusers included: a trigger, not only a grant.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_runs`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only`);
    await q.query(`DROP TABLE enrollment_programs`);
    await q.query(`DROP TABLE enrollments`);
    await q.query(`DROP FUNCTION enrollment_programs_of_inserted`);
    await q.query(`DROP FUNCTION enrollment_programs_of_updated`);
    await q.query(`DROP TABLE worker_distinct_pairs`);
    await q.query(`DROP TABLE worker_partners`);
    await q.query(`DROP TABLE workers`);
    await q.query(`DROP FUNCTION workers_regency_of_village`);
    await q.query(`DROP INDEX partner_organisations_name_trgm_idx`);
    await q.query(`DROP INDEX partner_organisations_npp_key`);
    await q.query(`ALTER TABLE partner_organisations DROP COLUMN npp, DROP COLUMN address, DROP COLUMN status_reason, DROP COLUMN status_changed_at`);
  }
}
