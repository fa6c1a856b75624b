// Runs the account mutations that hash a password (createUser, updateUser with a password,
// resetPassword) through the API's real schema on the test run's database, as the demo ADMIN, and
// records at the moment each one starts hashing how many of the pool's connections are checked
// out and whether the request holds one. Hashing takes tens of milliseconds of CPU: no connection
// may wait on it. The hash itself is the real one, only observed. Argument: the database URL.
// Prints { mutation: { checkedOut, holdsConnection, ok } } as JSON.
const { apiRequire, apiDist, printFindings } = require('./database-script.cjs');
const { graphql } = apiRequire('graphql');
const { poolOf } = apiDist('database/data-source.js');
const { buildLindungSchema } = apiDist('schema.js');
const { releaseHeldConnection } = apiDist('core/transaction.js');
const { AuthCache } = apiDist('modules/auth/auth-cache.js');
const passwords = apiDist('modules/auth/passwords.js');

const PASSWORD = 'a-long-password-1';
const email = `hashing.${process.pid}.${Date.now()}@lindung.test`;

printFindings(async (ds) => {
  const pool = poolOf(ds);
  let current = null;
  let seen = null;
  const realHash = passwords.hashPassword;
  // The services call it through the module's exports, so this sees every call they make.
  passwords.hashPassword = (password) => {
    seen = { checkedOut: pool.totalCount - pool.idleCount, holdsConnection: Boolean(current?.heldConnection && !current.heldConnection.isReleased) };
    return realHash(password);
  };
  const logger = { error() {}, warn() {}, info() {}, debug() {}, child: () => logger };
  const app = { dataSource: ds, logger, authCache: new AuthCache(0) };
  const [admin] = await ds.query(`SELECT id, email FROM users WHERE email = 'admin@lindung.test'`);
  const actor = { id: admin.id, email: admin.email, role: 'ADMIN', scope: { regencyId: null, villageId: null, partnerId: null }, sessionId: '00000000-0000-0000-0000-000000000000', mustChangePassword: false };
  const schema = await buildLindungSchema();

  async function run(source, variableValues) {
    seen = null;
    current = { requestId: `hashing-${process.pid}`, app, logger, actor, authError: null, em: ds.manager, afterRollback: [], afterCommit: [], loaders: new Map(), clientIp: '127.0.0.1' };
    try {
      const result = await graphql({ schema, source, variableValues, contextValue: current });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return { ...seen, ok: true, data: result.data };
    } finally {
      await releaseHeldConnection(current);
    }
  }

  const out = {};
  const created = await run(`mutation($e: String!, $p: String!) { createUser(email: $e, password: $p, role: AUDITOR) { id } }`, { e: email, p: PASSWORD });
  const id = created.data.createUser.id;
  out.createUser = { ...created, data: undefined };
  const updated = await run(`mutation($id: ID!) { updateUser(id: $id, password: "another-long-password-2") { id } }`, { id });
  out.updateUser = { ...updated, data: undefined };
  const reset = await run(`mutation($id: ID!) { resetPassword(userId: $id, temporaryPassword: "temporary-password-3") { id } }`, { id });
  out.resetPassword = { ...reset, data: undefined };
  return out;
});
