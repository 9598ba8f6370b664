// Vitest config for mutation testing (`npm run test:mutation`, see stryker.config.mjs): only the unit tests
// aimed at the mutated modules, so each mutant runs in seconds. The full suite stays in vitest.config.ts.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  // The module loader's tests use WXT's fake browser (runtime.getURL).
  resolve: { alias: { 'wxt/browser': fileURLToPath(new URL('./tests/support/fake-wxt-browser.ts', import.meta.url)) } },
  test: {
    include: [
      'tests/unit/drift/**/*.test.ts',
      'tests/unit/page/detect.test.ts',
      'tests/unit/page/injection.test.ts',
      'tests/unit/hub/parse.test.ts',
      'tests/unit/hub/parse-edges.test.ts',
      'tests/unit/hub/siblings.test.ts',
      'tests/unit/hub/send-log.test.ts',
      'tests/unit/report/listing-query.test.ts',
      'tests/unit/report/verdict.test.ts',
      'tests/unit/report/sameness.test.ts',
      'tests/unit/page/manager.test.ts',
      'tests/unit/ui/ui-modules.test.ts',
      'tests/unit/scripts/content-script-start.test.ts',
    ],
    // Random-input properties run for seconds per mutant; the example tables above must bite on their own.
    exclude: ['tests/unit/drift/property.test.ts'],
    // Pure modules: no DOM needed (a fresh happy-dom window per file per mutant costs about a second).
    // Files stay isolated: the license-facts cache must not carry one mutant's results into the next run.
    environment: 'node',
    restoreMocks: true,
    setupFiles: ['tests/support/stryker-activate-at-collection.ts'],
    // Instrumented code counts every statement: the huge-input tests need more than the default 5 s.
    testTimeout: 60_000,
  },
});
