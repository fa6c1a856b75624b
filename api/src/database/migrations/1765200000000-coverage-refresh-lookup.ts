import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `coverage_refresh` runs on one generic plan (see the coverage-ledger migration), and that plan
 * joined the ledger's new rows to every coverage facet with a hash over a sequential scan: 9,160
 * facets on the bench database, 2.4 ms of the 2.7 ms a one-worker decision spent in the trigger.
 * Each group of changes now looks its facet up by primary key instead (a scalar subquery, which the
 * planner never turns into a join), a few microseconds per row whatever the table's size.
 */
export class CoverageRefreshLookup1765200000000 implements MigrationInterface {
  name = 'CoverageRefreshLookup1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(refreshFunction(`
        INSERT INTO coverage_ledger (facet_id, regency_id, village_id, dimension, value, kind, day, n)
        SELECT c.facet_id, (c.facet).regency_id, (c.facet).village_id, (c.facet).dimension, (c.facet).value, 'change', c.day, c.n
        FROM (
          SELECT s.facet_id, s.day, s.n, (SELECT f FROM coverage_facets f WHERE f.id = s.facet_id) AS facet
          FROM (SELECT facet_id, day, sum(n) AS n FROM changes GROUP BY facet_id, day HAVING sum(n) <> 0) s
          -- Not flattened: the facet is looked up once per row, not once per column taken from it.
          OFFSET 0
        ) c;`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(refreshFunction(`
        INSERT INTO coverage_ledger (facet_id, regency_id, village_id, dimension, value, kind, day, n)
        SELECT c.facet_id, f.regency_id, f.village_id, f.dimension, f.value, 'change', c.day, sum(c.n)
        FROM changes c JOIN coverage_facets f ON f.id = c.facet_id
        GROUP BY c.facet_id, f.id, c.day HAVING sum(c.n) <> 0;`));
  }
}

/** The function as the coverage-ledger migration wrote it, with `appendChanges` as its last statement. */
function refreshFunction(appendChanges: string): string {
  return `
      CREATE OR REPLACE FUNCTION coverage_refresh(touched uuid[]) RETURNS void LANGUAGE plpgsql
      SET plan_cache_mode = force_generic_plan AS $$
      BEGIN
        IF touched IS NULL OR cardinality(touched) = 0 THEN RETURN; END IF;
        -- The worker lock the enrollment writers take (see the coverage-ledger migration).
        PERFORM 1 FROM workers WHERE id IN (SELECT unnest(touched)) ORDER BY id FOR NO KEY UPDATE;

        INSERT INTO coverage_facets (regency_id, village_id, dimension, value)
        SELECT DISTINCT regency_id, village_id, dimension, value FROM coverage_protection(touched)
        ON CONFLICT DO NOTHING;

        WITH old AS (
          DELETE FROM coverage_spans WHERE worker_id IN (SELECT unnest(touched)) RETURNING facet_id, span
        ), merged AS (
          SELECT p.worker_id, f.id AS facet_id, unnest(range_agg(p.span)) AS span
          FROM coverage_protection(touched) p
          JOIN coverage_facets f ON f.village_id = p.village_id AND f.dimension = p.dimension AND f.value = p.value
            AND f.regency_id = p.regency_id
          GROUP BY p.worker_id, f.id
        ), new AS (
          INSERT INTO coverage_spans (worker_id, facet_id, span) SELECT worker_id, facet_id, span FROM merged
          RETURNING facet_id, span
        ), changes AS (
          SELECT facet_id, lower(span) AS day, 1 AS n FROM new
          UNION ALL SELECT facet_id, upper(span), -1 FROM new WHERE NOT upper_inf(span)
          UNION ALL SELECT facet_id, lower(span), -1 FROM old
          UNION ALL SELECT facet_id, upper(span), 1 FROM old WHERE NOT upper_inf(span)
        )
        ${appendChanges.trim()}
      END $$`;
}
