// The vulnerable-worker cycle at scale (issue 9, "Performance"), on the bench database as the
// registry bench leaves it (a million workers, ~1.17 M enrollments):
//  - `coverage` of Gianyar as its REGENCY_OFFICIAL and as ADMIN, today (~340,000 enrollments in
//    force) and on the day when about 200,000 of Gianyar's enrollments were in force, beside the
//    ledger SQL TypeORM ran for it (captured as the API ran it) on the API's own pool, and beside
//    the raw distinct-count aggregate the ledger replaced;
//  - decisions per second under contention on one budget: N one-worker SUBMITTED proposals of a
//    fiscal year of the run's own, decided by 20 concurrent clients over HTTP as the official
//    (after 400 untimed ones: the code compiled, caches and connections warm), against a budget
//    that funds about two thirds of them; the overspend check after; beside the
//    serialisation floor (the same 20 clients running only the conditional budget UPDATE, one
//    transaction each, on the API's pool). Everything the run creates is removed afterwards.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { graphql } from './graphql-request.mjs';
import { apiDist, apiRequire } from './bench-server.mjs';
import { capturedSql, postgresCpuSeconds, summarise, timed, timedHttp } from './measure.mjs';

const { Client } = apiRequire('pg');
const domain = apiRequire('@lindung/domain');

const OFFICIAL = 'pejabat.gianyar@lindung.test';
const GIANYAR = '51.04';
/** Seconds of measuring per coverage figure (at least MIN_RUNS runs, at most 200). */
const FIGURE_SECONDS = Number(process.env.BENCH_CYCLE_FIGURE_SECONDS ?? 15);
const MIN_RUNS = 5;
const DECISIONS = Number(process.env.BENCH_CYCLE_DECISIONS ?? 400);
/** Decisions made, untimed, before the measured ones: the API's code paths compiled, its caches and connections warm. */
const WARM_UP_DECISIONS = Number(process.env.BENCH_CYCLE_WARM_UP ?? 400);
const CLIENTS = Number(process.env.BENCH_CYCLE_CLIENTS ?? 20);
const NEAR = 200_000;
const COVERAGE = `query($regencyId: ID!, $asOf: Date) { coverage(regencyId: $regencyId, asOf: $asOf) {
  regencyId asOf workforceTarget official { protectedWorkers asOf source rate } live { protectedWorkers rate }
  byDistrict { districtId name protectedWorkers } byVillage { villageId name protectedWorkers }
  byPartnerType { type protectedWorkers } byFundingSource { fundingSource protectedWorkers }
  vulnerable { fiscalYear budgetAmount committed workersFunded targetWorkers } } }`;

/**
 * @param server the running bench API (bench-server.mjs)
 * @param tools run.mjs's helpers: { load, round }
 */
export async function benchCycle(server, tools, parts = { coverage: true, decisions: true }) {
  const databaseUrl = server.dataSource.options.url;
  const pool = apiRequire(apiDist('database/data-source.js')).poolOf(server.dataSource);
  const rows = [];
  const loads = [];
  const notes = [];
  const tokens = { official: await tokenOf(server, OFFICIAL), admin: await tokenOf(server, 'admin@lindung.test') };
  const [{ id: regencyId }] = await pool.query(`SELECT id FROM regencies WHERE code = $1`, [GIANYAR]).then((r) => r.rows);

  if (parts.coverage) await coverageRows(server, pool, tools, regencyId, tokens, rows, notes);
  if (parts.decisions) {
    const decisions = await benchDecisions(server, pool, databaseUrl, tools, { regencyId, token: tokens.official });
    loads.push(...decisions.loads);
    notes.push(...decisions.notes);
  }
  return { rows, loads, notes };
}

async function coverageRows(server, pool, tools, regencyId, tokens, rows, notes) {
  const today = domain.todayIn();
  // Counting takes seconds at this scale: on a connection of its own, without the API's statement timeout.
  const db = new Client({ connectionString: server.dataSource.options.url });
  await db.connect();
  let near;
  let inForceToday;
  try {
    near = await dayNear(db, regencyId, today, NEAR);
    inForceToday = await inForce(db, regencyId, today);
  } finally {
    await db.end();
  }
  for (const [day, count, label] of [
    [near.day, near.count, `~200k scale (${near.day})`],
    [today, inForceToday, `1M-worker scale (today, ${today})`],
  ]) {
    for (const [role, token] of [
      ['REGENCY_OFFICIAL (pejabat.gianyar)', tokens.official],
      ['ADMIN', tokens.admin],
    ]) {
      try {
        rows.push(...(await benchCoverage(server, pool, tools, { regencyId, day, count, label, role, token })));
      } catch (error) {
        // At this scale the aggregate can outlast the API's statement timeout on a busy machine.
        rows.push({ name: `coverage, ${label}, ${role}: FAILED`, note: String(error.message ?? error).slice(0, 200) });
      }
    }
  }
  notes.push(
    'coverage reads the coverage ledger (kept by triggers, folded every 30 s): the API figure is beside its own ledger SQL, and beside the ' +
      'distinct count over the enrollments that the ledger replaced (the "raw aggregate"), which also checks that both give the same total',
  );
  notes.push(
    `coverage at ~200k: no regency has ~200,000 enrollments in force today (Gianyar ${inForceToday.toLocaleString('en-US')}, the next ` +
      `${near.nextLargest.toLocaleString('en-US')}), so the 200k figures ask about Gianyar on ${near.day}, the month end when ` +
      `${near.count.toLocaleString('en-US')} of its enrollments were in force (the same regency, the same tables at the 1M-worker scale)`,
  );
}

async function tokenOf(server, email) {
  const { login } = await graphql(server.url, `mutation($e: String!) { login(email: $e, password: "lindung-demo") { accessToken } }`, { e: email });
  return login.accessToken;
}

const IN_FORCE = `e.status IN ('ACTIVE', 'ENDED') AND e.start_date <= $2::date AND (e.end_date IS NULL OR e.end_date >= $2::date)`;

async function inForce(db, regencyId, day) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM enrollments e JOIN workers w ON w.id = e.worker_id WHERE w.regency_id = $1 AND ${IN_FORCE}`,
    [regencyId, day],
  );
  return rows[0].n;
}

/**
 * The month end of the last 24 months on which the regency's in-force enrollments were nearest
 * `target`, in one pass: on a month's last day d, an enrollment is in force when it started in
 * d's month or before and its day after the end (end_date + 1) falls in a later month.
 */
async function dayNear(db, regencyId, today, target) {
  const { rows } = await db.query(
    `WITH e AS (
       SELECT date_trunc('month', e.start_date)::date AS started, date_trunc('month', e.end_date + 1)::date AS stopped
       FROM enrollments e JOIN workers w ON w.id = e.worker_id
       WHERE w.regency_id = $1 AND e.status IN ('ACTIVE', 'ENDED')
     ), months AS (
       SELECT m::date AS m FROM generate_series(date_trunc('month', $2::date) - interval '23 months', date_trunc('month', $2::date), interval '1 month') m
     ), started AS (SELECT started AS m, count(*) AS n FROM e GROUP BY 1), stopped AS (SELECT stopped AS m, count(*) AS n FROM e WHERE stopped IS NOT NULL GROUP BY 1)
     SELECT least((months.m + interval '1 month - 1 day')::date, $2::date)::text AS day,
            ((SELECT coalesce(sum(n), 0) FROM started WHERE started.m <= months.m) - (SELECT coalesce(sum(n), 0) FROM stopped WHERE stopped.m <= months.m))::int AS n
     FROM months`,
    [regencyId, today],
  );
  const best = rows.filter((row) => row.day < today).sort((a, b) => Math.abs(a.n - target) - Math.abs(b.n - target))[0];
  const { rows: others } = await db.query(
    `SELECT coalesce(max(n), 0)::int AS n FROM (SELECT count(*) AS n FROM enrollments e JOIN workers w ON w.id = e.worker_id
       WHERE w.regency_id <> $1 AND ${IN_FORCE} GROUP BY w.regency_id) x`,
    [regencyId, today],
  );
  // Counted again the plain way, on the day chosen.
  return { day: best.day, count: await inForce(db, regencyId, best.day), nextLargest: others[0].n };
}

/** As many runs as fit FIGURE_SECONDS after one timed probe (at least MIN_RUNS, at most 200). */
function runsFor(probeMs) {
  return Math.max(MIN_RUNS, Math.min(200, Math.floor((FIGURE_SECONDS * 1000) / Math.max(probeMs, 1))));
}

async function benchCoverage(server, pool, { round }, { regencyId, day, count, label, role, token }) {
  const variables = { regencyId, asOf: day };
  const statements = await capturedSql(server, COVERAGE, token, variables);
  const ledger = statements.find((s) => /coverage_ledger/.test(s.sql));
  if (!ledger) throw new Error(`no ledger read among the ${statements.length} statements coverage ran`);
  const probeStart = performance.now();
  const answer = await graphql(server.url, COVERAGE, variables, token);
  const runs = runsFor(performance.now() - probeStart);
  const api = await timedHttp(server, runs, COVERAGE, { token, variables, warmup: 1 });
  const direct = await timed(runs, () => pool.query(ledger.sql, ledger.parameters), 1);
  const raw = await rawAggregate(server, regencyId, day);
  const protectedWorkers = answer.coverage.live.protectedWorkers;
  const ratio = round(api.p50ms / direct.p50ms);
  // The aim is against the aggregate SQL coverage would otherwise run (the raw aggregate).
  const vsRaw = api.p50ms / raw.timing.p50ms;
  const met = vsRaw <= 1.3 && (count > 250_000 || api.p95ms <= 60);
  const aim = `${vsRaw.toFixed(3)}x the raw aggregate (aim <= 1.3x${count <= 250_000 ? ', p95 <= 60 ms' : ''}): ${met ? 'met' : 'MISSED'}`;
  return [
    {
      name: `coverage, ${label}, ${role}, ${count.toLocaleString('en-US')} enrollments in force, ${protectedWorkers.toLocaleString('en-US')} protected, via API`,
      ...api,
      vsSql: `${ratio}x ledger SQL`,
      note: aim,
    },
    { name: `  floor: its ledger SQL (1 of ${statements.length} statements) on the API's own pool`, ...direct },
    {
      name: `  the raw aggregate it replaced: distinct workers in force, GROUPING SETS over the enrollments (${raw.total.toLocaleString('en-US')} protected${raw.total === protectedWorkers ? ', equal' : ', DIFFERENT'})`,
      ...raw.timing,
    },
  ];
}

/**
 * The distinct count over enrollments in force, by village, kecamatan, partner type and funding
 * source, as the API ran it before the ledger: seconds at this scale, so three runs on a
 * connection of its own, without the API's statement timeout.
 */
async function rawAggregate(server, regencyId, day) {
  const db = new Client({ connectionString: server.dataSource.options.url });
  await db.connect();
  try {
    let total = null;
    const timing = await timed(
      3,
      async () => {
        const { rows } = await db.query(
          `SELECT GROUPING(cd.id, cv.id, cp.type, e.funding_source)::int AS g, count(DISTINCT e.worker_id)::int AS n
           FROM enrollments e JOIN workers w ON w.id = e.worker_id AND w.regency_id = $1
           JOIN villages cv ON cv.id = w.village_id JOIN districts cd ON cd.id = cv.district_id
           LEFT JOIN partner_organisations cp ON cp.id = e.partner_id
           WHERE ${IN_FORCE}
           GROUP BY GROUPING SETS ((), (cd.id), (cv.id), (cp.type), (e.funding_source))`,
          [regencyId, day],
        );
        total = rows.find((row) => row.g === 15)?.n ?? 0;
      },
      0,
    );
    return { total, timing };
  } finally {
    await db.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Decisions under contention on one budget

const NAME_PREFIX = 'Bench Siklus';
const BUDGET_PREFIX = 'bench-cycle';

/** The decisions of `jobs`, by CLIENTS concurrent clients in a child process (decision-clients.mjs). */
function decideConcurrently(server, token, jobs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./decision-clients.mjs', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`the decision clients exited with ${code}`))));
    child.stdin.end(JSON.stringify({ url: server.url, token, jobs, clients: CLIENTS }));
  });
}

async function benchDecisions(server, pool, databaseUrl, { round }, { regencyId, token }) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const notes = [];
  try {
    await removeLeftovers(client);
    const year = await freeYear(client, regencyId);
    const budgetName = `${BUDGET_PREFIX} ${process.pid} ${new Date().toISOString()}`;
    try {
      const jobs = await setUp(client, regencyId, year, DECISIONS + 1 + WARM_UP_DECISIONS);
      await client.query(`INSERT INTO budgets (regency_id, fiscal_year, name, amount) VALUES ($1, $2, $3, $4)`, [regencyId, year, budgetName, 1e12]);

      // Warm-up: one decision alone, which also tells the cost of one worker's cover, timed statement by statement.
      const warmUp = jobs.shift();
      const traced = await traceStatements(() =>
        graphql(
          server.url,
          `mutation($id: ID!, $d: [ProposalDecisionInput!]!) { decideProposal(id: $id, decisions: $d) { id status approvedCost } }`,
          { id: warmUp.proposalId, d: [{ itemId: warmUp.itemId, approve: true }] },
          token,
        ),
      );
      const cost = Number(traced.result.decideProposal.approvedCost);
      if (!(cost > 0)) throw new Error(`the warm-up decision committed ${cost}`);
      // Then the warm-up, under the same contention, against the still unbounded budget (reset below).
      const warmUps = jobs.splice(0, WARM_UP_DECISIONS);
      if (warmUps.length > 0) await decideConcurrently(server, token, warmUps);
      const funded = Math.round((jobs.length * 2) / 3);
      const amount = cost * funded;
      await client.query(`UPDATE budgets SET amount = $3, committed = 0, workers_funded = 0 WHERE regency_id = $1 AND fiscal_year = $2`, [regencyId, year, amount]);
      notes.push(`decideProposal alone (the warm-up, ${round(traced.ms)} ms end to end), its statements in order: ${traced.summary}`);

      const cpuBefore = process.cpuUsage();
      const postgresBefore = postgresCpuSeconds();
      const eluBefore = performance.eventLoopUtilization();
      const contended = await traceStatements(() => decideConcurrently(server, token, jobs), { aggregate: true });
      const run = contended.result;
      const cpu = process.cpuUsage(cpuBefore);
      const postgres = postgresBefore === null ? null : postgresCpuSeconds() - postgresBefore;
      const elu = performance.eventLoopUtilization(eluBefore);
      notes.push(
        `decideProposal under contention: the API's process used ${round((cpu.user + cpu.system) / 1000 / run.ms)} of a core, ` +
          `${round((cpu.user + cpu.system) / 1000 / jobs.length)} ms a decision (event loop utilisation ${round(elu.utilization)})` +
          (postgres === null ? '' : `; PostgreSQL ${round((postgres * 1000) / run.ms)} of a core, ${round((postgres * 1000) / jobs.length)} ms a decision`) +
          `; mean per statement (its count): ${contended.summary}`,
      );
      const outcomes = countBy(run.results.map((r) => r.outcome));
      const succeeded = (outcomes.APPROVED ?? 0);
      const exceeded = outcomes.BUDGET_EXCEEDED ?? 0;
      const others = run.results.filter((r) => r.outcome !== 'APPROVED' && r.outcome !== 'BUDGET_EXCEEDED');
      const latency = summarise(run.results.map((r) => r.ms));
      const [budget] = (await client.query(`SELECT amount::bigint AS amount, committed::bigint AS committed, workers_funded FROM budgets WHERE regency_id = $1 AND fiscal_year = $2`, [regencyId, year])).rows;
      const [{ approved, enrolled }] = (
        await client.query(
          `SELECT count(*) FILTER (WHERE p.status = 'APPROVED')::int AS approved, count(i.enrollment_id)::int AS enrolled
           FROM proposals p JOIN proposal_items i ON i.proposal_id = p.id WHERE p.regency_id = $1 AND p.fiscal_year = $2 AND p.id <> ALL($3::uuid[])`,
          [regencyId, year, [warmUp, ...warmUps].map((job) => job.proposalId)],
        )
      ).rows;
      const committed = Number(budget.committed);
      const consistent = committed === succeeded * cost && committed <= Number(budget.amount) && approved === succeeded && enrolled === succeeded && budget.workers_funded === succeeded;
      const perSecond = round(jobs.length / (run.ms / 1000));

      // The floor: the same 20 clients, each attempt only the conditional UPDATE in its own transaction.
      await client.query(`UPDATE budgets SET committed = 0, workers_funded = 0 WHERE regency_id = $1 AND fiscal_year = $2`, [regencyId, year]);
      const floor = await budgetUpdatesConcurrently(pool, regencyId, year, cost, jobs.length);

      const check = `committed ${committed.toLocaleString('en-US')} ${committed === succeeded * cost ? '==' : '!='} ${succeeded} x ${cost.toLocaleString('en-US')} ${committed <= Number(budget.amount) ? '<=' : '>'} amount ${Number(budget.amount).toLocaleString('en-US')}; ${approved} proposals APPROVED, ${enrolled} enrollments, workers_funded ${budget.workers_funded}: ${consistent ? 'OK' : 'OVERSPENT OR INCONSISTENT'}`;
      notes.push(`overspend check: ${check}`);
      notes.push(`the decision's prepared statements, as PostgreSQL planned them on the API's connections: ${await preparedPlans(pool)}`);
      if (perSecond < 150) {
        const m = contended.mean;
        // What every decision sends (not the refusals' ROLLBACK, nor the housekeeping's odd statement meanwhile).
        const statements = Object.keys(m).filter((k) => k !== 'ROLLBACK' && contended.count[k] >= jobs.length / 2);
        const trip = statements.reduce((a, k) => a + m[k], 0) / Math.max(statements.length, 1);
        notes.push(
          `decisions miss >= 150/s. An approved decision is ${statements.length} statements (${statements.join(', ')}), each ` +
            `${round(trip)} ms on average under this load: the API's event loop (utilisation ${round(elu.utilization)}) and PostgreSQL ` +
            'share the 2 cores, so every reply waits behind the other requests\' work. The budget row is locked only while PostgreSQL ' +
            'runs the last statement and the COMMIT, sent together in one message; what is left is CPU on both sides.',
        );
      }
      if (others.length > 0) notes.push(`decisions that failed otherwise: ${JSON.stringify(countBy(others.map((r) => r.outcome)))}; first: ${others[0].message}`);
      return {
        loads: [
          {
            name: `decideProposal, ${jobs.length} one-worker proposals, ${CLIENTS} clients, one budget (funds ${funded}), via API`,
            perSecond,
            p50ms: latency.p50ms,
            p95ms: latency.p95ms,
            approved: succeeded,
            budgetExceeded: exceeded,
            otherErrors: others.length,
            retries: run.retries,
            note: `aim >= 150/s; ${round(floor.perSecond / perSecond)}x below the floor's rate; ${consistent ? 'no overspend' : 'OVERSPEND CHECK FAILED'}`,
          },
          {
            name: `  floor: the conditional budget UPDATE alone, one transaction each, ${CLIENTS} clients on the API's pool`,
            perSecond: floor.perSecond,
            p50ms: floor.p50ms,
            p95ms: floor.p95ms,
            approved: floor.succeeded,
            budgetExceeded: floor.refused,
            otherErrors: 0,
            retries: 0,
            note: `committed after: ${floor.committed === floor.succeeded * cost ? '==' : '!='} ${floor.succeeded} x cost`,
          },
        ],
        notes,
      };
    } finally {
      await removeYear(client, regencyId, year);
    }
  } finally {
    await client.end();
  }
}

/**
 * How PostgreSQL planned the API's prepared statements of the cycle (pg_prepared_statements, read
 * on every connection of the API's pool): kept generic plans, or custom plans made on each run,
 * which cost a planning each time (several ms for the decision's).
 */
async function preparedPlans(pool) {
  const clients = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
  try {
    const plans = new Map();
    for (const client of clients) {
      const { rows } = await client.query(`SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name LIKE 'proposal-%' ORDER BY name`);
      for (const row of rows) {
        const sum = plans.get(row.name) ?? { generic: 0, custom: 0 };
        sum.generic += Number(row.generic_plans);
        sum.custom += Number(row.custom_plans);
        plans.set(row.name, sum);
      }
    }
    return [...plans].map(([name, sum]) => `${name} ${sum.generic} generic, ${sum.custom} custom`).join('; ') || 'none';
  } finally {
    for (const client of clients) client.release();
  }
}

function countBy(values) {
  const counts = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** `attempts` conditional UPDATEs by CLIENTS concurrent clients, each BEGIN; UPDATE … RETURNING; COMMIT. */
async function budgetUpdatesConcurrently(pool, regencyId, year, cost, attempts) {
  let next = 0;
  let succeeded = 0;
  let refused = 0;
  const samples = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < attempts) {
        next += 1;
        const start = performance.now();
        const connection = await pool.connect();
        try {
          await connection.query('BEGIN');
          const { rows } = await connection.query(
            `UPDATE budgets SET committed = committed + $3, workers_funded = workers_funded + $4, updated_at = now()
             WHERE regency_id = $1 AND fiscal_year = $2 AND committed + $3 <= amount
             RETURNING id, committed, amount`,
            [regencyId, year, cost, 1],
          );
          await connection.query(rows.length ? 'COMMIT' : 'ROLLBACK');
          if (rows.length) succeeded += 1;
          else refused += 1;
        } finally {
          connection.release();
        }
        samples.push(performance.now() - start);
      }
    }),
  );
  const ms = performance.now() - started;
  const { rows } = await pool.query(`SELECT committed::bigint AS committed FROM budgets WHERE regency_id = $1 AND fiscal_year = $2`, [regencyId, year]);
  return { ...summarise(samples), perSecond: Math.round((attempts / (ms / 1000)) * 100) / 100, succeeded, refused, committed: Number(rows[0].committed) };
}

/**
 * Runs `work` (one request) with every statement any pg client sends timed; returns the result,
 * the time end to end and a one-line summary of the statements (sign-in checks left out).
 */
async function traceStatements(work, { aggregate = false } = {}) {
  const { Client: PgClient } = apiRequire('pg');
  const original = PgClient.prototype.query;
  const trace = [];
  PgClient.prototype.query = function (config, values, callback) {
    const text = typeof config === 'string' ? config : config?.text;
    const start = performance.now();
    const result = original.call(this, config, values, callback);
    if (text && result && typeof result.then === 'function') {
      result.then(
        () => trace.push({ text, ms: performance.now() - start }),
        () => trace.push({ text, ms: performance.now() - start, failed: true }),
      );
    }
    return result;
  };
  const started = performance.now();
  let result;
  try {
    result = await work();
  } finally {
    PgClient.prototype.query = original;
  }
  const ms = performance.now() - started;
  const shown = trace.filter((t) => !/\b(users|sessions|refresh_tokens)\b/.test(t.text));
  const total = shown.reduce((sum, t) => sum + t.ms, 0);
  const r1 = (n) => Math.round(n * 10) / 10;
  if (aggregate) {
    const by = new Map();
    for (const t of shown) {
      const key = label(t.text);
      const entry = by.get(key) ?? { n: 0, ms: 0 };
      entry.n += 1;
      entry.ms += t.ms;
      by.set(key, entry);
    }
    const summary = [...by].map(([key, e]) => `${key} ${r1(e.ms / e.n)} (${e.n})`).join(', ');
    const mean = Object.fromEntries([...by].map(([key, e]) => [key, e.ms / e.n]));
    const count = Object.fromEntries([...by].map(([key, e]) => [key, e.n]));
    return { result, ms, summary, mean, count };
  }
  const summary = `${shown.length} statements, ${r1(total)} ms in PostgreSQL round trips: ` + shown.map((t) => `${label(t.text)} ${r1(t.ms)}`).join(', ');
  return { result, ms, summary };
}

/** A few words for a statement. */
function label(sql) {
  const s = sql.replace(/\s+/g, ' ').trim();
  if (/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(s)) return s.split(' ')[0];
  if (/^WITH me AS MATERIALIZED \(SELECT \$1::uuid AS id\)/.test(s)) return 'SELECT proposal_items FOR UPDATE';
  if (/^WITH me AS/.test(s)) return 'VERIFY';
  if (/^WITH s AS MATERIALIZED .*; COMMIT$/.test(s)) return 'budget + COMMIT';
  if (/^WITH approved AS/.test(s)) return 'ENROLL';
  const m = s.match(/^(SELECT|UPDATE|INSERT INTO|DELETE FROM)\b.*?\b(?:FROM|INTO|UPDATE)?\s*"?([a-z_]+)"?/i);
  if (/^UPDATE budgets/.test(s)) return 'UPDATE budgets';
  if (/^INSERT INTO "?audit_events/.test(s)) return 'INSERT audit_events';
  const table = s.match(/\b(?:FROM|INTO|UPDATE)\s+"?([a-z_]+)"?/i)?.[1] ?? '?';
  return `${(m?.[1] ?? s.split(' ')[0]).split(' ')[0]} ${table}${/FOR (NO KEY )?UPDATE/.test(s) ? ' FOR UPDATE' : ''}`;
}

/** A fiscal year no budget or proposal of the regency has: 2100 minus a number of this run's. */
async function freeYear(client, regencyId) {
  for (let attempt = 0; attempt < 70; attempt += 1) {
    const year = 2100 - ((process.pid + Date.now() + attempt) % 70);
    const { rows } = await client.query(
      `SELECT EXISTS (SELECT 1 FROM budgets WHERE regency_id = $1 AND fiscal_year = $2) OR EXISTS (SELECT 1 FROM proposals WHERE fiscal_year = $2) AS taken`,
      [regencyId, year],
    );
    if (!rows[0].taken) return year;
  }
  throw new Error('no free fiscal year between 2031 and 2100');
}

/**
 * `count` vulnerable workers of Ubud (Gianyar; NIKs of kecamatan 51.04.05, serials 9000–9999), each
 * in a SUBMITTED one-worker proposal of `year` for 12 months. Returns [{ proposalId, itemId }].
 */
async function setUp(client, regencyId, year, count) {
  const { rows: villages } = await client.query(
    `SELECT v.id FROM villages v JOIN districts d ON d.id = v.district_id WHERE d.code = '51.04.05' ORDER BY v.code`,
  );
  const people = new Map();
  while (people.size < count) {
    const batch = [];
    for (let i = people.size; i < count + 50; i += 1) {
      const female = Math.random() < 0.5;
      const birth = new Date(Date.UTC(1960 + Math.floor(Math.random() * 45), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28)));
      const birthDate = birth.toISOString().slice(0, 10);
      const [y, m, d] = birthDate.split('-');
      const nik = `510405${String(Number(d) + (female ? 40 : 0)).padStart(2, '0')}${m}${y.slice(2)}${9000 + Math.floor(Math.random() * 1000)}`;
      batch.push({ nik, birthDate, gender: female ? 'FEMALE' : 'MALE' });
    }
    const { rows: taken } = await client.query(`SELECT nik FROM workers WHERE nik = ANY($1::text[])`, [batch.map((p) => p.nik)]);
    const known = new Set(taken.map((r) => r.nik));
    for (const person of batch) if (people.size < count && !known.has(person.nik) && !people.has(person.nik)) people.set(person.nik, person);
  }
  const list = [...people.values()].map((p, i) => {
    const fullName = `${NAME_PREFIX} ${year} ${i}`;
    return { ...p, fullName, nameKey: domain.nameKey(fullName), villageId: villages[i % villages.length].id };
  });
  await client.query('BEGIN');
  try {
    const { rows: workers } = await client.query(
      `INSERT INTO workers (nik, full_name, name_key, birth_date, gender, village_id, occupation, vulnerable)
       SELECT w.nik, w.full_name, w.name_key, w.birth_date, w.gender, w.village_id, 'Petani', true
       FROM jsonb_to_recordset($1::jsonb) AS w(nik text, full_name text, name_key text, birth_date date, gender text, village_id uuid)
       RETURNING id, village_id, nik, full_name`,
      [JSON.stringify(list.map((p) => ({ nik: p.nik, full_name: p.fullName, name_key: p.nameKey, birth_date: p.birthDate, gender: p.gender, village_id: p.villageId })))],
    );
    // One proposal per worker: its id drawn first (a CTE used twice is computed once), items beside.
    const { rows: jobs } = await client.query(
      `WITH w AS (SELECT gen_random_uuid() AS proposal_id, w.* FROM jsonb_to_recordset($3::jsonb) AS w(id uuid, village_id uuid, nik text, full_name text, n int)),
       p AS (
         INSERT INTO proposals (id, regency_id, village_id, fiscal_year, months, status, submitted_at)
         SELECT w.proposal_id, $1, w.village_id, $2, 12, 'SUBMITTED', now() + w.n * interval '1 microsecond' FROM w
       )
       INSERT INTO proposal_items (proposal_id, worker_id, nik, full_name, village_id)
       SELECT w.proposal_id, w.id, w.nik, w.full_name, w.village_id FROM w ORDER BY w.n
       RETURNING proposal_id AS "proposalId", id AS "itemId"`,
      [regencyId, year, JSON.stringify(workers.map((w, n) => ({ ...w, n })))],
    );
    await client.query('COMMIT');
    return jobs;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Takes out everything a run made for its fiscal year: the budget, the proposals, the enrollments, the workers. */
async function removeYear(client, regencyId, year) {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query(`SELECT DISTINCT i.worker_id FROM proposal_items i JOIN proposals p ON p.id = i.proposal_id WHERE p.fiscal_year = $1`, [year]);
    const workers = rows.map((r) => r.worker_id);
    await client.query(`DELETE FROM proposals WHERE fiscal_year = $1 AND regency_id = $2`, [year, regencyId]);
    await client.query(`DELETE FROM enrollments WHERE worker_id = ANY($1::uuid[])`, [workers]);
    await client.query(`DELETE FROM workers WHERE id = ANY($1::uuid[]) AND full_name LIKE $2`, [workers, `${NAME_PREFIX} %`]);
    await client.query(`DELETE FROM budgets WHERE regency_id = $1 AND fiscal_year = $2 AND name LIKE $3`, [regencyId, year, `${BUDGET_PREFIX} %`]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** What an interrupted run may have left: its budget's year, and any of its workers. */
async function removeLeftovers(client) {
  const { rows } = await client.query(`SELECT regency_id, fiscal_year FROM budgets WHERE name LIKE $1`, [`${BUDGET_PREFIX} %`]);
  for (const row of rows) await removeYear(client, row.regency_id, row.fiscal_year);
  const { rows: stray } = await client.query(`SELECT id FROM workers WHERE full_name LIKE $1`, [`${NAME_PREFIX} %`]);
  if (stray.length > 0) {
    const ids = stray.map((r) => r.id);
    await client.query('BEGIN');
    await client.query(`DELETE FROM proposals WHERE id IN (SELECT proposal_id FROM proposal_items WHERE worker_id = ANY($1::uuid[]))`, [ids]);
    await client.query(`DELETE FROM enrollments WHERE worker_id = ANY($1::uuid[])`, [ids]);
    await client.query(`DELETE FROM workers WHERE id = ANY($1::uuid[])`, [ids]);
    await client.query('COMMIT');
  }
}
