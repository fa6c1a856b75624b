// Runs an operation whose resolver fails the way a driver does (SQL in the message, a stack)
// through Apollo with the API's own formatError, and prints what a client would receive.
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
const apiRequire = require('node:module').createRequire(path.join(root, 'api/package.json'));
const { ApolloServer } = apiRequire('@apollo/server');
const { formatError } = require(path.join(root, 'api/dist/core/format-error.js'));

(async () => {
  const server = new ApolloServer({
    typeDefs: 'type Query { boom: String }',
    resolvers: {
      Query: {
        boom() {
          const error = new Error('duplicate key value violates unique constraint "users_email_key" (SELECT * FROM users)');
          error.code = '23505';
          throw error;
        },
      },
    },
    formatError,
    includeStacktraceInErrorResponses: false,
  });
  const response = await server.executeOperation({ query: '{ boom }' });
  process.stdout.write(JSON.stringify(response.body.singleResult));
})();
