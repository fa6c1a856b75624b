import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A partner's ties carry each person's name, kept equal to the person's by a foreign key over
 * both columns (ON UPDATE CASCADE: a renamed person's ties follow in the same statement; a tie
 * with any other name is refused), and are indexed by partner and name.
 *
 * Why: a partner's list by name — the portal's default — walked everybody's name index to find
 * its own people: a partner with 6,278 of a million people passed ~7,000 names for its first 50
 * (15 ms of SQL). Off its ties' index it reads 50 (0.4 ms); see the Worker's link scope term.
 * The name index of workers becomes the unique key the ties refer to: (full_name, id) is unique
 * anyway, since id is, and no second index is written for it.
 */
export class PartnerPagesByName1766100000000 implements MigrationInterface {
  name = 'PartnerPagesByName1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX workers_name_key ON workers (full_name, id)`);
    await q.query(`DROP INDEX workers_name_idx`);
    await q.query(`ALTER TABLE workers ADD CONSTRAINT workers_name_key UNIQUE USING INDEX workers_name_key`);
    await q.query(`ALTER TABLE worker_partners ADD COLUMN full_name text`);
    await q.query(`UPDATE worker_partners wp SET full_name = w.full_name FROM workers w WHERE w.id = wp.worker_id`);
    await q.query(`
      ALTER TABLE worker_partners
        ALTER COLUMN full_name SET NOT NULL,
        DROP CONSTRAINT worker_partners_worker_id_fkey,
        ADD CONSTRAINT worker_partners_worker_fkey FOREIGN KEY (full_name, worker_id) REFERENCES workers (full_name, id)
          ON DELETE CASCADE ON UPDATE CASCADE`);
    await q.query(`CREATE INDEX worker_partners_name_idx ON worker_partners (partner_id, full_name, worker_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX worker_partners_name_idx`);
    await q.query(`
      ALTER TABLE worker_partners
        DROP CONSTRAINT worker_partners_worker_fkey,
        ADD CONSTRAINT worker_partners_worker_id_fkey FOREIGN KEY (worker_id) REFERENCES workers (id) ON DELETE CASCADE,
        DROP COLUMN full_name`);
    await q.query(`CREATE INDEX workers_name_idx ON workers (full_name, id)`);
    await q.query(`ALTER TABLE workers DROP CONSTRAINT workers_name_key`);
  }
}
