// Feature: the drift panel on model pages. Test URLs: /meta-llama/Llama-3.1-8B-Instruct,
// /skyforge/Sky-Chat-8B, /mergekit-fans/Llama-3.1-SkyNorth-Merge-8B, /gpt2 (offline Hub fixtures).
import { isModelPage, modelIdFromUrl } from '../page/detect';
import { panelPlacement, readModelHeaderProps, readModelTreeCounts, SELECTORS, selectFirst, type ModelHeaderProps } from '../page/selectors';
import { subscribeReport } from '../report/subscribe';
import { loadingReport, type ModelReport } from '../report/types';
import { licenseVerdict } from '../report/verdict';
import { pageLoaded } from '../ui/page-loaded';
import { place, waitForElement } from '../ui/shadow-host';
import type { Feature } from './manager';
import type { PanelView } from './model-panel-view';
import { loadUi, PANEL_TAG } from './ui-modules';

/** How long after the page's load a panel without any report yet waits before it shows its skeleton. */
const SKELETON_AFTER_MS = 120;

/** The header props describe this URL's model (after client-side navigation the old header can linger). */
function propsFor(doc: Document, urlId: string): ModelHeaderProps | null {
  const props = readModelHeaderProps(doc);
  const id = (props?.model as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string') return null;
  const same = id.toLowerCase() === urlId.toLowerCase() || id.toLowerCase().endsWith(`/${urlId.toLowerCase()}`);
  return same ? props : null;
}

/**
 * This URL's ModelHeader props, waiting only when they can still come: while the document is parsing,
 * or while a ModelHeader of another model lingers after a client-side navigation. A parsed page without
 * any ModelHeader props (a card tab may have none) starts at once from the URL and the API.
 */
async function headerPropsFor(document: Document, urlId: string, signal: AbortSignal): Promise<ModelHeaderProps | null> {
  const now = propsFor(document, urlId);
  if (now) return now;
  const propsMayCome = () =>
    document.readyState === 'loading' || !!selectFirst(document, SELECTORS.modelHeader)?.hasAttribute('data-props');
  if (!propsMayCome()) return null;
  return waitForElement(document, () => propsFor(document, urlId) ?? (propsMayCome() ? null : NO_PROPS), { signal, timeoutMs: 4000 }).then(
    (found) => (found === NO_PROPS ? null : found),
  );
}
const NO_PROPS: ModelHeaderProps = { model: null };

/** The Model tree's counts are a saving, never a requirement: any surprise in its markup means "ask the API". */
function treeCountsOrNothing(document: Document, id: string) {
  try {
    return readModelTreeCounts(document, id);
  } catch {
    return null;
  }
}

export const modelPanel: Feature = {
  id: 'model-panel',
  include: [isModelPage],
  switch: 'panel',
  switchedByBackground: true,
  async init({ url, document, signal: pageSignal }) {
    // Ends with the page, or when the background says the panel is switched off.
    const stop = new AbortController();
    const signal = stop.signal;
    if (pageSignal.aborted) return;
    pageSignal.addEventListener('abort', () => stop.abort(), { once: true });
    const urlId = modelIdFromUrl(url);
    if (!urlId) return;
    const props = await headerPropsFor(document, urlId, signal);
    if (signal.aborted) return;
    // A single-segment URL without a ModelHeader is an owner page we mistook for a legacy model id.
    if (!props && !urlId.includes('/')) return;
    const id = String((props?.model as { id?: string } | undefined)?.id ?? urlId);

    // Ask the background now; render when there is something to show or the page has loaded.
    let report: ModelReport = loadingReport(id);
    let view: PanelView | null = null;
    let marked = false;
    let verdictMarked = false;
    const draw = () => {
      if (!view) return;
      const state = report.state === 'ready' && report.stale ? 'stale' : report.state;
      view.host.setAttribute('data-state', state);
      const verdict = licenseVerdict(report);
      if (verdict) view.host.setAttribute('data-license-verdict', verdict);
      else view.host.removeAttribute('data-license-verdict');
      view.show(report);
      if (!verdictMarked && verdict) {
        verdictMarked = true;
        performance.mark('hf-drift:license-verdict', { detail: { model: id, verdict } });
      }
      if (!marked && state !== 'loading') {
        marked = true;
        performance.mark('hf-drift:panel-ready', { detail: { model: id, state } });
      }
    };
    // The Hub's Model tree shows the children counts: read, they spare the background a request.
    const pageChildrenCount = props ? (treeCountsOrNothing(document, id) ?? undefined) : undefined;
    let showNow!: () => void;
    const somethingToShow = new Promise<void>((resolve) => (showNow = resolve));
    let reportCame!: () => void;
    const firstReport = new Promise<void>((resolve) => (reportCame = resolve));
    // The panel's switch, and family statistics', are the background's to read and enforce.
    const subscription = subscribeReport(
      { id, pageModel: props?.model, pageChildrenCount, requires: 'panel' },
      (next) => {
        report = next;
        reportCame();
        // The early verdict (it took a Hub round trip: the page is long loaded, or slow) is shown at once; a
        // report from the cache arrives within milliseconds and waits for the page's load event.
        if (report.partial === 'verdict') showNow();
        draw();
      },
      () => stop.abort(), // switched off: nothing to show, nothing more to ask
    );
    function refresh() {
      subscription.refresh();
    }
    signal.addEventListener('abort', () => subscription.close(), { once: true });

    // Drawn once the page has loaded, or earlier when the early verdict is in (on a slow Hub it comes long
    // before `load`): a loading skeleton is not worth a moment of the Hub's load, the verdict is.
    await Promise.race([pageLoaded(document, signal), somethingToShow]);
    if (signal.aborted) return;
    // The view's code (on a Hub page it came with the features' module) is ready by the time the report and
    // the panel's place are.
    const viewCode = loadUi('model-panel');
    // A report from the cache is a few milliseconds away: draw the panel once, with it, rather than a
    // loading skeleton first (which still comes when the report takes longer, as on a cold cache).
    const reportOrSkeleton = Promise.race([firstReport, new Promise((resolve) => setTimeout(resolve, SKELETON_AFTER_MS))]);
    const placed = reportOrSkeleton.then(() =>
      signal.aborted ? null : waitForElement(document, () => panelPlacement(document), { signal, timeoutMs: 8000 }),
    );
    const [{ mountPanel }, placement] = await Promise.all([viewCode, placed]);
    if (!placement || signal.aborted) return;

    // Exactly one panel: drop any left by an earlier run (double injection after an extension update).
    for (const stale of document.querySelectorAll(`${PANEL_TAG}[data-hf-drift="panel"]`)) stale.remove();
    const panel = mountPanel(document, id, refresh);
    view = panel;
    place(panel.host, placement.anchor, placement.position);
    draw();

    // The Hub may re-render the sidebar and drop our host; put it back where it belongs.
    const keeper = new MutationObserver(() => {
      if (panel.host.isConnected) return;
      const again = panelPlacement(document);
      if (again) place(panel.host, again.anchor, again.position);
    });
    keeper.observe(document.body, { childList: true, subtree: true });

    signal.addEventListener(
      'abort',
      () => {
        keeper.disconnect();
        panel.remove();
        view = null;
      },
      { once: true },
    );
  },
};
