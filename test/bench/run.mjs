// `pnpm bench`: figures, no assertions. Starts the real API in this process on the embedded
// PostgreSQL (or DATABASE_URL), then measures through HTTP and, as the baseline, the same SQL on
// the API's own pool.
import './production-mode.mjs';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { graphql } from './graphql-request.mjs';
import { adminToken, apiDist, apiRequire, startBenchServer } from './bench-server.mjs';
import { benchPortal, portalSummary } from './portal.mjs';
import { benchRegistry } from './registry.mjs';
import { benchCycle } from './cycle.mjs';
import { round, summarise, timed, timedHttp } from './measure.mjs';
import { fileURLToPath } from 'node:url';

const { Village } = apiRequire(apiDist('modules/regions/village.entity.js'));

const server = await startBenchServer();
const results = [];
const loads = [];
const portal = [];
let registry = null;
let cycle = null;
try {
  // Sign-in, villages, the portal (BENCH_BASICS=0 skips them, to measure the registry alone).
  if (process.env.BENCH_BASICS !== '0') {
    results.push(await benchLogin(server, 40));
    results.push(...(await benchVillagePage(server, 300)));
    results.push(...(await benchVillageSearch(server, 300)));
    loads.push(...(await benchSignInLoad(server)));
    loads.push(...(await benchListLoad(server)));
    portal.push(...(await benchPortal(server)));
  }
  // Last: it brings the bench database to a million workers (BENCH_REGISTRY_WORKERS=0 skips it).
  if (process.env.BENCH_REGISTRY_WORKERS !== '0') registry = await benchRegistry(server, { load, round });
  // The vulnerable-worker cycle on that registry: coverage and decisions under contention (BENCH_CYCLE=0 skips it).
  if (process.env.BENCH_CYCLE !== '0') cycle = await benchCycle(server, { load, round });
} finally {
  await server.stop();
}
console.log(`\nLindung benchmarks (${new Date().toISOString()}, node ${process.version})`);
console.table(results);
for (const r of results.filter((r) => r.vsSql)) console.log(`${r.name}: API p50 / SQL p50 = ${r.vsSql}`);
console.log('\nUnder load (autocannon in a child process; the API in this one):');
console.table(loads);
if (portal.length) {
  console.log('\nThe portal in Chromium, as a village head (see portal.mjs; ms from navigation or from pressing "sign in", kB as transferred):');
  console.table(portal);
  console.log(portalSummary(portal));
}
if (registry) {
  console.log('\nThe registry at scale (registry.mjs), each figure beside its floor measured in this run:');
  console.table(registry.rows);
  for (const r of registry.rows.filter((r) => r.vsSql)) console.log(`${r.name}: API / floor = ${r.vsSql}`);
  console.table(registry.loads);
  for (const note of registry.notes) console.log(`- ${note}`);
}
if (cycle) {
  console.log('\nThe vulnerable-worker cycle (cycle.mjs), each figure beside its floor measured in this run:');
  console.table(cycle.rows);
  for (const r of cycle.rows.filter((r) => r.vsSql)) console.log(`${r.name}: API / floor = ${r.vsSql}`);
  console.table(cycle.loads);
  for (const note of cycle.notes) console.log(`- ${note}`);
}

async function benchLogin(server, runs) {
  const query = `mutation { login(email: "auditor@lindung.test", password: "lindung-demo") { accessToken } }`;
  return { name: 'login (argon2id 19 MiB, t=2)', ...(await timedHttp(server, runs, query)) };
}

async function benchVillagePage(server, runs) {
  const token = await adminToken(server);
  const query = `{ allVillages(page: 1, perPage: 100, sortField: "name") { id code name type districtId regencyId createdAt updatedAt } }`;
  const api = await timedHttp(server, runs, query, { token });
  // The same SQL the API's service builds for that page, on the API's own pool.
  const [sql, parameters] = server.dataSource
    .createQueryBuilder(Village, 'village')
    .orderBy('village.name', 'ASC')
    .addOrderBy('village.id', 'ASC')
    .offset(100)
    .limit(100)
    .getQueryAndParameters();
  const direct = await timed(runs, () => server.dataSource.query(sql, parameters));
  // The fixed cost every signed-in request pays: HTTP, token verification, the account lookup.
  const floor = await timedHttp(server, runs, '{ __typename }', { token });
  return [
    { name: 'allVillages page of 100 via API', ...api, vsSql: `${round(api.p50ms / direct.p50ms)}x` },
    { name: 'same SQL on the same pool', ...direct },
    { name: 'signed-in { __typename } (per-request floor)', ...floor },
  ];
}

/**
 * The ranked village search (name, code, kecamatan or regency; exact, then prefix, then the rest)
 * beside the plain list of the same page size, and the search's SQL on the API's own pool.
 */
async function benchVillageSearch(server, runs) {
  const token = await adminToken(server);
  const fields = 'id code name type districtId regencyId';
  const plain = await timedHttp(server, runs, `{ allVillages(perPage: 25, sortField: "name") { ${fields} } }`, { token });
  const searches = {};
  for (const q of ['mas', 'ubud', 'gianyar']) {
    searches[q] = await timedHttp(server, runs, `{ allVillages(perPage: 25, sortField: "name", filter: { q: "${q}" }) { ${fields} } _allVillagesMeta(filter: { q: "${q}" }) { count } }`, { token });
  }
  const direct = await timed(runs, () =>
    server.dataSource.query(
      `SELECT id, code, name FROM villages v WHERE v.search_text LIKE '%' || lindung_search_text($1) || '%'
       ORDER BY CASE WHEN lindung_search_text(v.name) = lindung_search_text($1) THEN 0
                     WHEN lindung_search_text(v.name) LIKE lindung_search_text($1) || '%' THEN 1 ELSE 3 END, v.name, v.id LIMIT 25`,
      ['ubud'],
    ),
  );
  return [
    { name: 'allVillages page of 25 (plain list)', ...plain },
    ...Object.entries(searches).map(([q, figures]) => ({ name: `allVillages search "${q}" + count, ranked`, ...figures, vsSql: `${round(figures.p50ms / plain.p50ms)}x plain` })),
    { name: 'search SQL ("ubud") on the same pool', ...direct },
  ];
}

/** An HTTP load from a child process (see load.mjs); resolves with its summary. */
function load(options) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./load.mjs', import.meta.url)), JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load exited with ${code}`))));
  });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function mib(bytes) {
  return Math.round(bytes / 1024 / 1024);
}

/**
 * 50 concurrent sign-ins (each an argon2id verification) while one client keeps asking `me`: the
 * sign-ins must neither hold pool connections while hashing nor block the event loop, so `me`
 * stays close to its idle latency. The event-loop delay is read in this (the API's) process.
 */
async function benchSignInLoad(server) {
  const token = await adminToken(server);
  const me = '{ me { id email role } }';
  // One account per connection: people sign in to their own accounts, and the limits count unverified
  // attempts per account (a 6th concurrent attempt on one account from one address waits its turn).
  const emails = await benchAccounts(server, token, 50);
  const signIn = {
    url: `${server.url}/graphql`,
    bodies: emails.map((email) => JSON.stringify({ query: `mutation { login(email: "${email}", password: "bench-password-1") { accessToken } }` })),
  };
  const idle = await timedHttp(server, 300, me, { token });
  const sampling = 10; // ms between the event-loop probe's ticks, taken off its readings
  const loopDelay = monitorEventLoopDelay({ resolution: sampling });
  loopDelay.enable();
  const signIns = load({ ...signIn, connections: 50, duration: 8 });
  await sleep(1_500);
  const busy = await timedHttp(server, 300, me, { token });
  const signInResult = await signIns;
  loopDelay.disable();
  const lag = (q) => round(Math.max(0, loopDelay.percentile(q) / 1e6 - sampling));
  return [
    { name: '`me`, idle', p50ms: idle.p50ms, p97_5ms: idle.p95ms, note: 'p95 in the p97_5 column' },
    {
      name: '`me` during 50 concurrent sign-ins',
      p50ms: busy.p50ms,
      p97_5ms: busy.p95ms,
      note: `${round(busy.p50ms / idle.p50ms)}x idle p50 (goal <= 10x); p95 in the p97_5 column`,
    },
    {
      name: `sign-ins, 50 concurrent (argon2id m=19 MiB, t=2, p=1; ${Math.max(1, availableParallelism() - 1)} at a time)`,
      p50ms: signInResult.p50ms,
      p97_5ms: signInResult.p97_5ms,
      perSecond: signInResult.perSecond,
      errors: signInResult.errors + signInResult.non2xx,
      note: `event-loop delay p50 ${lag(50)} ms, p99 ${lag(99)} ms`,
    },
  ];
}

/** Auditor accounts for the sign-in load, created once per data directory. */
async function benchAccounts(server, token, count) {
  const emails = Array.from({ length: count }, (_, i) => `bench.${i}@lindung.test`);
  const existing = await graphql(server.url, `{ _allUsersMeta(filter: { q: "bench." }) { count } }`, undefined, token);
  if (existing._allUsersMeta.count < count) {
    for (const email of emails) {
      await graphql(server.url, `mutation($e: String!) { createUser(email: $e, password: "bench-password-1", role: AUDITOR) { id } }`, { e: email }, token).catch(() => undefined);
    }
  }
  return emails;
}

/**
 * 50 connections reading a page of 100 villages, with the API process's RSS before and after,
 * beside the floor: the same SQL behind a hand-written express-free node:http + pg endpoint.
 */
async function benchListLoad(server) {
  const token = await adminToken(server);
  const query = `{ allVillages(page: 1, perPage: 100, sortField: "name") { id code name type districtId regencyId createdAt updatedAt } }`;
  const rssBefore = process.memoryUsage().rss;
  const api = await load({ url: `${server.url}/graphql`, body: JSON.stringify({ query }), headers: { authorization: `Bearer ${token}` }, connections: 50, duration: 10 });
  const rssAfter = process.memoryUsage().rss;

  const { Pool } = apiRequire('pg');
  const pool = new Pool({ connectionString: server.dataSource.options.url, max: 10 });
  const sql = `SELECT id, code, name, type, district_id AS "districtId", regency_id AS "regencyId", created_at AS "createdAt", updated_at AS "updatedAt"
               FROM villages ORDER BY name, id OFFSET 100 LIMIT 100`;
  const floorServer = http.createServer(async (req, res) => {
    for await (const _chunk of req); // drain the body
    const { rows } = await pool.query(sql);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { allVillages: rows } }));
  });
  await new Promise((resolve) => floorServer.listen(0, '127.0.0.1', resolve));
  const floor = await load({ url: `http://127.0.0.1:${floorServer.address().port}/`, body: '{}', connections: 50, duration: 10 });
  await new Promise((resolve) => floorServer.close(resolve));
  await pool.end();
  return [
    {
      name: 'allVillages page of 100, 50 connections, via API',
      p50ms: api.p50ms,
      p97_5ms: api.p97_5ms,
      perSecond: api.perSecond,
      errors: api.errors + api.non2xx,
      note: `RSS ${mib(rssBefore)} -> ${mib(rssAfter)} MiB; ${round(floor.perSecond / Math.max(api.perSecond, 1))}x below the floor's rate`,
    },
    { name: 'floor: same SQL, node:http + pg, 50 connections', p50ms: floor.p50ms, p97_5ms: floor.p97_5ms, perSecond: floor.perSecond, errors: floor.errors + floor.non2xx },
  ];
}
