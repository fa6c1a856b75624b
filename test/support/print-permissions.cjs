// Prints the access declaration of every root operation of the built API schema, as JSON.
// Runs in a plain Node process: the API's compiled code loads ESM-only packages through
// require(esm), which jest's module system cannot do.
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
const { buildLindungSchema } = require(path.join(root, 'api/dist/schema.js'));
const { allowedDuringPasswordChange, declaredPermissions } = require(path.join(root, 'api/dist/core/access.js'));
const { ownTransactionsReason } = require(path.join(root, 'api/dist/core/transaction.js'));

buildLindungSchema().then((schema) => {
  const map = {};
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type.getFields())) {
      const allow = declaredPermissions(field) ?? null;
      // A mutation outside the one wrapping transaction is part of the reviewed map, with its reason,
      // and so is an operation left open to an account that must change its password first.
      const ownTransactions = ownTransactionsReason(field);
      const duringPasswordChange = allowedDuringPasswordChange(field);
      map[`${type.name}.${field.name}`] =
        ownTransactions || duringPasswordChange
          ? { allow, ...(ownTransactions ? { ownTransactions } : {}), ...(duringPasswordChange ? { allowDuringPasswordChange: true } : {}) }
          : allow;
    }
  }
  process.stdout.write(JSON.stringify(map));
});
