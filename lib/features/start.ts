// What the content script starts once the page has loaded (entrypoints/hf.content.ts imports this module
// then): the features for the page the tab shows, and again after each of the Hub's client-side navigations.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readSwitches } from '../settings/settings';
import { FEATURES } from '.';
import { createFeatureRunner } from './manager';

export function startFeatures(ctx: ContentScriptContext): void {
  performance.mark('hf-drift:features');
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
  runForThisPage();
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    ctx.setTimeout(followLocation, 0);
    ctx.setTimeout(followLocation, 300); // a navigation a router commits after its transition
  });
  ctx.onInvalidated(() => runner.stop());
}

function pageKey(href: string): string {
  const url = new URL(href);
  return url.pathname + url.search;
}
