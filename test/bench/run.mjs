// `pnpm bench`: figures, no assertions. Starts the real API in this process on the embedded
// PostgreSQL (or DATABASE_URL), then measures through HTTP and, as the baseline, the same SQL on
// the API's own pool.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { graphql } from './graphql-request.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'api/package.json'));
process.env.DATA_DIR ??= path.join(root, '.data', 'bench');
process.env.LOG_LEVEL ??= 'warn';
process.env.DEMO_DATA = '1';
process.env.PORT = '0';
const { loadConfig } = require(path.join(root, 'api/dist/config.js'));
const { startServer } = require(path.join(root, 'api/dist/server.js'));
const { Village } = require(path.join(root, 'api/dist/modules/regions/village.entity.js'));

const server = await startServer(loadConfig());
const results = [];
try {
  results.push(await benchLogin(server, 40));
  results.push(...(await benchVillagePage(server, 300)));
} finally {
  await server.stop();
}
console.log(`\nLindung benchmarks (${new Date().toISOString()}, node ${process.version})`);
console.table(results);
for (const r of results.filter((r) => r.vsSql)) console.log(`${r.name}: API p50 / SQL p50 = ${r.vsSql}`);

/** Times requests sent from a worker thread (see http-client.mjs). */
function timedHttp(server, runs, query, token) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./http-client.mjs', import.meta.url), {
      workerData: { url: server.url, query, token, runs, warmup: Math.min(20, runs) },
    });
    worker.once('message', (samples) => resolve(summarise(samples)));
    worker.once('error', reject);
  });
}

function round(n) {
  return Math.round(n * 100) / 100;
}

async function timed(runs, fn) {
  for (let i = 0; i < Math.min(20, runs); i += 1) await fn(); // warm-up
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

function summarise(samples) {
  const runs = samples.length;
  samples.sort((a, b) => a - b);
  const pick = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { runs, p50ms: round(pick(0.5)), p95ms: round(pick(0.95)), maxMs: round(samples.at(-1)) };
}

async function benchLogin(server, runs) {
  const query = `mutation { login(email: "auditor@lindung.test", password: "lindung-demo") { accessToken } }`;
  return { name: 'login (argon2id 19 MiB, t=2)', ...(await timedHttp(server, runs, query)) };
}

async function benchVillagePage(server, runs) {
  const { login } = await graphql(server.url, `mutation { login(email: "admin@lindung.test", password: "lindung-demo") { accessToken } }`);
  const query = `{ allVillages(page: 1, perPage: 100, sortField: "name") { id code name type districtId regencyId createdAt updatedAt } }`;
  const api = await timedHttp(server, runs, query, login.accessToken);
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
  const floor = await timedHttp(server, runs, '{ __typename }', login.accessToken);
  return [
    { name: 'allVillages page of 100 via API', ...api, vsSql: `${round(api.p50ms / direct.p50ms)}x` },
    { name: 'same SQL on the same pool', ...direct },
    { name: 'signed-in { __typename } (per-request floor)', ...floor },
  ];
}
