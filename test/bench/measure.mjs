// Measuring helpers the benchmarks share.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { graphql } from './graphql-request.mjs';

export function round(n) {
  return Math.round(n * 100) / 100;
}

/**
 * Times `runs` requests sent from a worker thread (see http-client.mjs), after `warmup` untimed
 * ones: the client's own work stays off the event loop of the server being measured.
 */
export function timedHttp(server, runs, query, { token, variables, warmup = Math.min(20, runs) } = {}) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./http-client.mjs', import.meta.url), {
      workerData: { url: server.url, query, variables, token, runs, warmup },
    });
    worker.once('message', (samples) => resolve(summarise(samples)));
    worker.once('error', reject);
  });
}

/** Times `runs` calls of `fn` in this thread, after `warmup` untimed ones. */
export async function timed(runs, fn, warmup = Math.min(20, runs)) {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

/** p50, p95 and the slowest of a run's samples (ms). */
export function summarise(samples) {
  const runs = samples.length;
  samples.sort((a, b) => a - b);
  const pick = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { runs, p50ms: round(pick(0.5)), p95ms: round(pick(0.95)), maxMs: round(samples.at(-1)) };
}

/**
 * The SQL the API runs for a request, as TypeORM sent it: the data source's logger is swapped for
 * one that keeps every statement while one request is served, leaving out the sign-in checks
 * (warmed into the account cache beforehand anyway).
 */
export async function capturedSql(server, query, token, variables) {
  await graphql(server.url, '{ me { id } }', undefined, token);
  const captured = [];
  const original = server.dataSource.logger;
  const keep = (sql, parameters) => {
    if (!/\b(users|sessions|refresh_tokens)\b/.test(sql)) captured.push({ sql, parameters: parameters ?? [] });
  };
  server.dataSource.logger = { logQuery: keep, logQueryError() {}, logQuerySlow() {}, logSchemaBuild() {}, logMigration() {}, log() {} };
  try {
    await graphql(server.url, query, variables, token);
  } finally {
    server.dataSource.logger = original;
  }
  return captured;
}

/**
 * CPU seconds used so far by every PostgreSQL process on this machine (Linux /proc; null
 * elsewhere): read before and after a run, beside process.cpuUsage(), it tells how the cores were
 * shared between the API and the database.
 */
export function postgresCpuSeconds() {
  try {
    let ticks = 0;
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat;
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (name !== 'postgres') continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    }
    return ticks / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
const CLOCK_TICKS_PER_SECOND = 100;
