// Measuring helpers the benchmarks share.
import { graphql } from './graphql-request.mjs';

export function round(n) {
  return Math.round(n * 100) / 100;
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
