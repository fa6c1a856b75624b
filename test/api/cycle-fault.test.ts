import { Client } from 'pg';
import { DEMO, DEMO_PASSWORD, LOGIN } from '../support/api';
import { post, scratchDatabase, startApi, stopApi, type ChildApi } from '../support/child-api';
import { newNik } from '../support/registry';

/**
 * A server killed (SIGKILL) in the middle of a decision leaves nothing half-written: the decision
 * is stopped where it has already written its items and enrollments — waiting for the budget row,
 * which the test holds — and the process is killed there. Nothing of it may remain.
 */
const FISCAL_YEAR = 2039;

let api: ChildApi | null = null;
let database: { url: string; drop: () => Promise<void> };

beforeAll(async () => {
  database = await scratchDatabase(`lindung_decide_kill_${process.pid}`);
  api = await startApi({ DATABASE_URL: database.url, DATA_DIR: `${process.env.LINDUNG_DATA_DIR}/decide-kill`, DEMO_DATA: '1' });
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

async function sql<T = any>(db: Client, text: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(text, params)).rows;
}

describe('a decision cut off by kill -9', () => {
  it('should leave the proposal submitted, its items undecided, no enrollment and the budget untouched', async () => {
    const [partner, head, official] = [await signIn(DEMO.mitraSanggar), await signIn(DEMO.perbekelMas), await signIn(DEMO.pejabatGianyar)];
    const mas = (await call(official, `{ allVillages(filter: { code: "51.04.05.2002" }) { id regencyId } }`)).allVillages[0];
    const workerIds: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const created = await call(partner, `mutation($nik: String!, $v: ID!) { createWorker(nik: $nik, fullName: $name, villageId: $v, vulnerable: true) { id } }`.replace('$name', `"Pekerja Henti ${i}"`), {
        nik: newNik('1975-01-02'),
        v: mas.id,
      });
      workerIds.push(created.createWorker.id);
    }
    const budget = (await call(official, `mutation($r: ID!) { createBudget(regencyId: $r, fiscalYear: ${FISCAL_YEAR}, name: "APBD ${FISCAL_YEAR}", amount: 100000000) { id } }`, { r: mas.regencyId })).createBudget;
    const drafted = (await call(head, `mutation($v: ID!, $w: [ID!]!) { createProposal(villageId: $v, fiscalYear: ${FISCAL_YEAR}, months: 12, workerIds: $w) { id items { id } } }`, { v: mas.id, w: workerIds })).createProposal;
    await call(head, `mutation($id: ID!) { submitProposal(id: $id) { id } }`, { id: drafted.id });

    const db = new Client({ connectionString: database.url });
    // Watches from outside db's transaction: pg_stat_activity is read once per transaction.
    const watcher = new Client({ connectionString: database.url });
    await db.connect();
    await watcher.connect();
    try {
      // Hold the budget row: the decision writes everything else, then waits here.
      await db.query('BEGIN');
      await db.query(`SELECT 1 FROM budgets WHERE id = $1 FOR UPDATE`, [budget.id]);
      const decisions = drafted.items.map((item: { id: string }) => ({ itemId: item.id, approve: true }));
      const answer = post(api!.url, `mutation($id: ID!, $d: [ProposalDecisionInput!]!) { decideProposal(id: $id, decisions: $d) { id status } }`, { id: drafted.id, d: decisions }, official).catch((error) => error);
      await waitFor(async () => (await sql(watcher, `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE budgets%'`)).length > 0, 'the decision to wait for the budget');
      // The decision's enrollments exist, uncommitted, in its transaction: killed now.
      const exited = new Promise((resolve) => api!.child.once('exit', resolve));
      api!.child.kill('SIGKILL');
      await exited;
      await answer;
      await db.query('ROLLBACK');
      // PostgreSQL ends the dead client's session and rolls its transaction back.
      await waitFor(async () => (await sql(watcher, `SELECT 1 FROM pg_stat_activity WHERE query LIKE 'UPDATE budgets%' AND pid <> pg_backend_pid()`)).length === 0, 'the killed session to end', async () => JSON.stringify(await sql(watcher, `SELECT state, left(query, 40) q FROM pg_stat_activity WHERE query LIKE 'UPDATE budgets%'`)));

      const [proposal] = await sql(db, `SELECT status, decided_at, approved_cost::int AS approved_cost FROM proposals WHERE id = $1`, [drafted.id]);
      expect(proposal).toEqual({ status: 'SUBMITTED', decided_at: null, approved_cost: 0 });
      const items = await sql(db, `SELECT decision, enrollment_id FROM proposal_items WHERE proposal_id = $1`, [drafted.id]);
      expect(items).toEqual(workerIds.map(() => ({ decision: 'PENDING', enrollment_id: null })));
      const [enrollments] = await sql(db, `SELECT count(*)::int AS n FROM enrollments WHERE worker_id = ANY($1::uuid[])`, [workerIds]);
      expect(enrollments.n).toBe(0);
      const [after] = await sql(db, `SELECT committed::int AS committed, workers_funded FROM budgets WHERE id = $1`, [budget.id]);
      expect(after).toEqual({ committed: 0, workers_funded: 0 });
      const [decided] = await sql(db, `SELECT count(*)::int AS n FROM audit_events WHERE action = 'DECIDE' AND (entity_id = $1 OR changes->>'proposalId' = $1)`, [drafted.id]);
      expect(decided.n).toBe(0);
    } finally {
      await db.end();
      await watcher.end();
    }
  }, 60_000);
});

async function waitFor(condition: () => Promise<boolean>, what: string, state?: () => Promise<string>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${state ? `: ${await state()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
