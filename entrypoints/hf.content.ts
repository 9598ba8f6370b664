import { loadUi } from '../lib/features/ui-modules';
import { pageLoaded } from '../lib/ui/page-loaded';

/** The longest the features wait for the page's `load` before they start anyway. */
const START_WAIT_MS = 50;

// Injected into huggingface.co pages outside the sections where no feature can apply (the manifest's
// exclude_matches, added by wxt.config.ts). While the page loads it only waits: the features' code (which
// features apply to this URL, their work, their views) is a module of its own, imported once the page has
// loaded, so the Hub's load never waits for our code to be parsed or run, and Chrome keeps a code cache for
// it (it has none for content scripts).
export default defineContentScript({
  matches: ['https://huggingface.co/*'],
  runAt: 'document_end',
  main(ctx) {
    // User Timing marks let anyone (DevTools, the benchmark) see what the extension costs a page.
    performance.mark('hf-drift:start');
    // A slow page waits at most START_WAIT_MS, so that a cold license verdict is still about one Hub round
    // trip away.
    void pageLoaded(document, ctx.signal, START_WAIT_MS)
      .then(async () => {
        if (!ctx.isValid) return;
        const { startFeatures } = await loadUi('features');
        if (ctx.isValid) startFeatures(ctx);
      })
      // The package changed under the page (an update): nothing to show until the next page load.
      .catch((error: unknown) => console.warn('[hf-drift]', error));
  },
});
