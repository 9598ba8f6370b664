// The moment the extension's page work may start. A module of its own, without imports: the content script
// that every model and listing page evaluates while it loads needs this and nothing else of lib/ui.

/**
 * Resolves in a task after the page's `load` event (at most `maxWaitMs` later, for pages with slow
 * images), so that extension UI work never delays the Hub's own load: a promise settled inside the
 * listener would run its continuation before the event ends, inside the page's load time.
 */
export function pageLoaded(doc: Document, signal: AbortSignal, maxWaitMs = 1500): Promise<void> {
  if (doc.readyState === 'complete' || signal.aborted) return Promise.resolve();
  const view = doc.defaultView;
  if (!view) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      view.removeEventListener('load', afterLoad);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const afterLoad = () => {
      clearTimeout(timer);
      setTimeout(done, 0);
    };
    const timer = setTimeout(done, maxWaitMs);
    view.addEventListener('load', afterLoad, { once: true });
    signal.addEventListener('abort', done, { once: true });
  });
}
