import { afterAll, beforeAll, beforeEach } from 'vitest';
// The real data layer (client + IndexedDB cache + repository + drift card statistics) against the project's
// offline Hub, reached through a fetch that rewrites https://huggingface.co to the local server. Product
// code is unchanged: it believes it talks to the Hub.
import { IDBFactory } from 'fake-indexeddb';
import { startOfflineHub, type LoggedRequest, type OfflineHub } from '../../hub/server.mjs';
import { openDriftCache, type DriftCache } from '../../../lib/cache/db';
import { createHubClient, HUB_ORIGIN } from '../../../lib/hub/client';
import { createHubRepository, type HubRepository } from '../../../lib/hub/repository';
import { cardStatsFromReadme } from '../../../lib/drift';
import type { ModelReport } from '../../../lib/report/types';
import { buildModelReport, type BuildOptions } from '../../../lib/report/build';

export const START = Date.UTC(2026, 8, 1);
export const HOUR = 3_600_000;

export interface Harness {
  hub: OfflineHub;
  /** The repository of the current "browser session"; `restart()` gives a new one on the same IndexedDB. */
  repo: HubRepository;
  clock: { t: number };
  /** When true, every fetch fails like a dropped network (the Hub is never reached). */
  network: { offline: boolean; fetches: number };
  /** A new repository and client; `keepCache` reopens the same IndexedDB (a browser restart), else a fresh one. */
  restart(opts?: { keepCache?: boolean }): void;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  // Default publicOrigin: `Link` headers name https://huggingface.co as on the real Hub, and the rewriting
  // fetch maps them here. (With `publicOrigin: 'self'` the client would rightly refuse a next link to
  // 127.0.0.1, so children pagination could not be exercised.)
  const hub = await startOfflineHub({ protocol: 'http', quotas: { pages: 10_000 } });
  const clock = { t: START };
  const network = { offline: false, fetches: 0 };
  let idb = new IDBFactory();
  let cache: DriftCache | undefined;

  const rewritingFetch: typeof fetch = (input, init) => {
    network.fetches++;
    if (network.offline) return Promise.reject(new TypeError('Failed to fetch'));
    const url = String(input instanceof Request ? input.url : input);
    return fetch(url.startsWith(HUB_ORIGIN) ? hub.origin + url.slice(HUB_ORIGIN.length) : url, init);
  };

  const harness: Harness = {
    hub,
    clock,
    network,
    repo: undefined as unknown as HubRepository,
    restart({ keepCache = false } = {}) {
      cache?.close();
      if (!keepCache) idb = new IDBFactory();
      cache = openDriftCache({ indexedDB: idb, now: () => clock.t });
      const client = createHubClient({ fetch: rewritingFetch, now: () => clock.t, sleep: async () => undefined });
      harness.repo = createHubRepository({ client, cache, now: () => clock.t, cardStats: cardStatsFromReadme });
    },
    async close() {
      cache?.close();
      await hub.close();
    },
  };
  harness.restart();
  return harness;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (_, code: string) => {
    const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
    if (code[0] !== '#') return named[code.toLowerCase()];
    return String.fromCodePoint(code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
  });
}

/** The raw `model` of the page's ModelHeader island, as the content script sends it. */
export async function pageModel(hub: OfflineHub, id: string): Promise<unknown> {
  const html = await (await fetch(`${hub.origin}/${id}`)).text();
  const props = /data-target="ModelHeader"[^>]*?data-props="([^"]*)"/.exec(html);
  if (!props) throw new Error(`no ModelHeader props on /${id}`);
  return JSON.parse(decodeEntities(props[1])).model;
}

/** Every report the builder emitted, in order. */
export async function build(repo: HubRepository, options: BuildOptions): Promise<ModelReport[]> {
  const reports: ModelReport[] = [];
  await buildModelReport(repo, options, (report) => reports.push(structuredClone(report)));
  return reports;
}

/** Requests as the Hub saw them, grouped the way the cost budget is stated. */
export function costOf(requests: LoggedRequest[]) {
  const isHop = (r: LoggedRequest) => r.pathname.startsWith('/api/resolve-cache/');
  return {
    api: requests.filter((r) => r.kind === 'api' && !isHop(r)).length,
    readmes: requests.filter((r) => r.pathname.includes('/resolve/main/')).length,
    hops: requests.filter(isHop).length,
    all: requests.length,
  };
}

/** `/api/models/{id}` requests only (one model looked up on its own). */
export function modelLookups(requests: LoggedRequest[]): string[] {
  return requests
    .filter((r) => r.pathname.startsWith('/api/models/'))
    .map((r) => decodeURIComponent(r.pathname.slice('/api/models/'.length)));
}

/** `/api/models?…` list requests. */
export function listRequests(requests: LoggedRequest[]): URL[] {
  return requests.filter((r) => r.pathname === '/api/models').map((r) => new URL(r.path, 'https://huggingface.co'));
}

/**
 * Starts one offline Hub for a test file and gives every test a fresh clock, network, cache and request log.
 * Returns a getter because the harness exists only once `beforeAll` ran.
 */
export function useHarness(): () => Harness {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(() => {
    h.clock.t = START;
    h.network.offline = false;
    h.hub.clearFaults();
    h.hub.resetRateLimits();
    h.restart();
    h.hub.resetRequests();
  });
  return () => h;
}
