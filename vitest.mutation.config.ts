// Vitest config for mutation testing (`npm run test:mutation`, see stryker.config.mjs): only the unit tests
// aimed at the mutated modules, so each mutant runs in seconds. The full suite stays in vitest.config.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/drift/**/*.test.ts',
      'tests/unit/page/detect.test.ts',
      'tests/unit/hub/parse.test.ts',
      'tests/unit/report/listing-query.test.ts',
    ],
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { url: 'https://huggingface.co/' } },
    restoreMocks: true,
  },
});
