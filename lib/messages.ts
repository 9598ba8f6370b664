// The typed protocol between the content script / popup / options page and the background, which owns
// every Hub request and the cache. One-shot requests go through runtime.sendMessage; the model report
// streams over a port so the background can push a fresh report after a stale-while-revalidate refresh.
import { browser } from 'wxt/browser';
import type { HubError } from './hub/types';
import type { BadgeInfo, CacheStatsView, FamilyExport, ModelReport, SearchResponse } from './report/types';
import type { BomExportResponse } from './report/bom-export';

export interface RequestMap {
  /** Drift badges for listing cards; the background reads the listing's query from `pageUrl`. */
  badges: {
    request: { ids: string[]; pageUrl?: string };
    response: { badges: BadgeInfo[] };
  };
  search: { request: { query: string }; response: SearchResponse };
  recent: { request: Record<string, never>; response: SearchResponse };
  'cache-stats': { request: Record<string, never>; response: CacheStatsView };
  'cache-clear': { request: Record<string, never>; response: CacheStatsView };
  'settings-changed': { request: Record<string, never>; response: { ok: true } };
  'test-token': {
    request: { token?: string };
    response: { ok: true; name: string } | { ok: false; error: HubError };
  };
  'export-family': { request: { id: string }; response: { ok: true; data: FamilyExport } | { ok: false; error: HubError } };
  /** A CycloneDX 1.6 AI-BOM of the model and its whole lineage (`partial` when part could not be read). */
  'export-bom': { request: { id: string }; response: BomExportResponse };
  /** The model shown in the most recently used Hub tab (the popup starts there). */
  'active-model': { request: Record<string, never>; response: { id: string | null } };
  /** Opens the family explorer (family.html?model=…) in a new tab. */
  'open-family': { request: { id: string }; response: { ok: boolean } };
}

export type RequestType = keyof RequestMap;
export type Request<T extends RequestType = RequestType> = { type: T } & RequestMap[T]['request'];
export type Response<T extends RequestType> = RequestMap[T]['response'];

export async function ask<T extends RequestType>(type: T, request: RequestMap[T]['request']): Promise<Response<T>> {
  return (await browser.runtime.sendMessage({ ...request, type })) as Response<T>;
}

export function isRequest(message: unknown): message is Request {
  return !!message && typeof message === 'object' && typeof (message as { type?: unknown }).type === 'string';
}

// ---- the model report port --------------------------------------------------------------------

export const REPORT_PORT = 'hf-drift:model-report';

/** Sent once by the view after connecting. `pageModel` is the raw ModelHeader `model` JSON. */
export interface ReportSubscribe {
  id: string;
  pageModel?: unknown;
  /** Skip the cache (the user pressed refresh). */
  refresh?: boolean;
  /** Compute family statistics (off when the user switched them off); absent: as the user's switch says. */
  familyStats?: boolean;
  /** A feature switch that must be on, or the background does nothing for this subscription. */
  requires?: 'panel' | 'badges' | 'familyStats';
  /** How many times this view asked for a refresh; pushes echo it. */
  generation?: number;
  /** Children counts the page's Model tree shows (optional): with `pageModel`, they spare the model's own request. */
  pageChildrenCount?: Partial<Record<'finetune' | 'adapter' | 'quantized' | 'merge', number>>;
}

/** Pushed by the background, possibly several times (partial, then complete, then refreshed). */
export interface ReportPush {
  report: ModelReport;
  /** The view's generation this report was built for: older pushes still in flight are not shown. */
  generation: number;
}

/** The background's only answer to a subscription whose `requires` switch is off. */
export interface ReportSwitchedOff {
  off: NonNullable<ReportSubscribe['requires']>;
}

// ---- the family crawl port (family explorer) -----------------------------------------------------

export { FAMILY_PORT, type FamilyCrawlRequest, type FamilyCrawlPush } from './report/family-crawl-types';
