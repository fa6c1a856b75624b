import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The vulnerable-worker cycle, coverage and the Paritrana Award: budgets (one per regency and
 * fiscal year, whose committed amount the database keeps within the amount), proposals and their
 * items (frozen at the decision), official coverage reports, regulations in force, award results
 * and the award score's dated weights. Indexes lead with the scope columns.
 */
export class VulnerableCycle1764800000000 implements MigrationInterface {
  name = 'VulnerableCycle1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await this.budgets(q);
    await this.proposals(q);
    await this.coverage(q);
    await this.awards(q);
  }

  private async budgets(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE budgets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        regency_id uuid NOT NULL REFERENCES regencies(id),
        fiscal_year int NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        amount bigint NOT NULL CHECK (amount >= 0),
        committed bigint NOT NULL DEFAULT 0 CHECK (committed >= 0),
        target_workers int CHECK (target_workers >= 0),
        workers_funded int NOT NULL DEFAULT 0 CHECK (workers_funded >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- The last line of defence against overspending, whatever the application does.
        CONSTRAINT budgets_committed_within_amount CHECK (committed <= amount),
        CONSTRAINT budgets_one_per_year UNIQUE (regency_id, fiscal_year)
      )`);
  }

  private async proposals(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        regency_id uuid NOT NULL REFERENCES regencies(id),
        village_id uuid NOT NULL REFERENCES villages(id),
        fiscal_year int NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
        months int NOT NULL CHECK (months BETWEEN 1 AND 12),
        status text NOT NULL DEFAULT 'DRAFT'
          CHECK (status IN ('DRAFT','SUBMITTED','APPROVED','PARTIALLY_APPROVED','REJECTED','WITHDRAWN')),
        total_cost bigint NOT NULL DEFAULT 0 CHECK (total_cost >= 0),
        approved_cost bigint NOT NULL DEFAULT 0 CHECK (approved_cost >= 0),
        monthly_cost bigint,
        start_date date,
        end_date date,
        renews_year int,
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        submitted_at timestamptz,
        decided_at timestamptz,
        decided_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT proposals_decided_once CHECK ((status IN ('APPROVED','PARTIALLY_APPROVED','REJECTED')) = (decided_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX proposals_regency_idx ON proposals (regency_id, fiscal_year, status)`);
    await q.query(`CREATE INDEX proposals_village_idx ON proposals (village_id, fiscal_year, status)`);
    await q.query(`
      CREATE TABLE proposal_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        worker_id uuid NOT NULL REFERENCES workers(id),
        -- Who was proposed, as verified last (and frozen by the decision).
        nik text NOT NULL,
        full_name text NOT NULL,
        village_id uuid NOT NULL REFERENCES villages(id),
        decision text NOT NULL DEFAULT 'PENDING' CHECK (decision IN ('PENDING','APPROVED','REJECTED')),
        reason text CHECK (length(reason) <= 500),
        cost bigint NOT NULL DEFAULT 0 CHECK (cost >= 0),
        flags text[] NOT NULL DEFAULT '{}',
        enrollment_id uuid REFERENCES enrollments(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT proposal_items_worker_once UNIQUE (proposal_id, worker_id),
        CONSTRAINT proposal_items_refusal_reason CHECK (decision <> 'REJECTED' OR reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX proposal_items_worker_idx ON proposal_items (worker_id, proposal_id)`);
  }

  private async coverage(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE coverage_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        regency_id uuid NOT NULL REFERENCES regencies(id),
        as_of date NOT NULL,
        protected_workers int NOT NULL CHECK (protected_workers >= 0),
        source text NOT NULL CHECK (length(source) BETWEEN 1 AND 300),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT coverage_reports_one_per_day UNIQUE (regency_id, as_of)
      )`);
    await q.query(`
      CREATE TABLE regulations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        regency_id uuid NOT NULL REFERENCES regencies(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to >= valid_from),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX regulations_regency_idx ON regulations (regency_id, valid_from)`);
    // Coverage on a day: enrollments in force then, by worker. Covers the live count's scan.
    await q.query(`
      CREATE INDEX enrollments_in_force_idx ON enrollments (start_date, end_date)
      INCLUDE (worker_id, partner_id, funding_source) WHERE status IN ('ACTIVE','ENDED')`);
  }

  private async awards(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE awards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year int NOT NULL CHECK (year BETWEEN 2017 AND 2100),
        level text NOT NULL CHECK (level IN ('PROVINCE','NATIONAL')),
        category text NOT NULL
          CHECK (category IN ('PROVINCE','REGENCY_GOVERNMENT','LARGE_BUSINESS','MEDIUM_BUSINESS','UMKM','VILLAGE_GOVERNMENT')),
        rank int NOT NULL CHECK (rank BETWEEN 1 AND 100),
        regency_id uuid REFERENCES regencies(id),
        partner_id uuid REFERENCES partner_organisations(id),
        province text,
        score numeric(6,2) CHECK (score >= 0),
        note text CHECK (length(note) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- A province (by name), a regency or a partner organisation: one awardee.
        CONSTRAINT awards_one_awardee CHECK (num_nonnulls(regency_id, partner_id) = 1 OR (category = 'PROVINCE' AND num_nonnulls(regency_id, partner_id) = 0 AND province IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX awards_year_idx ON awards (year, level, category, rank)`);
    await q.query(`
      CREATE TABLE award_weights (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        criterion text NOT NULL
          CHECK (criterion IN ('COVERAGE_RATE','COVERAGE_GROWTH','BUDGET_COMMITTED','PARTNERS_ENGAGED','VULNERABLE_FUNDED','REGULATION')),
        weight numeric(6,2) NOT NULL CHECK (weight >= 0),
        target numeric(12,4) NOT NULL CHECK (target > 0),
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to >= valid_from),
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT award_weights_no_overlap EXCLUDE USING gist (criterion WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
      )`);
    // Lindung's own self-assessment, not the jury's (no rubric is published): the regulation
    // weighs most, as reported; coverage next. Edit them as the program learns.
    const note = 'Self-assessment weights (no public rubric): regulation heaviest, as reported';
    await q.query(
      `INSERT INTO award_weights (criterion, weight, target, valid_from, note) VALUES
        ('REGULATION', 25, 1, '2017-01-01', $1),
        ('COVERAGE_RATE', 25, 1, '2017-01-01', $1),
        ('COVERAGE_GROWTH', 15, 10, '2017-01-01', $1),
        ('BUDGET_COMMITTED', 15, 1, '2017-01-01', $1),
        ('VULNERABLE_FUNDED', 10, 1, '2017-01-01', $1),
        ('PARTNERS_ENGAGED', 10, 4, '2017-01-01', $1)`,
      [note],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_weights`);
    await q.query(`DROP TABLE awards`);
    await q.query(`DROP INDEX enrollments_in_force_idx`);
    await q.query(`DROP TABLE regulations`);
    await q.query(`DROP TABLE coverage_reports`);
    await q.query(`DROP TABLE proposal_items`);
    await q.query(`DROP TABLE proposals`);
    await q.query(`DROP TABLE budgets`);
  }
}
