// Types of tests/hub/server.mjs for TypeScript callers (e2e harness, bench, unit tests).

export type RequestKind = 'api' | 'resolvers' | 'pages' | 'other';
export type Bucket = 'api' | 'resolvers' | 'pages';

export interface LoggedRequest {
  method: string;
  /** Path including the query string, as received. */
  path: string;
  pathname: string;
  kind: RequestKind;
  headers: Record<string, string | string[] | undefined>;
  /** `now()` when the request arrived (ms). */
  at: number;
  /** Status sent; absent for `hang` and `offline` faults. */
  status?: number;
  /** Which injected fault applied, if any ("status 503", "hang", "offline", "malformed"). */
  fault?: string;
}

export interface Fault {
  /** Answer with this status instead (429 gets `RateLimit: …;r=0;t=…`; 502–504 get a gateway HTML body). */
  status?: number;
  /** Adds `Retry-After: <seconds>`. */
  retryAfter?: number;
  /** `t=` of the `RateLimit` header on an injected 429 (default: retryAfter, else the real window's reset). */
  rateLimitT?: number;
  /** Never answer (the connection stays open until close()). */
  hang?: boolean;
  /** Extra delay before answering. */
  delayMs?: number;
  /** Send half of the body (never valid JSON) with a JSON content type. */
  malformedJson?: boolean;
  /** Destroy the socket: the client sees a network error. */
  offline?: boolean;
  /** Apply this many times, then remove the rule (default: until cleared). */
  times?: number;
}

/** A pathname prefix, a RegExp (tested on the pathname and on pathname+query) or a predicate. */
export type FaultMatch = string | RegExp | ((url: URL) => boolean);

export interface OfflineHubOptions {
  /** 0 = any free port. */
  port?: number;
  host?: string;
  protocol?: 'https' | 'http';
  /** Added to every request before it is answered. */
  latencyMs?: number;
  /**
   * Origin written into absolute URLs such as `Link: <…>; rel="next"`: default `https://huggingface.co`
   * (like the real Hub); `'self'` uses this server's own origin, for Node clients that cannot map hosts.
   */
  publicOrigin?: string;
  /** Per-window quotas for anonymous callers (default: the Hub's 500 / 3000 / 100). */
  quotas?: Partial<Record<Bucket, number>>;
  /** Clock for the rate-limit windows and the request log (default Date.now). */
  now?: () => number;
}

export interface OfflineHub {
  port: number;
  /** e.g. `https://127.0.0.1:12345` */
  origin: string;
  /** PEM of the self-signed huggingface.co certificate (https only). */
  ca?: string;
  /** The fixture snapshot the server answers from (read-only). */
  snapshot: HubSnapshot;
  /** Every request received, including 429s and faulted ones, in arrival order. */
  requests: LoggedRequest[];
  resetRequests(): void;
  setLatency(ms: number): void;
  /** The newest matching rule wins. Returns a function that removes this rule. */
  setFault(match: FaultMatch, fault: Fault): () => void;
  clearFaults(): void;
  /** Serves a model's card tab differently until clearFaults(): no ModelHeader props, a load held for `holdLoadMs`. */
  setPageVariant(id: string, variant: { headerProps?: boolean; holdLoadMs?: number }): void;
  /** Start fresh 300 s windows for every bucket. */
  resetRateLimits(): void;
  /** Changes the anonymous quotas from now on. */
  setQuotas(quotas: Partial<Record<'api' | 'resolvers' | 'pages', number>>): void;
  /** Another client on this IP spends `count` requests of the current window. */
  spendQuota(bucket: 'api' | 'resolvers' | 'pages', count: number): void;
  close(): Promise<void>;
}

export interface ModelEntry {
  /** Default `GET /api/models/{id}` body. */
  info: Record<string, any> & { id: string; tags: string[]; sha: string };
  readme: string | null;
  trendingScore: number;
  downloadsAllTime: number;
  parents: { relation?: string; ids: string[] };
  apiGatedForbidden: boolean;
  readmeGated?: boolean;
  listOnly: boolean;
}

export interface HubSnapshot {
  models: Map<string, ModelEntry>;
  listable: ModelEntry[];
  renames: Record<string, string>;
  childrenCount(id: string): Partial<Record<'adapter' | 'merge' | 'quantized' | 'finetune', number>>;
  modelsOf(owner: string): string[];
}

export function startOfflineHub(options?: OfflineHubOptions): Promise<OfflineHub>;
