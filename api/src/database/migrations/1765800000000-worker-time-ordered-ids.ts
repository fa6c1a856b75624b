import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * New workers get time-ordered ids (lindung_uuid_v7, TimeOrderedIds1765600000000) like every other
 * table. They were left out while a worker's id led the GiST of enrollment_programs, where similar
 * new ids made each insert search more of it; the overlap constraints on enrollments
 * (OverlapOnEnrollments1765700000000) do not mind. With random ids, the 10,000 people of an import
 * landed on random pages of every index holding a worker's id: on the million-worker bench
 * database their CREATE audit events took 0.36 to 0.49 s (audit_events_entity_idx) and their
 * enrollments 1.1 to 1.5 s; with time-ordered ids 0.16 to 0.25 s and 1.0 s.
 */
export class WorkerTimeOrderedIds1765800000000 implements MigrationInterface {
  name = 'WorkerTimeOrderedIds1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workers ALTER COLUMN id SET DEFAULT lindung_uuid_v7()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workers ALTER COLUMN id SET DEFAULT gen_random_uuid()`);
  }
}
