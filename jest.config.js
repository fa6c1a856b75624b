/** Every test runs against the real API over HTTP, started once by test/support/global-setup.mjs. */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const common = {
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  // Two jest workers share two cores with the API, PostgreSQL and Chromium: generous, still bounded.
  testTimeout: 15_000,
  moduleNameMapper: { '^@lindung/domain$': '<rootDir>/packages/domain/src/index.ts' },
};

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  maxWorkers: 2,
  projects: [
    { ...common, displayName: 'domain', testMatch: ['<rootDir>/test/domain/**/*.test.ts'] },
    { ...common, displayName: 'api', testMatch: ['<rootDir>/test/api/**/*.test.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
  ],
};
