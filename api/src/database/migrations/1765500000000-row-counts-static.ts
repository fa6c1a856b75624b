import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The row-count triggers (RowCounts migration) built their statement per call with EXECUTE, so
 * PostgreSQL parsed and planned it on every write statement: ~0.3 ms each, three times in every
 * decision. Each counted table now has trigger functions of its own with one static statement
 * for all its counted columns, planned once per connection. What is counted is unchanged.
 */
const COUNTED: Array<{ table: string; columns: string[]; updatedColumns?: string[] }> = [
  { table: 'workers', columns: ['', 'regency_id', 'village_id'], updatedColumns: ['regency_id', 'village_id'] },
  { table: 'worker_partners', columns: ['partner_id'] },
  { table: 'enrollments', columns: ['', 'partner_id'] },
  { table: 'audit_events', columns: ['', 'regency_id'] },
];

/** One delta per counted key: `sign` per inserted (+1) or deleted (-1) row of the transition table `changed`. */
function insertOrDeleteCounts(table: string, columns: string[], sign: 1 | -1): string {
  const parts = columns.map((column) =>
    column === ''
      ? `SELECT '${table}', '', NULL::uuid, ${sign} * count(*) FROM changed HAVING count(*) > 0`
      : `SELECT '${table}', '${column}', ${column}, ${sign} * count(*) FROM changed WHERE ${column} IS NOT NULL GROUP BY ${column}`,
  );
  return `INSERT INTO row_counts (relation, column_name, value, delta)\n${parts.join('\nUNION ALL\n')}`;
}

/** A row moving from one key to another (a worker to another village): -1 there, +1 here. */
function updateCounts(table: string, columns: string[]): string {
  const parts = columns.map(
    (column) => `SELECT '${table}', '${column}', value, sum(delta) FROM (
        SELECT ${column} AS value, -1 AS delta FROM before_rows UNION ALL SELECT ${column}, 1 FROM after_rows
      ) moved WHERE value IS NOT NULL GROUP BY value HAVING sum(delta) <> 0`,
  );
  return `INSERT INTO row_counts (relation, column_name, value, delta)\n${parts.join('\nUNION ALL\n')}`;
}

function triggerFunction(name: string, statement: string): string {
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${statement};
      RETURN NULL;
    END $$`;
}

export class RowCountsStatic1765500000000 implements MigrationInterface {
  name = 'RowCountsStatic1765500000000';

  async up(q: QueryRunner): Promise<void> {
    for (const { table, columns, updatedColumns } of COUNTED) {
      await q.query(triggerFunction(`row_counts_${table}_insert`, insertOrDeleteCounts(table, columns, 1)));
      await q.query(`DROP TRIGGER ${table}_count_insert ON ${table}`);
      await q.query(`CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION row_counts_${table}_insert()`);
      if (table !== 'audit_events') {
        await q.query(triggerFunction(`row_counts_${table}_delete`, insertOrDeleteCounts(table, columns, -1)));
        await q.query(`DROP TRIGGER ${table}_count_delete ON ${table}`);
        await q.query(`CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION row_counts_${table}_delete()`);
      }
      if (updatedColumns) {
        await q.query(triggerFunction(`row_counts_${table}_update`, updateCounts(table, updatedColumns)));
        await q.query(`DROP TRIGGER ${table}_count_update ON ${table}`);
        await q.query(
          `CREATE TRIGGER ${table}_count_update AFTER UPDATE ON ${table}
           REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION row_counts_${table}_update()`,
        );
      }
    }
    await q.query(`DROP FUNCTION row_counts_track_update`);
    await q.query(`DROP FUNCTION row_counts_track`);
  }

  /** The generic functions and their triggers, as the RowCounts migration made them. */
  async down(q: QueryRunner): Promise<void> {
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
    for (const { table, columns, updatedColumns } of COUNTED) {
      const args = columns.map((column) => `'${column}'`).join(', ');
      await q.query(`DROP TRIGGER ${table}_count_insert ON ${table}`);
      await q.query(`DROP FUNCTION row_counts_${table}_insert`);
      await q.query(`CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION row_counts_track(${args})`);
      if (table !== 'audit_events') {
        await q.query(`DROP TRIGGER ${table}_count_delete ON ${table}`);
        await q.query(`DROP FUNCTION row_counts_${table}_delete`);
        await q.query(`CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION row_counts_track(${args})`);
      }
      if (updatedColumns) {
        await q.query(`DROP TRIGGER ${table}_count_update ON ${table}`);
        await q.query(`DROP FUNCTION row_counts_${table}_update`);
        await q.query(
          `CREATE TRIGGER ${table}_count_update AFTER UPDATE ON ${table}
           REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT
           EXECUTE FUNCTION row_counts_track_update(${updatedColumns.map((c) => `'${c}'`).join(', ')})`,
        );
      }
    }
  }
}
