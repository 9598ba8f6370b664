// Hub client for the background: every request to https://huggingface.co goes through here, so this is
// where the request discipline lives.
//
// Discipline (defaults; all injectable):
// - one in-flight request per URL: concurrent callers share the answer;
// - at most 4 requests in flight, the rest wait in a queue;
// - half of the Hub's quota is ours, the other half the user's: our own sliding budget per rate-limit
//   bucket is half the quota the Hub states in `RateLimit-Policy` (`q`; 500 `api` and 3,000 `resolvers`
//   calls per 5 minutes until it says). Every attempt counts, retries included. When the budget is spent
//   we answer `rate-limited` without asking;
// - the Hub's `RateLimit: "api";r=…;t=…` header is read on every response, and we count down from it:
//   a bucket pauses until the window resets (t seconds) as soon as sending would leave fewer than q/2
//   requests — someone else on this IP (the user's own scripts) may be using the quota. While the Hub's
//   count is unknown (first request, new window) one request goes alone and tells us, so a nearly spent
//   window costs exactly that one request;
// - on 429 the bucket pauses for `Retry-After` (or `t=`, or 60 s); while paused every call in that bucket
//   is answered `rate-limited` with `retryAt` at once. Pauses up to 5 s are slept through and retried;
// - 5xx, 408 and network errors are retried with jittered exponential backoff, 3 attempts in all; once a
//   call has given up on the network, other calls fail fast for 5 s (an offline page answers in seconds);
// - each attempt times out after 15 s (a timeout is not retried: a slow Hub needs less load, not more);
// - the user's token goes only to https://huggingface.co as `Authorization: Bearer`. Authenticated
//   requests use `redirect: 'manual'` and follow hops themselves, sending the token only while the target
//   is still the Hub. Browsers hide a manual redirect's target (an `opaqueredirect` response); then the
//   request is repeated without the token and fetch follows it. README files are fetched anonymously
//   unless the repo is private (gated READMEs are readable anonymously).

import { HUB_ORIGIN, isModelId, nextLinkFrom, parseModel, parseModelList, parseRateLimit, parseRetryAfter, type RateLimitInfo } from './parse';
import { createSendLog, type SendRun } from './send-log';
import type { HubClientStats, HubError, HubErrorKind, HubModel, HubResult, RateBucket, Relation } from './types';

export { HUB_ORIGIN };

/** Fields of `/api/models/{id}?expand[]=…`: everything the lineage and drift need, nothing heavier. */
const MODEL_FIELDS = [
  'author',
  'baseModels',
  'cardData',
  'childrenModelCount',
  // Only `architectures` and `model_type` are kept (the AI-BOM's architecture fields); the rest is dropped.
  'config',
  'createdAt',
  'downloads',
  'gated',
  'lastModified',
  'library_name',
  'likes',
  'pipeline_tag',
  'private',
  'sha',
  // Repository file names: license, notice and policy files for the upstream-obligation checks.
  'siblings',
  'tags',
] as const;

/** Fields for list calls (children, search); the list endpoint rejects `baseModels` and `childrenModelCount`. */
export const LIST_FIELDS = MODEL_FIELDS.filter((f) => f !== 'baseModels' && f !== 'childrenModelCount' && f !== 'siblings');

/** Children per page. With the repository's page cap of 3 a family costs at most 3 API calls per relation. */
const CHILDREN_PAGE_SIZE = 100;

export interface ChildrenPage {
  models: HubModel[];
  /** URL of the next page (always on the Hub origin). */
  next?: string;
  /** True when the Hub announced more children (even if `next` was unusable). */
  hasMore: boolean;
}

export interface ReadmeText {
  /** The whole README, front matter included; empty when the repo has no README. */
  text: string;
  exists: boolean;
  /** Commit the README was read from (`X-Repo-Commit`). */
  sha?: string;
}

export interface WhoAmI {
  name: string;
  type?: string;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface HubClientOptions {
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  timers?: Timers;
  /** The user's Hub token, if they set one. */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  maxConcurrent?: number;
  /** Requests allowed per bucket and window (default: the Hub's stated quota × QUOTA_SHARE). */
  budget?: Partial<Record<RateBucket, number>>;
  budgetWindowMs?: number;
  timeoutMs?: number;
  maxAttempts?: number;
  backoffMs?: number;
  /** A 429 asking to wait at most this long is waited out and retried; longer waits are returned. */
  maxRetryWaitMs?: number;
  /**
   * Where the client keeps what it knows of the Hub's rate limits (its counts, our own sends, pauses), so
   * a restarted background (Chrome stops an idle service worker) neither forgets the requests it made in
   * this window nor has to learn the Hub's count again with a lone request.
   */
  quotaMemory?: QuotaMemory;
}

/** What the client knows of the Hub's rate limits; epoch ms throughout. */
export interface QuotaState {
  quota: Record<RateBucket, number>;
  /** Our requests still in the window, as runs (see send-log.ts). */
  sent: Record<RateBucket, SendRun[]>;
  hubLeft: Partial<Record<RateBucket, { left: number; resetAt: number }>>;
  silentUntil: Partial<Record<RateBucket, number>>;
  pausedUntil: Partial<Record<RateBucket, number>>;
  hubPaused: Partial<Record<RateBucket, boolean>>;
}

export interface QuotaMemory {
  /** The last saved state (anything: it is checked before use). */
  load(): Promise<unknown>;
  save(state: QuotaState): void;
}

/** The Hub's anonymous quotas per 5-minute window, assumed until its `RateLimit-Policy` header states them. */
const DEFAULT_QUOTA: Record<RateBucket, number> = { api: 500, resolvers: 3000 };
/** The share of the Hub's quota the extension may use; the rest is left to the user. */
const QUOTA_SHARE = 0.5;
const DEFAULT_WINDOW_MS = 5 * 60_000;
const DEFAULT_429_WAIT_MS = 60_000;
const MAX_REDIRECTS = 5;
const RETRYABLE_STATUS = new Set([408, 500, 502, 503, 504]);
/** After retries end in a network error, further calls fail fast for this long. */
const OFFLINE_LATCH_MS = 5_000;
/**
 * Chromium holds back an extension's requests to a URL (query ignored) for a growing while after a few 5xx
 * answers from it, failing them as network errors. A network error on such a URL this soon after is
 * reported as the server error it follows from, not as offline.
 */
const SERVER_ERROR_MEMORY_MS = 10 * 60_000;
const SERVER_ERROR_MEMORY_MAX = 200;

export interface HubClient {
  getModel(id: string): Promise<HubResult<HubModel>>;
  /** One page of a parent's children: by URL (a `next` link) or by parent and relation (none: any relation). */
  getChildrenPage(target: string | { parentId: string; relation?: Relation }): Promise<HubResult<ChildrenPage>>;
  /** The README, or another small text file of the repo (`path`, e.g. a NOTICE file). */
  getReadme(id: string, opts?: { private?: boolean; path?: string }): Promise<HubResult<ReadmeText>>;
  search(query: string, opts?: { limit?: number }): Promise<HubResult<HubModel[]>>;
  /** Checks a token (for the options page); the token goes to the Hub only. */
  whoami(token: string): Promise<HubResult<WhoAmI>>;
  stats(): HubClientStats;
}

type Raw =
  | { ok: true; status: number; headers: Headers; body: string }
  | { ok: false; error: HubError; errorCode?: string };

function encodeId(id: string): string {
  return id.split('/').map(encodeURIComponent).join('/');
}

function fieldsQuery(fields: readonly string[]): string {
  return fields.map((f) => `expand[]=${encodeURIComponent(f)}`).join('&');
}

function modelUrl(id: string): string {
  return `${HUB_ORIGIN}/api/models/${encodeId(id)}?${fieldsQuery(MODEL_FIELDS)}`;
}

/** A `/api/models` list call for an encoded query, with the fields every list answer needs. */
export function listModelsUrl(query: string): string {
  return `${HUB_ORIGIN}/api/models?${query}&${fieldsQuery(LIST_FIELDS)}`;
}

/** `/api/models?filter=base_model:{relation}:{id}` sorted by downloads; without relation: any relation. */
function childrenUrl(parentId: string, relation?: Relation): string {
  const filter = relation ? `base_model:${relation}:${parentId}` : `base_model:${parentId}`;
  return listModelsUrl(`filter=${encodeURIComponent(filter)}&sort=downloads&limit=${CHILDREN_PAGE_SIZE}`);
}

function readmeUrl(id: string, path = 'README.md'): string {
  return `${HUB_ORIGIN}/${encodeId(id)}/resolve/main/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** A repo file path safe to put in a resolve URL: relative, no `..`, no empty segments. */
function isSafeRepoPath(path: string): boolean {
  return path.length > 0 && path.length <= 500 && path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

function searchUrl(query: string, limit: number): string {
  return listModelsUrl(`search=${encodeURIComponent(query)}&sort=downloads&limit=${limit}`);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function bucketOf(url: string): RateBucket {
  return new URL(url).pathname.includes('/resolve/') ? 'resolvers' : 'api';
}

function error(kind: HubErrorKind, message: string, extra: Partial<HubError> = {}): HubError {
  return { kind, message, ...extra };
}

function offline(): Raw {
  return { ok: false, error: error('offline', 'Could not reach Hugging Face (offline?).') };
}

/** Only printable ASCII without spaces can travel in an `Authorization` header. */
function isHeaderSafe(value: string): boolean {
  return /^[\x21-\x7e]+$/.test(value);
}

function fail<T>(e: HubError): HubResult<T> {
  return { ok: false, error: e };
}

class TimeoutSignal extends Error {}

export function createHubClient(opts: HubClientOptions = {}): HubClient {
  const fetchImpl = opts.fetch ?? ((input, init) => fetch(input, init));
  const now = opts.now ?? Date.now;
  const timers: Timers = opts.timers ?? {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => timers.setTimeout(resolve, ms)));
  const random = opts.random ?? Math.random;
  const maxConcurrent = Math.max(1, opts.maxConcurrent ?? 4);
  const quota = { ...DEFAULT_QUOTA };
  const budgetOf = (bucket: RateBucket) => opts.budget?.[bucket] ?? Math.floor(quota[bucket] * QUOTA_SHARE);
  /** Requests the Hub must still allow after ours: the user's half. */
  const reserveOf = (bucket: RateBucket) => quota[bucket] * QUOTA_SHARE;
  const windowMs = opts.budgetWindowMs ?? DEFAULT_WINDOW_MS;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 3);
  const backoffMs = opts.backoffMs ?? 500;
  const maxRetryWaitMs = opts.maxRetryWaitMs ?? 5_000;

  const inflight = new Map<string, Promise<Raw>>();
  /** URL without its query → the Hub's last 5xx answer there. */
  const recentServerErrors = new Map<string, { at: number; failure: Raw }>();
  const throttleKey = (url: string) => url.split('?')[0];
  function rememberServerError(url: string, failure: Raw): void {
    const key = throttleKey(url);
    recentServerErrors.delete(key);
    recentServerErrors.set(key, { at: now(), failure });
    if (recentServerErrors.size > SERVER_ERROR_MEMORY_MAX) {
      recentServerErrors.delete(recentServerErrors.keys().next().value as string);
    }
  }
  function recentServerError(url: string): Raw | null {
    const entry = recentServerErrors.get(throttleKey(url));
    return entry && now() - entry.at < SERVER_ERROR_MEMORY_MS ? entry.failure : null;
  }
  const sent = { api: createSendLog(windowMs), resolvers: createSendLog(windowMs) };
  const totals: Record<RateBucket, number> = { api: 0, resolvers: 0 };
  const pausedUntil: Partial<Record<RateBucket, number>> = {};
  const hubPaused: Partial<Record<RateBucket, boolean>> = {};
  const serverRemaining: Partial<Record<RateBucket, number>> = {};
  /** What the Hub will still allow in its current window: its last `r=`, less what we sent since. */
  const hubLeft: Partial<Record<RateBucket, { left: number; resetAt: number }>> = {};
  /** The Hub sent no `RateLimit` header for a bucket: rely on our own budget until then. */
  const silentUntil: Partial<Record<RateBucket, number>> = {};
  /** The request that finds out the Hub's count for a bucket; the others wait for its answer. */
  const probes: Partial<Record<RateBucket, Promise<void>>> = {};
  const inFlightIn: Record<RateBucket, number> = { api: 0, resolvers: 0 };
  let active = 0;

  // ---- the rate-limit state across background restarts ----
  let saveScheduled = false;
  /** Saves once per burst of changes (a microtask later), never more often. */
  function remember(): void {
    const memory = opts.quotaMemory;
    if (!memory || saveScheduled) return;
    saveScheduled = true;
    void Promise.resolve().then(() => {
      saveScheduled = false;
      try {
        memory.save({
          quota: { ...quota },
          sent: { api: sent.api.runs(now()), resolvers: sent.resolvers.runs(now()) },
          hubLeft: { ...hubLeft },
          silentUntil: { ...silentUntil },
          pausedUntil: { ...pausedUntil },
          hubPaused: { ...hubPaused },
        });
      } catch {
        // Losing this costs one probing request after a restart, nothing more.
      }
    });
  }
  /** Takes what a saved state says that is still current; anything malformed is ignored. */
  function restore(saved: unknown): void {
    if (!saved || typeof saved !== 'object') return;
    const state = saved as Partial<Record<keyof QuotaState, unknown>>;
    const t = now();
    const at = (record: unknown, bucket: RateBucket): unknown =>
      record && typeof record === 'object' ? (record as Record<string, unknown>)[bucket] : undefined;
    const time = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
    for (const bucket of ['api', 'resolvers'] as const) {
      const q = time(at(state.quota, bucket));
      if (q !== undefined && q > 0) quota[bucket] = q;
      sent[bucket].restore(at(state.sent, bucket), t);
      const left = at(state.hubLeft, bucket) as { left?: unknown; resetAt?: unknown } | undefined;
      const resetAt = time(left?.resetAt);
      const count = time(left?.left);
      if (!hubLeft[bucket] && resetAt !== undefined && count !== undefined && resetAt > t) hubLeft[bucket] = { left: count, resetAt };
      const silent = time(at(state.silentUntil, bucket));
      if (silent !== undefined && silent > t) silentUntil[bucket] = Math.max(silentUntil[bucket] ?? 0, silent);
      const paused = time(at(state.pausedUntil, bucket));
      if (paused !== undefined && paused > t && paused > (pausedUntil[bucket] ?? 0)) {
        pausedUntil[bucket] = paused;
        hubPaused[bucket] = at(state.hubPaused, bucket) === true;
      }
    }
  }
  let restoring: Promise<void> | null = opts.quotaMemory
    ? opts.quotaMemory
        .load()
        .then(restore, () => undefined)
        .catch(() => undefined)
        .finally(() => (restoring = null))
    : null;
  const waiting: (() => void)[] = [];

  async function acquireSlot(): Promise<void> {
    if (active < maxConcurrent) {
      active++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve)); // the releaser hands its slot over
  }

  function releaseSlot(): void {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }

  function budgetLeft(bucket: RateBucket): number {
    return Math.max(0, budgetOf(bucket) - sent[bucket].count(now()));
  }
  /** When our budget frees again (only asked once it is spent, so something is counted). */
  const budgetBackAt = (bucket: RateBucket) => sent[bucket].nextRelease(now()) ?? now();

  function hubCountKnown(bucket: RateBucket): boolean {
    const t = now();
    return (silentUntil[bucket] ?? 0) > t || (hubLeft[bucket]?.resetAt ?? 0) > t;
  }

  /** Waits while another request is finding out the Hub's count; returns this request's own probe, if it is one. */
  async function awaitHubCount(bucket: RateBucket): Promise<(() => void) | undefined> {
    while (!hubCountKnown(bucket) && probes[bucket]) await probes[bucket];
    if (hubCountKnown(bucket)) return undefined;
    let done!: () => void;
    const probe = new Promise<void>((resolve) => (done = resolve));
    probes[bucket] = probe;
    return () => {
      if (probes[bucket] === probe) delete probes[bucket];
      done();
    };
  }

  function rateLimited(retryAt: number, status?: number, byHub = status === 429): Raw {
    const seconds = Math.max(1, Math.ceil((retryAt - now()) / 1000));
    if (byHub) {
      return { ok: false, error: error('rate-limited', `Too many requests to Hugging Face; try again in ${seconds} s.`, { retryAt, status }) };
    }
    const message = `Paused to leave your share of Hugging Face's rate limit to you; resumes in ${seconds} s.`;
    return { ok: false, error: error('rate-limited', message, { retryAt, paused: true }) };
  }

  /** Answers at once when the bucket is paused or our budget is spent. */
  function gate(bucket: RateBucket): Raw | null {
    const until = pausedUntil[bucket];
    if (until !== undefined && until > now()) return rateLimited(until, undefined, hubPaused[bucket]);
    if (budgetLeft(bucket) === 0) return rateLimited(budgetBackAt(bucket));
    const hub = hubLeft[bucket];
    if (hub && hub.resetAt > now() && hub.left - 1 < reserveOf(bucket)) {
      pause(bucket, hub.resetAt);
      return rateLimited(hub.resetAt);
    }
    return null;
  }

  /** `byHub`: the Hub answered 429 (otherwise we pause by our own choice). */
  function pause(bucket: RateBucket, until: number, byHub = false): void {
    const current = pausedUntil[bucket] ?? 0;
    if (until > current || (byHub && until === current)) hubPaused[bucket] = byHub;
    pausedUntil[bucket] = Math.max(pausedUntil[bucket] ?? 0, until);
    remember();
  }

  /** Applies the Hub's `RateLimit` header and returns what it said. */
  function readRateLimit(bucket: RateBucket, headers: Headers): RateLimitInfo | null {
    const info = parseRateLimit(headers);
    remember();
    const reported = info?.bucket === 'api' || info?.bucket === 'resolvers' ? info.bucket : bucket;
    if (info?.quota) quota[reported] = info.quota;
    if (info?.remaining === undefined || info.resetSeconds === undefined) {
      if (reported === bucket) silentUntil[bucket] = now() + windowMs;
      return info;
    }
    serverRemaining[reported] = info.remaining;
    const resetAt = now() + info.resetSeconds * 1000;
    // Requests of ours still in flight may not be in the Hub's count yet: count them as spent.
    hubLeft[reported] = { left: info.remaining - Math.max(0, inFlightIn[reported] - 1), resetAt };
    if (info.remaining < reserveOf(reported)) pause(reported, resetAt);
    return info;
  }

  async function token(): Promise<string | null> {
    try {
      const value = (await opts.getToken?.())?.trim();
      // A token with characters a header cannot carry is unusable, not a reason to fail the request.
      return value && isHeaderSafe(value) ? value : null;
    } catch {
      return null;
    }
  }

  /** Fetch that never lets the token leave the Hub origin, whatever the redirects. */
  async function fetchOnce(url: string, bearer: string | null, signal: AbortSignal): Promise<Response> {
    const accept = { Accept: 'application/json, text/plain;q=0.9, */*;q=0.8' };
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (bearer === null || originOf(current) !== HUB_ORIGIN) {
        return fetchImpl(current, { headers: accept, redirect: 'follow', signal });
      }
      const res = await fetchImpl(current, {
        headers: { ...accept, Authorization: `Bearer ${bearer}` },
        redirect: 'manual',
        signal,
      });
      if (res.type === 'opaqueredirect') {
        bearer = null; // the target is hidden from us: repeat anonymously and let fetch follow
        continue;
      }
      const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
      if (location === null) return res;
      current = new URL(location, current).href;
    }
    throw new TypeError('Too many redirects');
  }

  type Attempt = { kind: 'response'; res: Response; body: string } | { kind: 'network' } | { kind: 'timeout' };

  async function attempt(url: string, bearer: string | null): Promise<Attempt> {
    const controller = new AbortController();
    let handle: unknown;
    const timeout = new Promise<never>((_, reject) => {
      handle = timers.setTimeout(() => {
        controller.abort();
        reject(new TimeoutSignal());
      }, timeoutMs);
    });
    timeout.catch(() => undefined); // only ever observed through the race below
    const work = (async () => {
      const res = await fetchOnce(url, bearer, controller.signal);
      return { res, body: await res.text() };
    })();
    try {
      const { res, body } = await Promise.race([work, timeout]);
      return { kind: 'response', res, body };
    } catch (e) {
      work.catch(() => undefined); // the aborted fetch may still reject later
      return e instanceof TimeoutSignal ? { kind: 'timeout' } : { kind: 'network' };
    } finally {
      timers.clearTimeout(handle);
    }
  }

  let offlineUntil = 0;

  function backoff(attemptNo: number): number {
    return Math.round(backoffMs * 2 ** (attemptNo - 1) * (0.5 + random()));
  }

  function statusError(res: Response, errorCode: string | null): HubError {
    const status = res.status;
    if (errorCode === 'GatedRepo' || status === 403) {
      return error('gated', 'This model is gated: its authors must approve access first.', { status });
    }
    if (status === 401 || status === 404) {
      return error('not-found', 'Model not found, or private.', { status });
    }
    if (status === 400 || (status >= 402 && status < 500)) {
      return error('bad-request', `Hugging Face rejected the request (HTTP ${status}).`, { status });
    }
    return error('server', `Hugging Face answered with an error (HTTP ${status}).`, { status });
  }

  async function run(url: string, bucket: RateBucket, bearer: string | null): Promise<Raw> {
    if (restoring) await restoring;
    const blocked = gate(bucket);
    if (blocked) return blocked;
    // Just found the network down: answer at once instead of making every caller retry on its own.
    if (now() < offlineUntil) return offline();
    const endProbe = await awaitHubCount(bucket);
    await acquireSlot();
    try {
      let waitedOutRateLimit = false;
      for (let attemptNo = 1; ; attemptNo++) {
        // After sleeping through a 429 pause, this call is the one allowed to try again.
        const stillBlocked = waitedOutRateLimit ? (budgetLeft(bucket) === 0 ? gate(bucket) : null) : gate(bucket);
        if (stillBlocked) return stillBlocked;
        waitedOutRateLimit = false;
        sent[bucket].add(now());
        remember();
        totals[bucket]++;
        const hub = hubLeft[bucket];
        if (hub) hub.left--;
        inFlightIn[bucket]++;
        const outcome = await attempt(url, bearer);
        inFlightIn[bucket]--;
        const canRetry = attemptNo < maxAttempts;

        if (outcome.kind === 'timeout') {
          return { ok: false, error: error('timeout', 'Hugging Face took too long to answer.') };
        }
        if (outcome.kind === 'network') {
          if (canRetry) {
            await sleep(backoff(attemptNo));
            continue;
          }
          // The browser refusing a URL that just answered 5xx (see SERVER_ERROR_MEMORY_MS) is no sign of offline.
          const serverError = recentServerError(url);
          if (serverError) return serverError;
          offlineUntil = now() + OFFLINE_LATCH_MS;
          return offline();
        }

        offlineUntil = 0;
        const { res, body } = outcome;
        if (res.status < 500) recentServerErrors.delete(throttleKey(url));
        const info = readRateLimit(bucket, res.headers);
        endProbe?.();
        if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, headers: res.headers, body };

        if (res.status === 429) {
          const waitMs =
            parseRetryAfter(res.headers.get('retry-after'), now()) ??
            (info?.resetSeconds !== undefined ? info.resetSeconds * 1000 : DEFAULT_429_WAIT_MS);
          const retryAt = now() + waitMs;
          pause(bucket, retryAt, true);
          if (canRetry && waitMs <= maxRetryWaitMs) {
            await sleep(waitMs);
            waitedOutRateLimit = true;
            continue;
          }
          return rateLimited(retryAt, 429);
        }
        const errorCode = res.headers.get('x-error-code');
        const failed: Raw = { ok: false, error: statusError(res, errorCode), errorCode: errorCode ?? undefined };
        if (res.status >= 500) rememberServerError(url, failed);
        if (RETRYABLE_STATUS.has(res.status) && canRetry) {
          await sleep(backoff(attemptNo));
          continue;
        }
        return failed;
      }
    } finally {
      endProbe?.();
      releaseSlot();
    }
  }

  async function request(url: string, opts: { auth: boolean; token?: string; dedupe?: boolean }): Promise<Raw> {
    if (originOf(url) !== HUB_ORIGIN) {
      return { ok: false, error: error('bad-request', 'Only huggingface.co is contacted.') };
    }
    const bearer = opts.token ?? (opts.auth ? await token() : null);
    const key = `${bearer === null ? 'anon' : 'auth'} ${url}`;
    if (opts.dedupe !== false) {
      const shared = inflight.get(key);
      if (shared) return shared;
    }
    const pending = run(url, bucketOf(url), bearer);
    if (opts.dedupe === false) return pending;
    inflight.set(key, pending);
    try {
      return await pending;
    } finally {
      inflight.delete(key);
    }
  }

  function json(raw: Raw & { ok: true }): { ok: true; value: unknown } | { ok: false } {
    try {
      return { ok: true, value: JSON.parse(raw.body) };
    } catch {
      return { ok: false };
    }
  }

  const malformed = (what: string, id?: string) => error('malformed', `Hugging Face sent ${what} we could not read.`, { id });

  function success<T>(value: T): HubResult<T> {
    return { ok: true, value, fetchedAt: now(), stale: false };
  }

  function badId<T>(id: string): HubResult<T> | null {
    return isModelId(id) ? null : fail(error('bad-request', 'That is not a model id.', { id }));
  }

  return {
    async getModel(id) {
      const invalid = badId<HubModel>(id);
      if (invalid) return invalid;
      const raw = await request(modelUrl(id), { auth: true });
      if (!raw.ok) return fail({ ...raw.error, id });
      const parsed = json(raw);
      const model = parsed.ok ? parseModel(parsed.value) : null;
      return model ? success(model) : fail(malformed('model data', id));
    },

    async getChildrenPage(target) {
      let url: string;
      if (typeof target === 'string') {
        // Only list pages (next links): a URL from a message must not reach any other endpoint with the token.
        if (originOf(target) !== HUB_ORIGIN || new URL(target).pathname !== '/api/models') {
          return fail(error('bad-request', 'Not a model list URL.'));
        }
        url = target;
      } else {
        const invalid = badId<ChildrenPage>(target.parentId);
        if (invalid) return invalid;
        url = childrenUrl(target.parentId, target.relation);
      }
      const raw = await request(url, { auth: true });
      if (!raw.ok) return fail(raw.error);
      const parsed = json(raw);
      const models = parsed.ok ? parseModelList(parsed.value) : null;
      if (models === null) return fail(malformed('a model list'));
      const link = nextLinkFrom(raw.headers.get('link'));
      const next = link !== undefined && originOf(link) === HUB_ORIGIN ? link : undefined;
      return success({ models, next, hasMore: link !== undefined });
    },

    async getReadme(id, readmeOpts = {}) {
      const invalid = badId<ReadmeText>(id);
      if (invalid) return invalid;
      if (readmeOpts.path !== undefined && !isSafeRepoPath(readmeOpts.path)) return fail(error('bad-request', 'Not a file path.'));
      const raw = await request(readmeUrl(id, readmeOpts.path), { auth: readmeOpts.private === true });
      const sha = raw.ok ? (raw.headers.get('x-repo-commit') ?? undefined) : undefined;
      if (raw.ok) return success({ text: raw.body, exists: true, sha });
      const repoMissing = raw.errorCode === 'RepoNotFound' || raw.errorCode === 'RevisionNotFound';
      if (raw.error.status === 404 && !repoMissing) return success({ text: '', exists: false });
      return fail({ ...raw.error, id });
    },

    async search(query, searchOpts = {}) {
      const q = query.trim().slice(0, 200);
      if (q === '') return success([]);
      const limit = Math.min(100, Math.max(1, Math.floor(searchOpts.limit ?? 20)));
      const raw = await request(searchUrl(q, limit), { auth: true });
      if (!raw.ok) return fail(raw.error);
      const parsed = json(raw);
      const models = parsed.ok ? parseModelList(parsed.value) : null;
      return models ? success(models) : fail(malformed('search results'));
    },

    async whoami(userToken) {
      const bearer = userToken.trim();
      if (!isHeaderSafe(bearer)) return fail(error('bad-request', 'That token contains invalid characters.'));
      const raw = await request(`${HUB_ORIGIN}/api/whoami-v2`, { auth: true, token: bearer, dedupe: false });
      if (!raw.ok) {
        if (raw.error.status === 401) return fail({ ...raw.error, message: 'Hugging Face did not accept this token.' });
        return fail(raw.error);
      }
      const parsed = json(raw);
      const value = parsed.ok && typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as Record<string, unknown>) : null;
      if (!value || typeof value.name !== 'string') return fail(malformed('account data'));
      return success({ name: value.name, type: typeof value.type === 'string' ? value.type : undefined });
    },

    stats() {
      const t = now();
      const limitedUntil: Partial<Record<RateBucket, number>> = {};
      for (const bucket of ['api', 'resolvers'] as const) {
        const until = Math.max(pausedUntil[bucket] ?? 0, budgetLeft(bucket) === 0 ? budgetBackAt(bucket) : 0);
        if (until > t) limitedUntil[bucket] = until;
      }
      return {
        requests: { ...totals },
        inFlight: active,
        queued: waiting.length,
        budgetLeft: { api: budgetLeft('api'), resolvers: budgetLeft('resolvers') },
        serverRemaining: { ...serverRemaining },
        rateLimitedUntil: limitedUntil,
      };
    },
  };
}
