// Validates queries of depth 10 and 11 against a recursive schema with the API's own limit rules.
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
const apiRequire = require('node:module').createRequire(path.join(root, 'api/package.json'));
const { buildSchema, parse, validate } = apiRequire('graphql');
const { queryLimits } = require(path.join(root, 'api/dist/core/limits.js'));

const schema = buildSchema('type Query { node: Node } type Node { id: ID child: Node }');
const rules = queryLimits().validationRules;
const query = (depth) => `{ node ${'{ child '.repeat(depth - 2)}{ id }${' }'.repeat(depth - 2)} }`;
const messages = (depth) => validate(schema, parse(query(depth)), rules).map((e) => e.message);
process.stdout.write(JSON.stringify({ atLimit: messages(10), overLimit: messages(11) }));
