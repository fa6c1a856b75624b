// Applies every migration on a scratch database, reverts them all, and applies them again.
// Prints the tables after each step. Argument: a PostgreSQL server URL (any database on it).
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
const apiRequire = require('node:module').createRequire(path.join(root, 'api/package.json'));
const { Client } = apiRequire('pg');
const { createDataSource, migrations } = require(path.join(root, 'api/dist/database/data-source.js'));

(async () => {
  const server = process.argv[2];
  const name = `lindung_migrations_${process.pid}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const ds = createDataSource(url.toString(), { poolSize: 2 });
  const tables = async () =>
    (await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`)).map((r) => r.table_name);
  const steps = {};
  try {
    await ds.initialize();
    await ds.runMigrations();
    steps.up = await tables();
    for (let i = 0; i < migrations.length; i += 1) await ds.undoLastMigration();
    steps.down = await tables();
    await ds.runMigrations();
    steps.upAgain = await tables();
  } finally {
    await ds.destroy();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
  process.stdout.write(JSON.stringify(steps));
})();
