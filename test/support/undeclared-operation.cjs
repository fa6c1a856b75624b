// Builds a schema with the API's real guard and one operation that declares no access rule,
// runs it, and prints the result: default deny must refuse it even for an ADMIN.
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
const apiRequire = require('node:module').createRequire(path.join(root, 'api/package.json'));
apiRequire('reflect-metadata');
const { Query, Resolver, buildSchema } = apiRequire('type-graphql');
const { graphql } = apiRequire('graphql');
const { protectRootOperations } = require(path.join(root, 'api/dist/core/root-operations.js'));

class Probe {
  secret() {
    return 'should never be returned';
  }
}
const descriptor = Object.getOwnPropertyDescriptor(Probe.prototype, 'secret');
Query(() => String)(Probe.prototype, 'secret', descriptor);
Resolver()(Probe);

(async () => {
  const schema = protectRootOperations(await buildSchema({ resolvers: [Probe] }));
  const logger = { error() {} };
  const contextValue = { actor: { id: 'x', role: 'ADMIN', scope: {} }, authError: null, logger };
  const result = await graphql({ schema, source: '{ secret }', contextValue });
  process.stdout.write(JSON.stringify(result));
})();
