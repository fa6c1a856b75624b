import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coverage kept as it changes, so that "how many distinct workers of a regency were protected on a
 * day" is a short sum instead of a distinct count over every enrollment in force (seconds at a
 * million workers). (A partner's own contribution is counted over its own enrollments instead:
 * bounded by them, and a ledger per partner and village would be mostly empty months.)
 *
 * - `coverage_facets`: what is counted — a regency's village, whole (`all`) or by partner type or
 *   funding source.
 * - `coverage_spans`: per worker and facet, the merged periods in which the worker was protected
 *   (by enrollments ACTIVE, or ENDED since). The "before" of every change.
 * - `coverage_ledger`: +1 on the day a span starts, −1 on the day after it ends, per facet. Writers
 *   only append `change` rows (no hot rows, no waiting on each other); `compact_coverage_ledger()`
 *   folds them into one `day` row per facet and day and into `month` rows that hold the count on
 *   each month's first day, so a count on any day reads one month row, at most a month of day
 *   rows and the changes not yet folded — in one statement, one snapshot, always exact. Its rows
 *   carry their facet's regency and village, so the caller's scope applies to them like to any
 *   table's.
 *
 * Triggers on enrollments, workers (a move) and partner organisations (a change of type) recompute
 * the spans of the workers touched and append the difference to the ledger, in the writing
 * statement's own transaction.
 */
export class CoverageLedger1764900000000 implements MigrationInterface {
  name = 'CoverageLedger1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE coverage_facets (
        id serial PRIMARY KEY,
        regency_id uuid NOT NULL,
        village_id uuid NOT NULL,
        dimension text NOT NULL CHECK (dimension IN ('all', 'partnerType', 'fundingSource')),
        value text NOT NULL DEFAULT '',
        -- Found by equality on every column: a bulk write's rows find theirs with one probe each.
        CONSTRAINT coverage_facets_key UNIQUE (village_id, dimension, value, regency_id)
      )`);

    await q.query(`
      CREATE TABLE coverage_spans (
        worker_id uuid NOT NULL,
        facet_id int NOT NULL,
        span daterange NOT NULL
      )`);
    await q.query(`CREATE INDEX coverage_spans_worker_idx ON coverage_spans (worker_id)`);

    await q.query(`
      CREATE TABLE coverage_ledger (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        facet_id int NOT NULL,
        -- The facet's, copied: a read is one table's ranges, scoped like any table's rows.
        regency_id uuid NOT NULL,
        village_id uuid NOT NULL,
        dimension text NOT NULL,
        value text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('change', 'day', 'month')),
        day date NOT NULL,
        n int NOT NULL,
        last boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE UNIQUE INDEX coverage_ledger_folded_key ON coverage_ledger (facet_id, kind, day) WHERE kind <> 'change'`);
    // Each arm of a day's read is one range of these (see coverage.service.ts).
    await q.query(`CREATE INDEX coverage_ledger_read_idx ON coverage_ledger (regency_id, kind, day)`);
    await q.query(`CREATE INDEX coverage_ledger_last_idx ON coverage_ledger (regency_id, day) WHERE last`);
    // Compaction folds the oldest changes first, a bounded number at a time.
    await q.query(`CREATE INDEX coverage_ledger_changes_idx ON coverage_ledger (id) WHERE kind = 'change'`);

    await this.refreshFunction(q);
    await this.compactFunction(q);
    await this.triggers(q);

    // What is there already (the migration may run on a filled database).
    await q.query(`SELECT coverage_refresh(array_agg(DISTINCT worker_id)) FROM enrollments HAVING count(*) > 0`);
    while ((await q.query(`SELECT compact_coverage_ledger() AS folded`))[0].folded === 50000);
  }

  /** Recomputes the spans of the given workers and appends the difference to the ledger. */
  private async refreshFunction(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION coverage_refresh(touched uuid[]) RETURNS void LANGUAGE plpgsql
      -- One generic plan per connection from the first call: its index probes per worker suit a
      -- decision's one worker and a bulk write's thousands alike, and no call plans them again.
      SET plan_cache_mode = force_generic_plan AS $$
      BEGIN
        IF touched IS NULL OR cardinality(touched) = 0 THEN RETURN; END IF;
        -- The worker lock the enrollment writers take: two writers of one worker's cover take turns,
        -- and each statement below (a fresh snapshot) sees the other's committed spans. (IN over
        -- unnest, not = ANY: a bulk write touches tens of thousands of workers, and the planner
        -- joins a set where it would test each row against the whole array.)
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
        INSERT INTO coverage_ledger (facet_id, regency_id, village_id, dimension, value, kind, day, n)
        SELECT c.facet_id, f.regency_id, f.village_id, f.dimension, f.value, 'change', c.day, sum(c.n)
        FROM changes c JOIN coverage_facets f ON f.id = c.facet_id
        GROUP BY c.facet_id, f.id, c.day HAVING sum(c.n) <> 0;
      END $$`);
    // One row per enrollment in force at some time and facet it counts in. One plain SELECT, so
    // that PostgreSQL inlines it into the statements above and sees how many rows come.
    await q.query(`
      CREATE FUNCTION coverage_protection(touched uuid[])
      RETURNS TABLE (worker_id uuid, regency_id uuid, village_id uuid, dimension text, value text, span daterange)
      LANGUAGE sql STABLE AS $$
        SELECT p.worker_id, p.regency_id, p.village_id, facet.dimension, facet.value, p.span
        FROM (
          SELECT e.worker_id, w.regency_id, w.village_id, coalesce(o.type, '') AS partner_type,
                 e.funding_source, daterange(e.start_date, e.end_date, '[]') AS span
          FROM enrollments e
          JOIN workers w ON w.id = e.worker_id
          LEFT JOIN partner_organisations o ON o.id = e.partner_id
          WHERE e.worker_id IN (SELECT unnest(touched)) AND e.status IN ('ACTIVE', 'ENDED')
        ) p,
        LATERAL (VALUES ('all', ''), ('partnerType', p.partner_type), ('fundingSource', p.funding_source)) AS facet(dimension, value)
      $$`);
  }

  /**
   * Folds the oldest appended changes (at most `batch` rows) into day rows and the month rows'
   * running counts; returns how many it folded (call again while that equals `batch`). One
   * compaction at a time (an advisory lock; another process's call returns 0 at once); writers
   * and readers go on meanwhile.
   */
  private async compactFunction(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION compact_coverage_ledger(batch int DEFAULT 50000) RETURNS int LANGUAGE plpgsql AS $$
      DECLARE
        folded int;
      BEGIN
        IF NOT pg_try_advisory_xact_lock(hashtext('compact_coverage_ledger')) THEN RETURN 0; END IF;
        CREATE TEMP TABLE coverage_gone ON COMMIT DROP AS
          WITH gone AS (
            DELETE FROM coverage_ledger WHERE id IN (SELECT id FROM coverage_ledger WHERE kind = 'change' ORDER BY id LIMIT batch)
            RETURNING facet_id, day, n
          ) SELECT * FROM gone;
        GET DIAGNOSTICS folded = ROW_COUNT;
        CREATE TEMP TABLE coverage_moved ON COMMIT DROP AS
          SELECT g.facet_id, f.regency_id, f.village_id, f.dimension, f.value, g.day, sum(g.n)::int AS n
          FROM coverage_gone g JOIN coverage_facets f ON f.id = g.facet_id
          GROUP BY g.facet_id, f.id, g.day HAVING sum(g.n) <> 0;
        DROP TABLE coverage_gone;
        IF folded = 0 THEN DROP TABLE coverage_moved; RETURN 0; END IF;

        INSERT INTO coverage_ledger (facet_id, regency_id, village_id, dimension, value, kind, day, n)
        SELECT facet_id, regency_id, village_id, dimension, value, 'day', day, n FROM coverage_moved
        ON CONFLICT (facet_id, kind, day) WHERE kind <> 'change' DO UPDATE SET n = coverage_ledger.n + excluded.n;
        DELETE FROM coverage_ledger l USING coverage_moved m
        WHERE l.facet_id = m.facet_id AND l.kind = 'day' AND l.day = m.day AND l.n = 0;

        -- Month rows run from a facet's first change's month to the month after its last, so no
        -- change lies past the last one: a day beyond it counts what the last one holds. Missing
        -- months take the count they had before these changes: 0 before the first, the last's after.
        WITH reach AS (
          SELECT m.facet_id, m.regency_id, m.village_id, m.dimension, m.value,
                 date_trunc('month', min(m.day))::date AS first_change,
                 (date_trunc('month', max(m.day)) + interval '1 month')::date AS past_last_change
          FROM coverage_moved m GROUP BY m.facet_id, m.regency_id, m.village_id, m.dimension, m.value
        ), kept AS (
          SELECT l.facet_id, min(l.day) AS first_month, max(l.day) AS last_month,
                 (array_agg(l.n ORDER BY l.day DESC))[1] AS last_n
          FROM coverage_ledger l JOIN reach r USING (facet_id) WHERE l.kind = 'month' GROUP BY l.facet_id
        )
        INSERT INTO coverage_ledger (facet_id, regency_id, village_id, dimension, value, kind, day, n)
        SELECT r.facet_id, r.regency_id, r.village_id, r.dimension, r.value, 'month', month::date, CASE WHEN k.last_month IS NOT NULL AND month > k.last_month THEN k.last_n ELSE 0 END
        FROM reach r LEFT JOIN kept k USING (facet_id),
             generate_series(least(r.first_change, k.first_month), greatest(r.past_last_change, k.last_month), interval '1 month') AS month
        WHERE k.facet_id IS NULL OR month < k.first_month OR month > k.last_month;

        -- A change on a day counts in every month that starts after it: a running sum per facet
        -- of the changes by month, shifted a month on, read at each month row.
        WITH by_month AS (
          SELECT facet_id, (date_trunc('month', day) + interval '1 month')::date AS counts_from, sum(n) AS n
          FROM coverage_moved GROUP BY facet_id, counts_from
        ), timeline AS (
          SELECT NULL::bigint AS id, facet_id, counts_from AS day, 0 AS ord, n FROM by_month
          UNION ALL
          SELECT l.id, l.facet_id, l.day, 1, 0 FROM coverage_ledger l
          WHERE l.kind = 'month' AND l.facet_id IN (SELECT facet_id FROM by_month)
        ), running AS (
          SELECT id, sum(n) OVER (PARTITION BY facet_id ORDER BY day, ord) AS added FROM timeline
        )
        UPDATE coverage_ledger l SET n = l.n + running.added FROM running
        WHERE l.id = running.id AND running.added <> 0;

        UPDATE coverage_ledger l SET last = (l.day = newest.day)
        FROM (
          SELECT facet_id, max(day) AS day FROM coverage_ledger
          WHERE kind = 'month' AND facet_id IN (SELECT DISTINCT facet_id FROM coverage_moved) GROUP BY facet_id
        ) newest
        WHERE l.facet_id = newest.facet_id AND l.kind = 'month' AND (l.last OR l.day = newest.day) AND l.last <> (l.day = newest.day);

        DROP TABLE coverage_moved;
        RETURN folded;
      END $$`);
  }

  private async triggers(q: QueryRunner): Promise<void> {
    // PostgreSQL takes transition tables on one event per trigger: inserted and deleted rows both
    // come as `changed`; updates have their own function.
    await q.query(`
      CREATE FUNCTION coverage_enrollments_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM coverage_refresh(array_agg(DISTINCT worker_id)) FROM changed WHERE status IN ('ACTIVE', 'ENDED');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION coverage_enrollments_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM coverage_refresh(array_agg(DISTINCT touched.worker_id)) FROM (
          SELECT a.worker_id FROM after_rows a JOIN before_rows b USING (id)
          WHERE (a.status, a.start_date, a.end_date, a.partner_id, a.funding_source, a.worker_id)
                IS DISTINCT FROM (b.status, b.start_date, b.end_date, b.partner_id, b.funding_source, b.worker_id)
          UNION ALL
          SELECT b.worker_id FROM after_rows a JOIN before_rows b USING (id) WHERE a.worker_id <> b.worker_id
        ) touched;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION coverage_workers_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM coverage_refresh(array_agg(a.id)) FROM after_rows a JOIN before_rows b USING (id)
        WHERE (a.village_id, a.regency_id) IS DISTINCT FROM (b.village_id, b.regency_id)
          AND EXISTS (SELECT 1 FROM coverage_spans s WHERE s.worker_id = a.id);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION coverage_partners_retyped() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM coverage_refresh(array_agg(DISTINCT e.worker_id))
        FROM after_rows a JOIN before_rows b USING (id) JOIN enrollments e ON e.partner_id = a.id
        WHERE a.type IS DISTINCT FROM b.type AND e.status IN ('ACTIVE', 'ENDED');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER enrollments_coverage_insert AFTER INSERT ON enrollments REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION coverage_enrollments_changed()`);
    await q.query(`CREATE TRIGGER enrollments_coverage_delete AFTER DELETE ON enrollments REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION coverage_enrollments_changed()`);
    await q.query(`CREATE TRIGGER enrollments_coverage_update AFTER UPDATE ON enrollments REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_enrollments_updated()`);
    await q.query(`CREATE TRIGGER workers_coverage_update AFTER UPDATE ON workers REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_workers_moved()`);
    await q.query(`CREATE TRIGGER partner_organisations_coverage_update AFTER UPDATE ON partner_organisations REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_partners_retyped()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER partner_organisations_coverage_update ON partner_organisations`);
    await q.query(`DROP TRIGGER workers_coverage_update ON workers`);
    await q.query(`DROP TRIGGER enrollments_coverage_update ON enrollments`);
    await q.query(`DROP TRIGGER enrollments_coverage_delete ON enrollments`);
    await q.query(`DROP TRIGGER enrollments_coverage_insert ON enrollments`);
    for (const fn of ['coverage_partners_retyped', 'coverage_workers_moved', 'coverage_enrollments_updated', 'coverage_enrollments_changed']) {
      await q.query(`DROP FUNCTION ${fn}()`);
    }
    await q.query(`DROP FUNCTION compact_coverage_ledger(int)`);
    await q.query(`DROP FUNCTION coverage_refresh(uuid[])`);
    await q.query(`DROP FUNCTION coverage_protection(uuid[])`);
    await q.query(`DROP TABLE coverage_ledger`);
    await q.query(`DROP TABLE coverage_spans`);
    await q.query(`DROP TABLE coverage_facets`);
  }
}
