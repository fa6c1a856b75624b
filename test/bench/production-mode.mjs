// Imported first by run.mjs: the API is measured as it is deployed (docker-compose.yml), with
// NODE_ENV=production, which graphql-js and express read once, when they load. In development
// graphql-js checks every instanceof against a second copy of itself, on every field of every row.
process.env.NODE_ENV = 'production';
