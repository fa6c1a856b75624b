import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { PROGRAMS } from '@lindung/domain';
import { asServiceUnavailable } from '../../api/src/core/database-errors';
import { DEMO, login } from '../support/api';

// What is stored, checked in the database itself: secrets only as hashes, schema changes reversible.
describe('storage', () => {
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
    await db.connect();
  });
  afterAll(() => db.end());

  it('should store passwords as argon2id with OWASP parameters (19 MiB, t=2, p=1)', async () => {
    const { rows } = await db.query(`SELECT password_hash FROM users WHERE email = $1`, [DEMO.admin]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('should store refresh tokens only as SHA-256 hashes', async () => {
    const session = await login(DEMO.auditor);
    const { rows } = await db.query(
      `SELECT encode(token_hash, 'hex') AS hash FROM refresh_tokens WHERE token_hash = sha256(convert_to($1, 'UTF8'))`,
      [session.refreshToken],
    );
    expect(rows).toHaveLength(1);
    const plain = await db.query(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE position(convert_to($1, 'UTF8') IN token_hash) > 0`,
      [session.refreshToken],
    );
    expect(plain.rows[0].n).toBe(0);
  });

  it('should make time-ordered ids (UUIDv7) for new rows', async () => {
    const { rows: made } = await db.query(
      `SELECT a.id::text AS first, b.id::text AS second, a.at FROM (SELECT lindung_uuid_v7() AS id, clock_timestamp() AS at) a,
       LATERAL (SELECT pg_sleep(0.005), lindung_uuid_v7() AS id) b`,
    );
    const { first, second, at } = made[0];
    for (const id of [first, second]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The first 48 bits are the milliseconds of the moment it was made, so a later id sorts after.
    expect(Math.abs(Number.parseInt(first.replace(/-/g, '').slice(0, 12), 16) - at.getTime())).toBeLessThan(1000);
    expect(second > first).toBe(true);

    // The demo data's rows, written at start-up, have them.
    for (const table of ['workers', 'enrollments']) {
      const { rows: latest } = await db.query(`SELECT id::text FROM ${table} ORDER BY created_at DESC LIMIT 1`);
      expect(latest[0].id.charAt(14)).toBe('7');
    }
    const { rows: defaults } = await db.query(
      `SELECT table_name, column_default FROM information_schema.columns WHERE column_name = 'id' AND table_name IN ('enrollments', 'audit_events', 'workers') ORDER BY table_name`,
    );
    expect(defaults).toEqual([
      { table_name: 'audit_events', column_default: 'lindung_uuid_v7()' },
      { table_name: 'enrollments', column_default: 'lindung_uuid_v7()' },
      { table_name: 'workers', column_default: 'lindung_uuid_v7()' },
    ]);
  });

  /** A worker without any enrollment, and an INSERT of one for it on a given connection. */
  async function coverWriter() {
    const [{ id: workerId }] = (
      await db.query(`SELECT w.id FROM workers w WHERE NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.worker_id = w.id) ORDER BY w.id LIMIT 1`)
    ).rows;
    const enrol = (client: Client, programs: string[], start: string, end: string | null) =>
      client.query(
        `INSERT INTO enrollments (worker_id, category, programs, funding_source, start_date, end_date, declared_income, monthly_contribution, contribution_breakdown)
         VALUES ($1, 'PU', $2, 'EMPLOYER', $3, $4, 0, 0, '{}') RETURNING id`,
        [workerId, programs, start, end],
      );
    return { workerId, enrol };
  }

  const codeOf = (write: Promise<unknown>): Promise<string | null> => write.then(
    () => null,
    (error: { code?: string }) => error.code ?? 'no code',
  );

  it('should refuse in the database itself a second cover of one worker in one program on overlapping days, for every program', async () => {
    const { workerId, enrol } = await coverWriter();
    const refused = async (write: () => Promise<unknown>) => {
      await db.query('SAVEPOINT attempt');
      try {
        return await codeOf(write());
      } finally {
        await db.query('ROLLBACK TO SAVEPOINT attempt');
      }
    };
    await db.query('BEGIN');
    try {
      await enrol(db, [...PROGRAMS], '2026-01-01', '2026-06-30');
      for (const program of PROGRAMS) {
        expect(await refused(() => enrol(db, [program], '2026-06-30', null))).toBe('23P01');
        expect(await refused(() => enrol(db, [program], '2026-07-01', null))).toBeNull();
      }
      // Two rows of one statement are checked against each other too.
      expect(await refused(() => db.query(
        `INSERT INTO enrollments (worker_id, category, programs, funding_source, start_date, declared_income, monthly_contribution, contribution_breakdown)
         VALUES ($1, 'PU', '{JP}', 'EMPLOYER', '2027-01-01', 0, 0, '{}'), ($1, 'PU', '{JP,JHT}', 'EMPLOYER', '2027-02-01', 0, 0, '{}')`,
        [workerId],
      ))).toBe('23P01');
      // An update is checked as well: moving a later cover back onto the first one's days.
      await enrol(db, ['JKK'], '2026-07-01', null);
      expect(await refused(() => db.query(`UPDATE enrollments SET start_date = '2026-06-01' WHERE worker_id = $1 AND start_date = '2026-07-01'`, [workerId]))).toBe('23P01');
      // A change that moves no cover (a status) is not refused for what it does not touch.
      expect(await refused(() => db.query(`UPDATE enrollments SET status = 'ACTIVE' WHERE worker_id = $1`, [workerId]))).toBeNull();
    } finally {
      await db.query('ROLLBACK');
    }
  });

  it('should make a second writer of one worker\'s cover wait for the first, then refuse it if the first committed', async () => {
    const { enrol } = await coverWriter();
    const second = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
    await second.connect();
    const waitsForALock = async (pid: number) => {
      for (let i = 0; i < 200; i += 1) {
        const { rows } = await db.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid]);
        if (rows[0]?.wait_event_type === 'Lock') return true;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return false;
    };
    const secondPid = (await second.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
    let firstId: string | null = null;
    try {
      // The first rolls back: the second, which waited, goes in.
      await db.query('BEGIN');
      await enrol(db, ['JKK', 'JKM'], '2026-01-01', null);
      await second.query('BEGIN');
      let attempt = codeOf(enrol(second, ['JKK'], '2026-03-01', null));
      expect(await waitsForALock(secondPid)).toBe(true);
      await db.query('ROLLBACK');
      expect(await attempt).toBeNull();
      await second.query('ROLLBACK');

      // The first commits: the second, which waited, reads it and is refused.
      await db.query('BEGIN');
      firstId = (await enrol(db, ['JKK', 'JKM'], '2026-01-01', null)).rows[0].id;
      await second.query('BEGIN');
      attempt = codeOf(enrol(second, ['JKK'], '2026-03-01', null));
      expect(await waitsForALock(secondPid)).toBe(true);
      await db.query('COMMIT');
      expect(await attempt).toBe('23P01');
      await second.query('ROLLBACK');
    } finally {
      await db.query('ROLLBACK').catch(() => undefined);
      await second.query('ROLLBACK').catch(() => undefined);
      await second.end();
      if (firstId) await db.query(`DELETE FROM enrollments WHERE id = $1`, [firstId]);
    }
  });

  it('should refuse an enrollment written under REPEATABLE READ, where the overlap check would read an old snapshot', async () => {
    const { enrol } = await coverWriter();
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    try {
      expect(await codeOf(enrol(db, ['JKK'], '2026-01-01', null))).toBe('0A000');
    } finally {
      await db.query('ROLLBACK');
    }
  });

  it("should hold a worker's regency to its village's, given with the row or filled in, and after a move", async () => {
    const villages = (
      await db.query(`SELECT DISTINCT ON (regency_id) id, regency_id FROM villages ORDER BY regency_id, code LIMIT 2`)
    ).rows as Array<{ id: string; regency_id: string }>;
    const [here, there] = villages;
    const insert = (regencyId: string | null) =>
      db.query(
        `INSERT INTO workers (nik, full_name, name_key, birth_date, gender, village_id, regency_id)
         VALUES ('5104010101900001', 'Uji Regensi', 'uji regensi', '1990-01-01', 'MALE', $1, $2) RETURNING id, regency_id`,
        [here.id, regencyId],
      );
    await db.query('BEGIN');
    try {
      await db.query('SAVEPOINT attempt');
      expect(await codeOf(insert(there.regency_id))).toBe('23503');
      await db.query('ROLLBACK TO SAVEPOINT attempt');
      const [given] = (await insert(here.regency_id)).rows;
      expect(given.regency_id).toBe(here.regency_id);
      await db.query(`DELETE FROM workers WHERE id = $1`, [given.id]);
      const [filled] = (await insert(null)).rows;
      expect(filled.regency_id).toBe(here.regency_id);
      const moved = await db.query(`UPDATE workers SET village_id = $2 WHERE id = $1 RETURNING regency_id`, [filled.id, there.id]);
      expect(moved.rows[0].regency_id).toBe(there.regency_id);
    } finally {
      await db.query('ROLLBACK');
    }
  });

  it('should answer a transaction PostgreSQL stopped to end a deadlock as busy, to be tried again', async () => {
    const [x, y] = (await db.query(`SELECT id FROM regencies ORDER BY id LIMIT 2`)).rows.map((row) => row.id as string);
    const other = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
    await other.connect();
    const lock = (client: Client, id: string) => client.query(`SELECT 1 FROM regencies WHERE id = $1 FOR UPDATE`, [id]);
    try {
      await db.query('BEGIN');
      await other.query('BEGIN');
      await lock(db, x);
      await lock(other, y);
      // Each now waits for the other: PostgreSQL ends one of them.
      const outcomes = await Promise.allSettled([lock(db, y), lock(other, x)]);
      const stopped = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      expect(stopped).toHaveLength(1);
      expect(asServiceUnavailable(stopped[0])?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_BUSY', retryAfterSeconds: 1 });
    } finally {
      await db.query('ROLLBACK');
      await other.query('ROLLBACK');
      await other.end();
    }
  });

  it('should apply, revert and re-apply every migration', () => {
    const steps = JSON.parse(
      execFileSync(process.execPath, [path.join(__dirname, '../support/migrations-roundtrip.cjs'), process.env.LINDUNG_DATABASE_URL!], { encoding: 'utf8' }),
    );
    expect(steps.up).toEqual(expect.arrayContaining(['regencies', 'districts', 'villages', 'users', 'refresh_tokens', 'partner_organisations']));
    expect(steps.down).toEqual([]);
    expect(steps.upAgain).toEqual(steps.up);
  });
});
