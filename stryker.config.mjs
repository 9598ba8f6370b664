// Mutation testing (`npm run test:mutation`): StrykerJS plants small bugs in the drift engine and the parsers
// below and checks that the unit tests aimed at them fail. Scores and run time: README, "Tests"; mutants
// that no test can kill (equivalent) are listed with the reason in tests/MUTATION.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  // Every module of lib/drift, new ones included; the types file holds no logic worth mutating besides lists.
  mutate: ['lib/drift/**/*.ts', 'lib/page/detect.ts', 'lib/hub/parse.ts', 'lib/hub/send-log.ts', 'lib/report/listing-query.ts', 'lib/report/verdict.ts', 'lib/report/sameness.ts', 'lib/features/manager.ts', 'lib/features/ui-modules.ts', 'scripts/content-script-start.ts'],
  coverageAnalysis: 'perTest',
  // Stryker rewrites tsconfig paths that leave the sandbox with TypeScript's JS API, which TypeScript 7 (the
  // native compiler) no longer has. Ours has none to rewrite (it extends .wxt/, inside), so skip the step.
  tsconfigFile: 'tsconfig.stryker-skips-rewrite.json',
  concurrency: 2,
  // Static mutants (values in module-level tables, such as the license table) would each rerun every test,
  // hours in all; the tables are checked key by key by the unit tests instead (tests/MUTATION.md).
  ignoreStatic: true,
  // Reruns only mutants whose code or covering tests changed since the last run (file git-ignored).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
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
