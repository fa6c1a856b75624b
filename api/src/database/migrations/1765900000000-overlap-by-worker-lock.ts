import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The programs as the migration before this one knew them (its exclusion constraints, restored by `down`). */
const PROGRAMS = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'] as const;

/**
 * Overlapping cover is refused by a check that takes the worker's row lock, instead of one
 * exclusion constraint (a GiST of worker and period) per program.
 *
 * Why: the GiSTs were most of what writing an enrollment cost. On the million-worker bench
 * database 10,000 two-program enrollments took 1.2 s to insert with them and 0.3 s without; the
 * check below adds no time that could be told from noise. An exclusion constraint finds its
 * conflicts in the index it keeps; this check finds them in `enrollments_worker_idx`, which every
 * enrollment is in anyway (a worker has a handful).
 *
 * The guarantee is the same: two enrollments of one worker that share a program never share a
 * day, whoever writes them, racing or not (SQLSTATE 23P01, as before). Racing is what the lock is
 * for: a writer locks the workers whose cover it wrote (FOR NO KEY UPDATE, in id order, after its
 * rows are in), so a second writer of the same worker waits until the first commits or rolls
 * back, and then reads — READ COMMITTED takes a new snapshot per statement — what the first one
 * committed. Under REPEATABLE READ the check would read an older snapshot and let both in: an
 * enrollment written at any other isolation level than READ COMMITTED (the API's) is refused.
 */
export class OverlapByWorkerLock1765900000000 implements MigrationInterface {
  name = 'OverlapByWorkerLock1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION enrollments_refuse_overlap(worker_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        clash record;
      BEGIN
        IF cardinality(worker_ids) = 0 THEN
          RETURN;
        END IF;
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          RAISE EXCEPTION 'enrollments are written under READ COMMITTED only: their overlap check reads what others committed meanwhile'
            USING ERRCODE = 'feature_not_supported';
        END IF;
        PERFORM 1 FROM workers w WHERE w.id = ANY (worker_ids) ORDER BY w.id FOR NO KEY UPDATE;
        SELECT e.id, e.worker_id INTO clash
        FROM enrollments e
        JOIN enrollments o ON o.worker_id = e.worker_id AND o.id <> e.id AND o.programs && e.programs
          AND daterange(o.start_date, o.end_date, '[]') && daterange(e.start_date, e.end_date, '[]')
        WHERE e.worker_id = ANY (worker_ids)
        LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'enrollment % of worker % overlaps another of the same worker in a program', clash.id, clash.worker_id
            USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'enrollments_no_overlap', TABLE = 'enrollments';
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION enrollments_no_overlap_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM enrollments_refuse_overlap(ARRAY(SELECT DISTINCT worker_id FROM changed));
        RETURN NULL;
      END $$`);
    // Only rows whose worker, programs or days changed: a status change moves no cover.
    await q.query(`
      CREATE FUNCTION enrollments_no_overlap_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM enrollments_refuse_overlap(ARRAY(
          SELECT DISTINCT a.worker_id FROM after_rows a JOIN before_rows b ON b.id = a.id
          WHERE (a.worker_id, a.programs, a.start_date, a.end_date) IS DISTINCT FROM (b.worker_id, b.programs, b.start_date, b.end_date)));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER enrollments_no_overlap_insert AFTER INSERT ON enrollments
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION enrollments_no_overlap_inserted()`);
    await q.query(`
      CREATE TRIGGER enrollments_no_overlap_update AFTER UPDATE ON enrollments
      REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollments_no_overlap_updated()`);
    for (const program of PROGRAMS) await q.query(`ALTER TABLE enrollments DROP CONSTRAINT enrollments_no_overlap_${program.toLowerCase()}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const program of PROGRAMS) {
      await q.query(`
        ALTER TABLE enrollments ADD CONSTRAINT enrollments_no_overlap_${program.toLowerCase()}
        EXCLUDE USING gist (worker_id WITH =, daterange(start_date, end_date, '[]') WITH &&)
        WHERE (programs @> ARRAY['${program}']::text[])`);
    }
    await q.query(`DROP TRIGGER enrollments_no_overlap_insert ON enrollments`);
    await q.query(`DROP TRIGGER enrollments_no_overlap_update ON enrollments`);
    await q.query(`DROP FUNCTION enrollments_no_overlap_inserted()`);
    await q.query(`DROP FUNCTION enrollments_no_overlap_updated()`);
    await q.query(`DROP FUNCTION enrollments_refuse_overlap(uuid[])`);
  }
}
