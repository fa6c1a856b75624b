// Prints the access declaration of every root operation of the built API schema, as JSON.
// Runs in a plain Node process: the API's compiled code loads ESM-only packages through
// require(esm), which jest's module system cannot do.
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
const { buildLindungSchema } = require(path.join(root, 'api/dist/schema.js'));
const { declaredPermissions } = require(path.join(root, 'api/dist/core/access.js'));

buildLindungSchema().then((schema) => {
  const map = {};
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type.getFields())) {
      map[`${type.name}.${field.name}`] = declaredPermissions(field) ?? null;
    }
  }
  process.stdout.write(JSON.stringify(map));
});
