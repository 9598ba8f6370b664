// Test doubles for the Hub data layer: a recording fetch, a manual clock and timers, and a tiny in-memory Hub.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Timers } from '../../../lib/hub/client';

export function sample<T = any>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'hub-samples', name), 'utf8')) as T;
}

/** Headers from a `headers_*.json` sample (list of [name, value] pairs). */
export function sampleHeaders(name: string): Headers {
  const headers = new Headers();
  for (const [key, value] of sample<{ headers: [string, string][] }>(name).headers) headers.append(key, value);
  return headers;
}

export interface FakeCall {
  url: string;
  authorization: string | null;
  redirect?: RequestRedirect;
}

export type Handler = (url: URL, call: FakeCall, init: RequestInit) => Response | Promise<Response>;

/**
 * A fetch that records every request it sees. Like a careless implementation, it follows redirects
 * itself (unless `redirect: 'manual'`) and keeps every header on the way, Authorization included:
 * the client must never rely on fetch to drop the token.
 */
export function createFakeFetch(handler: Handler) {
  const calls: FakeCall[] = [];
  const fetchFn = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    let url = String(input instanceof Request ? input.url : input);
    const headers = new Headers(init.headers);
    for (let hop = 0; hop < 10; hop++) {
      const call: FakeCall = { url, authorization: headers.get('authorization'), redirect: init.redirect };
      calls.push(call);
      const res = await handler(new URL(url), call, init);
      const location = res.headers.get('location');
      if (init.redirect === 'manual' || location === null || res.status < 300 || res.status >= 400) return res;
      url = new URL(location, url).href;
    }
    throw new TypeError('redirect loop');
  };
  return { fetch: fetchFn as typeof fetch, calls };
}

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
}

export function textResponse(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : body, { status, headers: { 'content-type': 'text/plain', ...headers } });
}

/** What a browser returns for `redirect: 'manual'`: the redirect target is hidden. */
export function opaqueRedirect(): Response {
  return { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), text: async () => '' } as unknown as Response;
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A clock that only moves when told; `sleep` moves it (as real sleeping would) and records the wait. */
export function manualClock(start = Date.UTC(2026, 8, 1)) {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

/** Timers that never fire on their own; `fireAll()` runs what is pending (e.g. request timeouts). */
export function manualTimers(): Timers & { fireAll(): void; pending(): number } {
  let next = 1;
  const pending = new Map<number, () => void>();
  return {
    setTimeout(fn) {
      const id = next++;
      pending.set(id, fn);
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
    fireAll() {
      const fns = [...pending.values()];
      pending.clear();
      fns.forEach((fn) => fn());
    },
    pending: () => pending.size,
  };
}

export async function flush(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0));
}

export interface FakeHubData {
  /** Raw `/api/models/{id}` JSON by id; a number instead answers with that HTTP status. */
  models: Record<string, Record<string, unknown> | number>;
  /** README text by id (missing → 404 EntryNotFound). */
  readmes?: Record<string, string>;
}

function tagsOf(raw: Record<string, unknown>): string[] {
  return Array.isArray(raw.tags) ? (raw.tags as string[]) : [];
}

/**
 * A small Hub: model info, children lists filtered by `base_model:` tags with cursor pagination and
 * `Link` headers, READMEs with `X-Repo-Commit`. Enough for repository tests; the integration tests use the
 * project's offline Hub server instead.
 */
export function fakeHub(data: FakeHubData): Handler {
  return (url) => {
    if (url.origin !== 'https://huggingface.co') return textResponse('not the hub', 502);
    const path = decodeURIComponent(url.pathname);
    if (path === '/api/models') {
      const filter = url.searchParams.get('filter');
      const search = url.searchParams.get('search');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const offset = Number(url.searchParams.get('cursor') ?? 0);
      const all = Object.values(data.models)
        .filter((m): m is Record<string, unknown> => typeof m === 'object')
        .filter((m) => (filter ? tagsOf(m).includes(filter) : true))
        .filter((m) => (search ? String(m.id).toLowerCase().includes(search.toLowerCase()) : true))
        .sort((a, b) => Number(b.downloads ?? 0) - Number(a.downloads ?? 0));
      const page = all.slice(offset, offset + limit);
      const headers: Record<string, string> = {};
      if (offset + limit < all.length) {
        const next = new URL(url);
        next.searchParams.set('cursor', String(offset + limit));
        headers.link = `<${next.href}>; rel="next"`;
      }
      return jsonResponse(page, { headers });
    }
    const api = /^\/api\/models\/(.+)$/.exec(path);
    if (api) {
      const entry = data.models[api[1]];
      if (entry === undefined) return textResponse('Invalid username or password.', 401);
      if (typeof entry === 'number') {
        return textResponse('error', entry, entry === 403 ? { 'x-error-code': 'GatedRepo' } : {});
      }
      return jsonResponse(entry);
    }
    const readme = /^\/(.+)\/resolve\/main\/README\.md$/.exec(path);
    if (readme) {
      const model = data.models[readme[1]];
      if (model === undefined) return textResponse('Invalid username or password.', 401);
      const text = data.readmes?.[readme[1]];
      const sha = typeof model === 'object' && typeof model.sha === 'string' ? model.sha : undefined;
      if (text === undefined) return textResponse('Entry not found', 404, { 'x-error-code': 'EntryNotFound' });
      return textResponse(text, 200, sha ? { 'x-repo-commit': sha } : {});
    }
    return textResponse('not found', 404);
  };
}

/** A stand-in for the drift engine's README analysis: enough to tell cards apart. */
export function simpleCardStats(readme: string, sha?: string) {
  const body = readme.replace(/^---\n[\s\S]*?\n---\n?/, '');
  const autoGenerated = /automatically generated/i.test(readme);
  return {
    ...(sha ? { sha } : {}),
    length: readme.length,
    bodyLength: body.length,
    autoGenerated,
    ...(autoGenerated ? { autoGeneratedPhrase: 'automatically generated' } : {}),
    head: readme.slice(0, 512),
  };
}

export function sha(n: number): string {
  return n.toString(16).padStart(40, '0');
}
