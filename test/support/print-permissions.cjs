// Prints the access declaration of every root operation of the built API schema, as JSON.
// Runs in a plain Node process: the API's compiled code loads ESM-only packages through
// require(esm), which jest's module system cannot do.
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
const { buildLindungSchema } = require(path.join(root, 'api/dist/schema.js'));
const { declaredPermissions } = require(path.join(root, 'api/dist/core/access.js'));
const { ownTransactionsReason } = require(path.join(root, 'api/dist/core/transaction.js'));

buildLindungSchema().then((schema) => {
  const map = {};
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type.getFields())) {
      const allow = declaredPermissions(field) ?? null;
      // A mutation outside the one wrapping transaction is part of the reviewed map, with its reason.
      const ownTransactions = ownTransactionsReason(field);
      map[`${type.name}.${field.name}`] = ownTransactions ? { allow, ownTransactions } : allow;
    }
  }
  process.stdout.write(JSON.stringify(map));
});
