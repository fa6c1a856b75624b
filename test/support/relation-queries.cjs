// Runs nested queries through the API's real schema on the test run's database, counting the SQL
// statements each one sends: a nested relation must cost one statement per nesting level, however
// many rows it spans. Argument: the database URL. Prints { name: { statements, rows } } as JSON.
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
const apiRequire = require('node:module').createRequire(path.join(root, 'api/package.json'));
apiRequire('reflect-metadata');
const { graphql } = apiRequire('graphql');
const { createDataSource } = require(path.join(root, 'api/dist/database/data-source.js'));
const { buildLindungSchema } = require(path.join(root, 'api/dist/schema.js'));

const QUERIES = {
  // 9 regencies → their districts → their villages → each village's district → its regency.
  fourLevels: `{ allRegencies(perPage: 10) { id districts { id villages { id district { id regency { id } } } } } }`,
  toOneOnEveryRow: `{ allVillages(perPage: 500) { id district { id } regency { id } } }`,
};

(async () => {
  const ds = createDataSource(process.argv[2], { poolSize: 2 });
  await ds.initialize();
  let statements = 0;
  ds.logger = new Proxy({}, { get: (_target, name) => (name === 'logQuery' ? () => (statements += 1) : () => undefined) });
  const schema = await buildLindungSchema();
  const out = {};
  try {
    for (const [name, source] of Object.entries(QUERIES)) {
      statements = 0;
      const contextValue = {
        actor: { id: '00000000-0000-0000-0000-000000000000', email: 'x', role: 'ADMIN', scope: {}, sessionId: 'x' },
        authError: null,
        em: ds.manager,
        loaders: new Map(),
        logger: { error() {}, warn() {} },
      };
      const result = await graphql({ schema, source, contextValue });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      out[name] = { statements, rows: JSON.stringify(result.data).split('"id"').length - 1 };
    }
  } finally {
    await ds.destroy();
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
