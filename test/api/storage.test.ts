import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
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

  it('should apply, revert and re-apply every migration', () => {
    const steps = JSON.parse(
      execFileSync(process.execPath, [path.join(__dirname, '../support/migrations-roundtrip.cjs'), process.env.LINDUNG_DATABASE_URL!], { encoding: 'utf8' }),
    );
    expect(steps.up).toEqual(expect.arrayContaining(['regencies', 'districts', 'villages', 'users', 'refresh_tokens', 'partner_organisations']));
    expect(steps.down).toEqual([]);
    expect(steps.upAgain).toEqual(steps.up);
  });
});
