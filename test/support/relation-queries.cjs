// Runs nested queries through the API's real schema on the test run's database, counting the SQL
// statements each one sends: a nested relation must cost one statement per nesting level, however
// many rows it spans. Argument: the database URL. Prints { name: { statements, rows } } as JSON.
const { apiRequire, apiDist, printFindings } = require('./database-script.cjs');
const { graphql } = apiRequire('graphql');
const { buildLindungSchema } = apiDist('schema.js');

const QUERIES = {
  // 9 regencies → their districts → their villages → each village's district → its regency.
  fourLevels: `{ allRegencies(perPage: 10) { id districts { id villages { id district { id regency { id } } } } } }`,
  toOneOnEveryRow: `{ allVillages(perPage: 500) { id district { id } regency { id } } }`,
};

printFindings(async (ds) => {
  let statements = 0;
  ds.logger = new Proxy({}, { get: (_target, name) => (name === 'logQuery' ? () => (statements += 1) : () => undefined) });
  const schema = await buildLindungSchema();
  const out = {};
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
  return out;
});
