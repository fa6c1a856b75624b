import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row counts kept as they change, so that a list's total (react-admin asks for it with every
 * page) is a sum over a few small rows instead of a scan of a million. Statement-level triggers
 * add one delta per counted key and statement; the deltas are written in the writing transaction,
 * so a count is exactly as consistent as `count(*)` would be; `compact_row_counts()` folds them
 * together now and then. What is counted, per table, is declared on the entity (`@CountedBy`,
 * core/row-counts.ts) and matched by a test against `count(*)`.
 */
const COUNTED: Array<{ table: string; columns: string[]; updatedColumns?: string[] }> = [
  { table: 'workers', columns: ['', 'regency_id', 'village_id'], updatedColumns: ['regency_id', 'village_id'] },
  { table: 'worker_partners', columns: ['partner_id'] },
  { table: 'enrollments', columns: ['', 'partner_id'] },
  { table: 'audit_events', columns: ['', 'regency_id'] },
];

export class RowCounts1764500000000 implements MigrationInterface {
  name = 'RowCounts1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE row_counts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        relation text NOT NULL,
        column_name text NOT NULL,
        value uuid,
        delta bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX row_counts_key_idx ON row_counts (relation, column_name, value) INCLUDE (delta)`);
    // TG_ARGV: the counted columns; '' counts every row. +1 per inserted row, -1 per deleted one.
    await q.query(`
      CREATE FUNCTION row_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        counted text;
        sign int := CASE WHEN TG_OP = 'DELETE' THEN -1 ELSE 1 END;
      BEGIN
        FOREACH counted IN ARRAY TG_ARGV LOOP
          IF counted = '' THEN
            INSERT INTO row_counts (relation, column_name, value, delta)
            SELECT TG_TABLE_NAME, '', NULL, sign * count(*) FROM changed HAVING count(*) > 0;
          ELSE
            EXECUTE format(
              'INSERT INTO row_counts (relation, column_name, value, delta)
               SELECT %L, %L, %I, %s * count(*) FROM changed WHERE %I IS NOT NULL GROUP BY %I',
              TG_TABLE_NAME, counted, counted, sign, counted, counted);
          END IF;
        END LOOP;
        RETURN NULL;
      END $$`);
    // A row moving from one key to another (a worker to another village): -1 there, +1 here.
    await q.query(`
      CREATE FUNCTION row_counts_track_update() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        counted text;
      BEGIN
        FOREACH counted IN ARRAY TG_ARGV LOOP
          EXECUTE format(
            'INSERT INTO row_counts (relation, column_name, value, delta)
             SELECT %L, %L, value, sum(delta) FROM (
               SELECT %I AS value, -1 AS delta FROM before_rows UNION ALL SELECT %I, 1 FROM after_rows
             ) moved WHERE value IS NOT NULL GROUP BY value HAVING sum(delta) <> 0',
            TG_TABLE_NAME, counted, counted, counted);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION compact_row_counts() RETURNS void LANGUAGE sql AS $$
        WITH gone AS (DELETE FROM row_counts RETURNING relation, column_name, value, delta)
        INSERT INTO row_counts (relation, column_name, value, delta)
        SELECT relation, column_name, value, sum(delta) FROM gone GROUP BY relation, column_name, value HAVING sum(delta) <> 0
      $$`);

    for (const { table, columns, updatedColumns } of COUNTED) {
      const args = columns.map((column) => `'${column}'`).join(', ');
      await q.query(`CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION row_counts_track(${args})`);
      if (table !== 'audit_events') {
        await q.query(`CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION row_counts_track(${args})`);
      }
      if (updatedColumns) {
        await q.query(
          // No column list: PostgreSQL refuses one with transition tables; unchanged keys net to zero.
          `CREATE TRIGGER ${table}_count_update AFTER UPDATE ON ${table}
           REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT
           EXECUTE FUNCTION row_counts_track_update(${updatedColumns.map((c) => `'${c}'`).join(', ')})`,
        );
      }
      // What is there already (the migration may run on a filled database).
      for (const column of columns) {
        await q.query(
          column === ''
            ? `INSERT INTO row_counts (relation, column_name, value, delta) SELECT '${table}', '', NULL, count(*) FROM ${table} HAVING count(*) > 0`
            : `INSERT INTO row_counts (relation, column_name, value, delta) SELECT '${table}', '${column}', ${column}, count(*) FROM ${table} WHERE ${column} IS NOT NULL GROUP BY ${column}`,
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, updatedColumns } of COUNTED) {
      await q.query(`DROP TRIGGER ${table}_count_insert ON ${table}`);
      if (table !== 'audit_events') await q.query(`DROP TRIGGER ${table}_count_delete ON ${table}`);
      if (updatedColumns) await q.query(`DROP TRIGGER ${table}_count_update ON ${table}`);
    }
    await q.query(`DROP FUNCTION compact_row_counts`);
    await q.query(`DROP FUNCTION row_counts_track_update`);
    await q.query(`DROP FUNCTION row_counts_track`);
    await q.query(`DROP TABLE row_counts`);
  }
}
