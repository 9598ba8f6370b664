// Mutation runs only (vitest.mutation.config.ts): `wxt/browser` resolved to WXT's in-memory fake browser, as
// WXT's vitest plugin resolves it in the main suite; the mutation run needs nothing else of that plugin.
export { fakeBrowser as browser } from 'wxt/testing/fake-browser';
