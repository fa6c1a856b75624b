// The frame of the scripts a test runs in a child process on the test run's database (its URL the
// first argument): the API's built modules, a small pool of its own, the findings printed as JSON,
// and a failure printed with its stack and exit code 1.
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
const apiRequire = require('node:module').createRequire(path.join(root, 'api/package.json'));
apiRequire('reflect-metadata');

/** A built module of the API (api/dist). */
const apiDist = (file) => require(path.join(root, 'api/dist', file));

/** Runs `work` with an initialised data source and prints what it returns as JSON. */
function printFindings(work) {
  (async () => {
    const { createDataSource } = apiDist('database/data-source.js');
    const ds = createDataSource(process.argv[2], { poolSize: 2 });
    await ds.initialize();
    let findings;
    try {
      findings = await work(ds);
    } finally {
      await ds.destroy();
    }
    process.stdout.write(JSON.stringify(findings));
  })().catch((error) => {
    process.stderr.write(String(error?.stack ?? error));
    process.exit(1);
  });
}

module.exports = { apiRequire, apiDist, printFindings };
