import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A worker's regency is held to its village's by one foreign key over both columns, instead of a
 * trigger that looked the regency up for every row inserted plus a foreign key on each column.
 *
 * Why: a set-based insert (an import, the generator) knows the regency of each village already;
 * per row, the lookup and the second key check cost it about a third of its time: 10,000 new
 * people on the million-worker bench database, 0.34 to 0.43 s before, 0.23 to 0.28 s after. The
 * trigger stays for the writers that leave the regency out (it fills it, and follows a move to
 * another village); a regency given with the row must be its village's, or the key refuses it.
 */
export class WorkerRegencyByKey1766000000000 implements MigrationInterface {
  name = 'WorkerRegencyByKey1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE villages ADD CONSTRAINT villages_id_regency_key UNIQUE (id, regency_id)`);
    await q.query(`
      ALTER TABLE workers
        DROP CONSTRAINT workers_village_id_fkey,
        DROP CONSTRAINT workers_regency_id_fkey,
        ADD CONSTRAINT workers_village_regency_fkey FOREIGN KEY (village_id, regency_id) REFERENCES villages (id, regency_id) ON DELETE RESTRICT`);
    await q.query(`DROP TRIGGER workers_regency_of_village ON workers`);
    await q.query(`
      CREATE TRIGGER workers_regency_of_village BEFORE INSERT ON workers
      FOR EACH ROW WHEN (NEW.regency_id IS NULL) EXECUTE FUNCTION workers_regency_of_village()`);
    await q.query(`
      CREATE TRIGGER workers_regency_of_moved_village BEFORE UPDATE OF village_id ON workers
      FOR EACH ROW EXECUTE FUNCTION workers_regency_of_village()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER workers_regency_of_moved_village ON workers`);
    await q.query(`DROP TRIGGER workers_regency_of_village ON workers`);
    await q.query(`
      CREATE TRIGGER workers_regency_of_village BEFORE INSERT OR UPDATE OF village_id ON workers
      FOR EACH ROW EXECUTE FUNCTION workers_regency_of_village()`);
    await q.query(`
      ALTER TABLE workers
        DROP CONSTRAINT workers_village_regency_fkey,
        ADD CONSTRAINT workers_village_id_fkey FOREIGN KEY (village_id) REFERENCES villages (id) ON DELETE RESTRICT,
        ADD CONSTRAINT workers_regency_id_fkey FOREIGN KEY (regency_id) REFERENCES regencies (id) ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE villages DROP CONSTRAINT villages_id_regency_key`);
  }
}
