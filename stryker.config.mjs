// Mutation testing (`npm run test:mutation`): StrykerJS plants small bugs in the drift engine and the parsers
// below and checks that the unit tests aimed at them fail. Scores and run time: README, "Tests"; mutants
// that no test can kill (equivalent) are listed with the reason in tests/MUTATION.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  // Every module of lib/drift, new ones included; the types file holds no logic worth mutating besides lists.
  mutate: ['lib/drift/**/*.ts', 'lib/page/detect.ts', 'lib/hub/parse.ts', 'lib/report/listing-query.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // The sandbox needs the sources, the tests' fixtures and .wxt (tsconfig extends it); not builds or e2e.
  ignorePatterns: ['.output', 'tests/e2e', 'tests/bench', 'bench-results', 'reports', '.e2e-*', '*.log'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 85, low: 80, break: null },
};
