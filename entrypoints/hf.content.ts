import { createFeatureRunner } from '../lib/features/manager';
import { FEATURES } from '../lib/features';
import { readSwitches } from '../lib/settings/settings';
import { pageLoaded } from '../lib/ui/shadow-host';

/** The longest the features wait for the page's `load` before they start anyway. */
const START_WAIT_MS = 50;

// Runs on huggingface.co pages outside the sections where no feature can apply, decides per URL which
// features apply, and re-decides after the Hub's client-side navigations. Where nothing applies it does
// nothing at all.
export default defineContentScript({
  matches: ['https://huggingface.co/*'],
  // Not even injected where no feature can apply (datasets, Spaces, docs, blog, settings, …): the manifest's
  // exclude_matches are added by wxt.config.ts.
  runAt: 'document_end',
  main(ctx) {
    // User Timing marks let anyone (DevTools, the benchmark) see what the extension costs a page.
    performance.mark('hf-drift:start');
    const runner = createFeatureRunner(FEATURES, {
      readSwitches,
      report: (featureId, error) => console.warn(`[hf-drift:${featureId}]`, error),
    });
    let lastPage = '';
    /** Runs the features for the page the tab shows now. */
    const runForThisPage = () => {
      lastPage = pageKey(location.href);
      void runner.run(location.href, document);
    };
    // The Navigation API's navigate event (behind wxt:locationchange) also fires for downloads (the Hub's
    // file links, our AI-BOM blob) and for navigations that leave the document: only a URL the page has
    // really moved to once the navigation committed is a new page (not an in-page anchor, not a download).
    const followLocation = () => {
      if (pageKey(location.href) !== lastPage) runForThisPage();
    };
    // The features start once the page has loaded, so that none of their work (page reads, the port, the
    // answer) competes with the Hub's own load; but a slow page waits at most START_WAIT_MS, so that a
    // cold license verdict is still about one Hub round trip away.
    void pageLoaded(document, ctx.signal, START_WAIT_MS).then(() => {
      if (!ctx.isValid) return;
      performance.mark('hf-drift:features');
      runForThisPage();
      // Followed from here on: hooking the Navigation API (and WXT's check of the extension's context, the
      // first use of its API bindings in the page) is work the page's load need not wait for either.
      ctx.addEventListener(window, 'wxt:locationchange', () => {
        ctx.setTimeout(followLocation, 0);
        ctx.setTimeout(followLocation, 300); // a navigation a router commits after its transition
      });
    });
    ctx.onInvalidated(() => runner.stop());
  },
});

function pageKey(href: string): string {
  const url = new URL(href);
  return url.pathname + url.search;
}
