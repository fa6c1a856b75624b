import { Client } from 'pg';
import { waitFor } from '../support/wait';
import { DEMO, DEMO_PASSWORD, LOGIN } from '../support/api';
import { post, scratchDatabase, startApi, stopApi, type ChildApi } from '../support/child-api';
import { newNik } from '../support/registry';

/**
 * The cycle's two tests that need an API of their own (a scratch database, a child process): 200
 * decisions racing for one budget — they would starve the shared test server's pool — and a
 * server killed (SIGKILL) in the middle of a decision.
 */
const FISCAL_YEAR = 2039;
const YEARLY_COST = 12 * 16_800;

let api: ChildApi | null = null;
let database: { url: string; drop: () => Promise<void> };

beforeAll(async () => {
  database = await scratchDatabase(`lindung_cycle_${process.pid}`);
  api = await startApi({ DATABASE_URL: database.url, DATA_DIR: `${process.env.LINDUNG_DATA_DIR}/cycle-isolated`, DEMO_DATA: '1' });
}, 60_000);

afterAll(async () => {
  if (api && api.child.exitCode === null && api.child.signalCode === null) await stopApi(api.child);
  await database?.drop();
}, 30_000);

async function signIn(email: string): Promise<Record<string, string>> {
  const { body } = await post(api!.url, LOGIN, { email, password: DEMO_PASSWORD });
  return { authorization: `Bearer ${body.data.login.accessToken}` };
}

async function call(headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) {
  const { body } = await post(api!.url, query, variables, headers);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const DECIDE = `mutation($id: ID!, $d: [ProposalDecisionInput!]!) { decideProposal(id: $id, decisions: $d) { id status } }`;

async function sql<T = any>(db: Client, text: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(text, params)).rows;
}

async function query<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
  const db = new Client({ connectionString: database.url });
  await db.connect();
  try {
    return await sql<T>(db, text, params);
  } finally {
    await db.end();
  }
}

describe('many officials deciding at once', () => {
  /**
   * 200 submitted one-worker proposals, decided at once in a random order against a budget that
   * funds only some: exactly as many succeed as fit, the others get BUDGET_EXCEEDED, and the
   * budget's committed amount is exactly the approved cost — never more than its amount — with no
   * enrollment for a refused decision.
   */
  async function race(fiscalYear: number, fits: number): Promise<void> {
    const official = await signIn(DEMO.pejabatGianyar);
    const [{ id: budgetId }] = await query(
      `INSERT INTO budgets (regency_id, fiscal_year, name, amount) SELECT id, $1::int, 'APBD ' || $1::int, $2::bigint FROM regencies WHERE code = '51.04' RETURNING id`,
      [fiscalYear, fits * YEARLY_COST + YEARLY_COST - 1],
    );
    const proposals = await submittedProposals(fiscalYear, 200);
    const order = [...proposals].sort(() => Math.random() - 0.5);
    const results = await Promise.all(order.map((p) => decideRetryingWhenBusy(p, official)));
    const refused = results.filter((r) => r.errors);
    expect(new Set(refused.map((r) => r.errors[0].extensions.reason ?? r.errors[0].message))).toEqual(new Set(['BUDGET_EXCEEDED']));
    expect(results.length - refused.length).toBe(fits);

    const [budget] = await query(`SELECT committed::bigint::int AS committed, amount::bigint::int AS amount, workers_funded FROM budgets WHERE id = $1`, [budgetId]);
    expect(budget).toMatchObject({ committed: fits * YEARLY_COST, workers_funded: fits });
    expect(budget.committed).toBeLessThanOrEqual(budget.amount);
    const [counts] = await query(
      `SELECT count(DISTINCT p.id) FILTER (WHERE p.status = 'APPROVED')::int AS approved,
              count(e.id)::int AS enrollments,
              count(e.id) FILTER (WHERE p.status <> 'APPROVED')::int AS stray
       FROM proposals p JOIN proposal_items i ON i.proposal_id = p.id
       LEFT JOIN enrollments e ON e.worker_id = i.worker_id AND e.funding_source = 'REGENCY_BUDGET'
       WHERE p.id = ANY($1::uuid[])`,
      [proposals.map((p) => p.id)],
    );
    expect(counts).toEqual({ approved: fits, enrollments: fits, stray: 0 });
  }

  /**
   * One official's decision, sent again after the Retry-After when the server answers 503
   * DATABASE_BUSY (nothing was done: its pool was full for longer than a request may wait), as a
   * client should.
   */
  async function decideRetryingWhenBusy(p: { id: string; itemId: string }, headers: Record<string, string>) {
    for (;;) {
      const { body } = await post(api!.url, DECIDE, { id: p.id, d: [{ itemId: p.itemId, approve: true }] }, headers);
      if (body.errors?.[0]?.extensions.reason !== 'DATABASE_BUSY') return body;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  /** Workers and their submitted proposals, written straight into the database (the setup, not the test). */
  async function submittedProposals(fiscalYear: number, count: number): Promise<Array<{ id: string; itemId: string }>> {
    const niks = Array.from({ length: count }, () => newNik('1980-05-05'));
    return query(
      `WITH w AS (
         INSERT INTO workers (nik, full_name, name_key, birth_date, gender, village_id, vulnerable)
         SELECT n, 'Pekerja Balapan ' || n, 'pekerja balapan ' || n, '1980-05-05', 'MALE', v.id, true
         FROM unnest($1::text[]) AS n, villages v WHERE v.code = '51.04.05.2002'
         RETURNING id, nik, full_name, village_id, regency_id
       ), numbered AS (
         SELECT w.*, row_number() OVER () AS n FROM w
       ), p AS (
         INSERT INTO proposals (regency_id, village_id, fiscal_year, months, status, created_by_id, submitted_at, total_cost)
         SELECT numbered.regency_id, numbered.village_id, $2, 12, 'SUBMITTED', u.id, now(), $3
         FROM numbered, users u WHERE u.email = 'perbekel.mas@lindung.test'
         RETURNING id
       ), paired AS (
         SELECT numbered.*, q.id AS proposal_id FROM numbered JOIN (SELECT id, row_number() OVER () AS n FROM p) q USING (n)
       )
       INSERT INTO proposal_items (proposal_id, worker_id, nik, full_name, village_id, cost)
       SELECT proposal_id, id, nik, full_name, village_id, $3 FROM paired
       RETURNING proposal_id AS id, id AS "itemId"`,
      [niks, fiscalYear, YEARLY_COST],
    );
  }

  it('should commit exactly what fits when 200 decisions race, in any order', async () => {
    await race(2037, 57);
    await race(2038, 130);
  }, 120_000);
});

/**
 * A SUBMITTED 12-month proposal of Mas for `year`, of `names.length` new vulnerable workers
 * (reported by a partner), and the year's budget of `amount`; with the official who decides it.
 */
async function submittedProposal(year: number, names: string[], amount: number) {
  const [partner, head, official] = [await signIn(DEMO.mitraSanggar), await signIn(DEMO.perbekelMas), await signIn(DEMO.pejabatGianyar)];
  const mas = (await call(official, `{ allVillages(filter: { code: "51.04.05.2002" }) { id regencyId } }`)).allVillages[0];
  const workerIds: string[] = [];
  for (const name of names) {
    const created = await call(partner, `mutation($nik: String!, $name: String!, $v: ID!) { createWorker(nik: $nik, fullName: $name, villageId: $v, vulnerable: true) { id } }`, {
      nik: newNik('1975-01-02'),
      name,
      v: mas.id,
    });
    workerIds.push(created.createWorker.id);
  }
  const budget = (await call(official, `mutation($r: ID!) { createBudget(regencyId: $r, fiscalYear: ${year}, name: "APBD ${year}", amount: ${amount}) { id } }`, { r: mas.regencyId })).createBudget;
  const drafted = (await call(head, `mutation($v: ID!, $w: [ID!]!) { createProposal(villageId: $v, fiscalYear: ${year}, months: 12, workerIds: $w) { id items { id } } }`, { v: mas.id, w: workerIds })).createProposal;
  await call(head, `mutation($id: ID!) { submitProposal(id: $id) { id } }`, { id: drafted.id });
  return { official, workerIds, budgetId: budget.id as string, proposalId: drafted.id as string, itemIds: drafted.items.map((item: { id: string }) => item.id) as string[] };
}

/**
 * Runs `work` with two connections of the test's own: `db`, which holds what the decision must wait
 * for, and `watcher`, which watches pg_stat_activity from outside db's transaction (a transaction
 * reads it once).
 */
async function withConnections(work: (db: Client, watcher: Client) => Promise<void>): Promise<void> {
  const [db, watcher] = [new Client({ connectionString: database.url }), new Client({ connectionString: database.url })];
  await db.connect();
  await watcher.connect();
  try {
    await work(db, watcher);
  } finally {
    await db.end();
    await watcher.end();
  }
}

/** Nothing of the decision is left: the proposal submitted, its workers without enrollments, no DECIDE event. */
async function expectUndecided(db: Client, proposalId: string, workerIds: string[]): Promise<void> {
  const [proposal] = await sql(db, `SELECT status, decided_at, approved_cost::int AS approved_cost FROM proposals WHERE id = $1`, [proposalId]);
  expect(proposal).toEqual({ status: 'SUBMITTED', decided_at: null, approved_cost: 0 });
  const items = await sql(db, `SELECT decision, enrollment_id FROM proposal_items WHERE proposal_id = $1`, [proposalId]);
  expect(items).toEqual(workerIds.map(() => ({ decision: 'PENDING', enrollment_id: null })));
  const [enrollments] = await sql(db, `SELECT count(*)::int AS n FROM enrollments WHERE worker_id = ANY($1::uuid[])`, [workerIds]);
  expect(enrollments.n).toBe(0);
  const [decided] = await sql(db, `SELECT count(*)::int AS n FROM audit_events WHERE action = 'DECIDE' AND (entity_id = $1 OR changes->>'proposalId' = $1)`, [proposalId]);
  expect(decided.n).toBe(0);
}

describe("a decision's cost, committed with its COMMIT", () => {
  it('should refuse the whole decision, with the budget as it then stands, when another took the room meanwhile', async () => {
    const { official, workerIds, budgetId, proposalId, itemIds } = await submittedProposal(FISCAL_YEAR + 1, ['Pekerja Anggaran'], 3 * YEARLY_COST);
    await withConnections(async (db, watcher) => {
      // The budget row held: the decision finds room when it verifies, then waits at its COMMIT.
      await db.query('BEGIN');
      await db.query(`SELECT 1 FROM budgets WHERE id = $1 FOR UPDATE`, [budgetId]);
      const answer = post(api!.url, DECIDE, { id: proposalId, d: [{ itemId: itemIds[0], approve: true }] }, official);
      // (Its statement's opening: pg_stat_activity keeps the first 1,024 bytes of a query only.)
      const committing = `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'WITH s AS MATERIALIZED%' AND pid <> pg_backend_pid()`;
      await waitFor(async () => (await sql(watcher, committing)).length > 0, 20_000, { what: 'the decision waiting at its COMMIT' });
      // Meanwhile another decision (here, SQL) leaves Rp100.
      await db.query(`UPDATE budgets SET committed = amount - 100 WHERE id = $1`, [budgetId]);
      await db.query('COMMIT');

      const { body } = await answer;
      expect(body.data?.decideProposal ?? null).toBeNull();
      expect(body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'BUDGET_EXCEEDED', params: { remaining: 100, required: YEARLY_COST } });
      await expectUndecided(db, proposalId, workerIds);
    });
  }, 60_000);
});

describe('a decision cut off by kill -9', () => {
  it('should leave the proposal submitted, its items undecided, no enrollment and the budget untouched', async () => {
    const { official, workerIds, budgetId, proposalId, itemIds } = await submittedProposal(FISCAL_YEAR, ['Pekerja Henti 0', 'Pekerja Henti 1', 'Pekerja Henti 2'], 100_000_000);
    await withConnections(async (db, watcher) => {
      // A registration of one of the workers, not yet committed, that overlaps the cover: the
      // decision's statement writes its items, proposal, enrollments and audit events, then waits
      // in the exclusion check on that registration, before its last statement and COMMIT are sent.
      await db.query('BEGIN');
      await db.query(
        `INSERT INTO enrollments (worker_id, category, programs, funding_source, start_date, declared_income, monthly_contribution, contribution_breakdown, status)
         VALUES ($1, 'BPU', ARRAY['JKK'], 'SELF', '2026-01-01', 1000000, 10000, '[]', 'PENDING')`,
        [workerIds[0]],
      );
      const answer = post(api!.url, DECIDE, { id: proposalId, d: itemIds.map((itemId) => ({ itemId, approve: true })) }, official).catch((error) => error);
      const deciding = `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%me AS MATERIALIZED%' AND pid <> pg_backend_pid()`;
      await waitFor(async () => (await sql(watcher, deciding)).length > 0, 20_000, { what: 'the decision waiting in its statement' });
      // Its writes exist, uncommitted, in its transaction: killed now.
      const exited = new Promise((resolve) => api!.child.once('exit', resolve));
      api!.child.kill('SIGKILL');
      await exited;
      await answer;
      await db.query('ROLLBACK');
      // PostgreSQL ends the dead client's session and rolls its transaction back.
      await waitFor(async () => (await sql(watcher, `SELECT 1 FROM pg_stat_activity WHERE query LIKE '%me AS MATERIALIZED%' AND pid <> pg_backend_pid()`)).length === 0, 20_000, {
        what: 'the killed session ending',
        state: async () => JSON.stringify(await sql(watcher, `SELECT state, left(query, 40) q FROM pg_stat_activity WHERE query LIKE '%me AS MATERIALIZED%' AND pid <> pg_backend_pid()`)),
      });

      await expectUndecided(db, proposalId, workerIds);
      const [after] = await sql(db, `SELECT committed::int AS committed, workers_funded FROM budgets WHERE id = $1`, [budgetId]);
      expect(after).toEqual({ committed: 0, workers_funded: 0 });
    });
  }, 60_000);
});
