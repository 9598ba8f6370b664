// Mutation runs only (vitest.mutation.config.ts): `wxt/browser` as WXT's vitest plugin resolves it, WXT's
// in-memory fake browser, without the plugin's other transforms (they switch Stryker's mutants off).
export { fakeBrowser as browser } from 'wxt/testing/fake-browser';
