// The background owns every Hub request and the IndexedDB cache. Views talk to it by typed messages
// (lib/messages.ts); model reports stream over a port so a stale-while-revalidate refresh reaches the
// open panel. In Chrome this runs in a service worker that can stop at any time: nothing important
// lives only in memory.
import { browser } from 'wxt/browser';
import { cardStatsFromReadme } from '../drift';
import { createHubClient } from '../hub/client';
import { modelKey } from '../hub/parse';
import { createHubRepository, type HubRepository } from '../hub/repository';
import { openDriftCache } from '../cache/db';
import { isRequest, REPORT_PORT, type Request, type RequestType, type Response, type ReportPush, type ReportSubscribe, type ReportSwitchedOff } from '../messages';
import { modelIdFromUrl } from '../page/detect';
import { badgesFor } from '../report/badges';
import { buildModelReport } from '../report/build';
import { familyExport } from '../report/export';
import { exportBom } from '../report/bom-export';
import { searchWithBadges, recentWithBadges } from '../report/search';
import { nothingNew } from '../report/sameness';
import { errorReport, type CacheStatsView, type ModelReport } from '../report/types';
import { readCacheSettings, readToken, watchedSwitches, watchedToken, type FeatureSwitches } from '../settings/settings';
import { forgetReports, recallReport, rememberReport, reportKey } from './report-memory';
import { FAMILY_PORT, openFamilyExplorer, serveFamilyCrawl } from './family-port';
import { sessionValue } from './session';
import { createViewedTabs } from './viewed-tabs';

const HOUR = 3_600_000;
/** Longest wait before a rate-limited view asks again on its own (the Hub's window is 5 minutes). */
const MAX_RETRY_WAIT_MS = 5 * 60_000;

export function startBackground(): void {
  const client = createHubClient({ getToken: watchedToken(), quotaMemory: sessionValue('hubQuota') });
  const cache = openDriftCache();
  const repo = createHubRepository({ client, cache, cardStats: cardStatsFromReadme });
  const viewedTabs = createViewedTabs();
  const switches = watchedSwitches();
  void switches(); // read while the worker starts, not when the first view asks

  const applyCacheSettings = async () => {
    const { ttlHours } = await readCacheSettings();
    repo.setTtl({ model: ttlHours * HOUR, children: ttlHours * HOUR });
  };
  const ready = applyCacheSettings();

  browser.runtime.onConnect.addListener((port) => {
    if (port.name === FAMILY_PORT) return serveFamilyCrawl(repo, port, ready);
    if (port.name !== REPORT_PORT) return;
    servePanel(repo, port, ready, switches, (id) => {
      const tabId = port.sender?.tab?.id;
      if (tabId !== undefined) viewedTabs.record(tabId, id);
    });
  });

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isRequest(message)) return undefined;
    // Returning a promise answers the sender (webextension-polyfill semantics in both browsers).
    return ready.then(() => handle(message)).catch((error: unknown) => ({
      ok: false,
      error: { kind: 'malformed', message: String((error as Error)?.message ?? error) },
    }));
  });

  async function cacheStatsView(): Promise<CacheStatsView> {
    const [stats, settings] = await Promise.all([repo.cacheStats(), readCacheSettings()]);
    return {
      entries: stats.entries,
      bytes: stats.bytes,
      oldestFetchedAt: stats.oldestFetchedAt,
      ttlHours: settings.ttlHours,
      available: stats.available,
    };
  }

  async function activeModel(): Promise<string | null> {
    try {
      const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      const fromUrl = active?.url ? modelIdFromUrl(active.url) : null;
      if (fromUrl) return viewedTabs.get(active.id ?? -1) ?? fromUrl;
    } catch {
      // No tab access: fall back to the panel that reported last.
    }
    return viewedTabs.latest() ?? null;
  }

  async function handle(message: Request): Promise<unknown> {
    const type = message.type as RequestType;
    switch (type) {
      case 'badges': {
        const m = message as Request<'badges'>;
        return { badges: await badgesFor(repo, m) } satisfies Response<'badges'>;
      }
      case 'search':
        return searchWithBadges(repo, (message as Request<'search'>).query);
      case 'recent':
        return recentWithBadges(repo);
      case 'cache-stats':
        return cacheStatsView();
      case 'cache-clear':
        await repo.clearCache();
        await forgetReports();
        return cacheStatsView();
      case 'settings-changed':
        await applyCacheSettings();
        return { ok: true };
      case 'test-token': {
        const token = (message as Request<'test-token'>).token ?? (await readToken());
        if (!token) return { ok: false, error: { kind: 'bad-request', message: 'No token is set.' } };
        const who = await client.whoami(token);
        return who.ok ? { ok: true, name: who.value.name } : { ok: false, error: who.error };
      }
      case 'export-family':
        return familyExport(repo, (message as Request<'export-family'>).id);
      case 'export-bom':
        return exportBom(repo, (message as Request<'export-bom'>).id, {
          now: Date.now,
          uuid: () => crypto.randomUUID(),
          tool: { name: 'HF Drift', version: browser.runtime.getManifest().version },
        });
      case 'active-model':
        return { id: await activeModel() };
      case 'open-family':
        return openFamilyExplorer((message as Request<'open-family'>).id);
      default:
        return undefined;
    }
  }
}

/**
 * One panel (or popup model view) per port: build the report, then rebuild from the cache whenever the
 * repository refreshed something the report shows. Closing the port stops all of it.
 */
function servePanel(
  repo: HubRepository,
  port: ReturnType<typeof browser.runtime.connect>,
  ready: Promise<void>,
  switches: () => Promise<FeatureSwitches>,
  onViewed: (id: string) => void,
): void {
  let subscription: ReportSubscribe | null = null;
  let controller: AbortController | null = null;
  let shownIds = new Set<string>();
  let rebuildTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** A freshly built report went out: a remembered one arriving later must not replace it. */
  let builtReportSent = false;
  let closed = false;
  /** Between a refresh request and its build: cache updates must not trigger a build from old data. */
  let refreshesPending = 0;

  const idsOf = (report: ModelReport) =>
    [report.id, ...report.parents.map((p) => p.id), ...report.chain.map((c) => c.id)].map(modelKey);

  /** What the view shows now (as sent). */
  let shownReport: ModelReport | undefined;
  let shownGeneration = -1;
  const post = (report: ModelReport, generation: number) => {
    // Rate limited: try again when the Hub said it would accept requests, while the view stays open.
    clearTimeout(retryTimer);
    if (report.retryAt && (report.state === 'error' || report.stale || report.paused)) {
      const wait = Math.min(Math.max(report.retryAt - Date.now(), 1000), MAX_RETRY_WAIT_MS);
      retryTimer = setTimeout(build, wait + Math.random() * 1000);
    }
    shownIds = new Set(idsOf(report));
    // Equal to what the view shows (a warm visit's build confirming the remembered report): no redraw.
    if (generation === shownGeneration && nothingNew(shownReport, report)) return;
    shownReport = report;
    shownGeneration = generation;
    try {
      port.postMessage({ report, generation } satisfies ReportPush);
    } catch {
      // The view went away between two awaits.
    }
  };

  const build = () => {
    if (!subscription) return;
    controller?.abort();
    const current = new AbortController();
    controller = current;
    const request = subscription;
    const generation = request.generation ?? 0;
    const memoryKey = reportKey(request.id, request.familyStats !== false);
    void ready
      .then(() =>
        buildModelReport(
          repo,
          {
            id: request.id,
            pageModel: request.pageModel,
            // A refresh asks the Hub for everything again, counts included.
            pageChildrenCount: request.refresh ? undefined : request.pageChildrenCount,
            familyStats: request.familyStats,
            signal: current.signal,
          },
          (report) => {
            if (current.signal.aborted) return;
            // The early verdict only ever goes to a view that has nothing better yet.
            if (report.partial) {
              if (shownReport === undefined) post(report, generation);
              return;
            }
            builtReportSent = true;
            post(report, generation);
            if (!report.familyPending && report.state !== 'error') rememberReport(memoryKey, report);
          },
        ),
      )
      .catch((error: unknown) => {
        if (current.signal.aborted) return;
        post(errorReport(request.id, { kind: 'malformed', message: String((error as Error)?.message ?? error) }), generation);
      });
  };

  const unsubscribe = repo.onUpdate((update) => {
    const id = update.kind === 'children' ? update.parentId : update.id;
    if (refreshesPending > 0 || !shownIds.has(modelKey(id))) return;
    clearTimeout(rebuildTimer);
    rebuildTimer = setTimeout(build, 150);
  });

  port.onMessage.addListener((message: unknown) => {
    const asked = message as ReportSubscribe;
    if (!asked || typeof asked.id !== 'string') return;
    // The view does not read the switches itself: what the user switched off costs nothing here, and the
    // view is told so, to show nothing.
    void switches().then((on) => {
      if (closed) return;
      if (asked.requires && !on[asked.requires]) {
        try {
          port.postMessage({ off: asked.requires } satisfies ReportSwitchedOff);
        } catch {
          // The view went away meanwhile.
        }
        return;
      }
      accept(asked.familyStats === undefined ? { ...asked, familyStats: on.familyStats } : asked);
    });
  });

  function accept(request: ReportSubscribe) {
    subscription = request;
    onViewed(request.id);
    const key = reportKey(request.id, request.familyStats !== false);
    if (request.refresh) {
      // Refresh means: ask the Hub again for everything this view shows (known from the last report).
      // Nothing built from the old cache may reach the view in between.
      controller?.abort();
      clearTimeout(rebuildTimer);
      clearTimeout(retryTimer);
      refreshesPending += 1;
      void (async () => {
        try {
          const remembered = shownIds.size ? undefined : await recallReport(key);
          const shown = shownIds.size ? [...shownIds] : remembered ? idsOf(remembered) : [request.id];
          await forgetReports(key);
          await repo.invalidate(shown);
        } finally {
          refreshesPending -= 1;
          if (subscription === request) build();
        }
      })();
      return;
    }
    // The remembered report first, the confirming build right behind it.
    void recallReport(key).then((remembered) => {
      if (remembered && subscription === request && !builtReportSent) post(remembered, request.generation ?? 0);
    });
    build();
  }

  port.onDisconnect.addListener(() => {
    closed = true;
    controller?.abort();
    clearTimeout(rebuildTimer);
    clearTimeout(retryTimer);
    unsubscribe();
    subscription = null;
  });
}
