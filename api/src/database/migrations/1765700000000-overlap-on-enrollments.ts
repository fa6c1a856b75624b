import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The programs as this migration knows them (packages/domain's PROGRAMS when it was written). */
const PROGRAMS = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'] as const;

/**
 * Overlapping cover is refused by enrollments themselves: one exclusion constraint per program,
 * each over the enrollments holding that program (a partial GiST of worker and period), instead
 * of a row per program and period in enrollment_programs kept by triggers.
 *
 * Why: every enrollment written paid for a second table — its rows, their primary key, a foreign
 * key check each, and a GiST whose key carried the program's name — and every update of an
 * enrollment (a status, a decision) deleted and wrote its program rows again. On the
 * million-worker bench database, 10,000 two-program enrollments took 1.0 to 1.8 s to insert; with
 * these constraints 0.7 s (0.3 s with no overlap check at all). The import's enrollment statement
 * went from 1.28 to 0.98 s (mean of six imports). One GiST per program beat one GiST over the
 * program sets (intarray's gist__int_ops; 0.56 to 0.75 s) and needs no other extension.
 *
 * The guarantee is the same: two enrollments of one worker that share a program never share a
 * day, whoever writes them, racing or not (SQLSTATE 23P01, as before).
 */
export class OverlapOnEnrollments1765700000000 implements MigrationInterface {
  name = 'OverlapOnEnrollments1765700000000';

  async up(q: QueryRunner): Promise<void> {
    for (const program of PROGRAMS) {
      await q.query(`
        ALTER TABLE enrollments ADD CONSTRAINT enrollments_no_overlap_${program.toLowerCase()}
        EXCLUDE USING gist (worker_id WITH =, daterange(start_date, end_date, '[]') WITH &&)
        WHERE (programs @> ARRAY['${program}']::text[])`);
    }
    await q.query(`DROP TRIGGER enrollment_programs_insert ON enrollments`);
    await q.query(`DROP TRIGGER enrollment_programs_update ON enrollments`);
    await q.query(`DROP FUNCTION enrollment_programs_of_inserted()`);
    await q.query(`DROP FUNCTION enrollment_programs_of_updated()`);
    await q.query(`DROP TABLE enrollment_programs`);
  }

  async down(q: QueryRunner): Promise<void> {
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
      INSERT INTO enrollment_programs (enrollment_id, worker_id, program, period)
      SELECT e.id, e.worker_id, p.program, daterange(e.start_date, e.end_date, '[]')
      FROM enrollments e CROSS JOIN LATERAL unnest(e.programs) AS p(program)`);
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
    for (const program of PROGRAMS) await q.query(`ALTER TABLE enrollments DROP CONSTRAINT enrollments_no_overlap_${program.toLowerCase()}`);
  }
}
