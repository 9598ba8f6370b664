// The family explorer's side of the background: opens the explorer page in a tab (content scripts cannot
// link to extension pages reliably) and runs one crawl per port, streaming its progress. Closing the page
// or pressing Stop aborts the crawl.
import { browser } from 'wxt/browser';
import { isModelId } from '../hub/parse';
import type { HubRepository } from '../hub/repository';
import { crawlFamily } from '../report/family-crawl';
import { FAMILY_PORT, type FamilyCrawlPush, type FamilyCrawlRequest } from '../report/family-crawl-types';

export { FAMILY_PORT };

export function familyPageUrl(id: string): string {
  return browser.runtime.getURL(`/family.html?model=${encodeURIComponent(id)}` as '/family.html');
}

/** tabs.create needs no "tabs" permission. */
export async function openFamilyExplorer(id: unknown): Promise<{ ok: boolean }> {
  if (typeof id !== 'string' || !isModelId(id)) return { ok: false };
  await browser.tabs.create({ url: familyPageUrl(id) });
  return { ok: true };
}

export function serveFamilyCrawl(repo: HubRepository, port: ReturnType<typeof browser.runtime.connect>, ready: Promise<void>): void {
  let controller: AbortController | null = null;
  port.onMessage.addListener((message: unknown) => {
    const request = message as FamilyCrawlRequest;
    if (!request || typeof request !== 'object') return;
    controller?.abort();
    controller = null;
    if ('stop' in request) return;
    if (typeof request.id !== 'string' || !isModelId(request.id)) return;
    const current = new AbortController();
    controller = current;
    const post = (push: FamilyCrawlPush) => {
      try {
        port.postMessage(push);
      } catch {
        current.abort(); // the page went away
      }
    };
    void ready
      .then(() => crawlFamily(repo, { id: request.id, budget: request.budget, signal: current.signal }, post))
      .catch((error: unknown) =>
        post({
          nodes: [],
          anomalies: [],
          progress: { state: 'error', reason: 'error', budget: request.budget, used: 0, requests: 0, models: 0, generations: 0, explored: 0, frontier: 0, cards: 0, message: String((error as Error)?.message ?? error) },
        }),
      );
  });
  port.onDisconnect.addListener(() => controller?.abort());
}
