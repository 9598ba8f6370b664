import { createFeatureRunner } from '../lib/features/manager';
import { FEATURES } from '../lib/features';
import { contentScriptExcludes } from '../lib/page/detect';
import { readSwitches } from '../lib/settings/settings';

// Runs on huggingface.co pages outside the sections where no feature can apply, decides per URL which
// features apply, and re-decides after the Hub's client-side navigations. Where nothing applies it does
// nothing at all.
export default defineContentScript({
  matches: ['https://huggingface.co/*'],
  // Not even injected where no feature can apply (datasets, Spaces, docs, blog, settings, …).
  excludeMatches: contentScriptExcludes(),
  runAt: 'document_end',
  main(ctx) {
    // User Timing marks let anyone (DevTools, the benchmark) see what the extension costs a page.
    performance.mark('hf-drift:start');
    const runner = createFeatureRunner(FEATURES, {
      readSwitches,
      report: (featureId, error) => console.warn(`[hf-drift:${featureId}]`, error),
    });
    let lastPage = pageKey(location.href);
    void runner.run(location.href, document);
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      // Saving a blob through <a download> (the AI-BOM export) fires the Navigation API's navigate event
      // too, but the page stays where it is.
      if (newUrl.protocol !== 'https:' && newUrl.protocol !== 'http:') return;
      const key = pageKey(newUrl.href);
      if (key === lastPage) return; // an in-page anchor, not a new page
      lastPage = key;
      void runner.run(newUrl.href, document);
    });
    ctx.onInvalidated(() => runner.stop());
  },
});

function pageKey(href: string): string {
  const url = new URL(href);
  return url.pathname + url.search;
}
