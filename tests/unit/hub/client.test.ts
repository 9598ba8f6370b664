import { describe, expect, it } from 'vitest';
import { createHubClient, type HubClientOptions } from '../../../lib/hub/client';
import type { HubResult } from '../../../lib/hub/types';
import {
  createFakeFetch,
  deferred,
  flush,
  jsonResponse,
  manualClock,
  manualTimers,
  opaqueRedirect,
  sample,
  textResponse,
  type Handler,
} from './helpers';

const BERT = sample('model-info_google-bert_bert-base-uncased.json');
const LLAMA_INSTRUCT = sample('model-info_meta-llama_Llama-3.1-8B-Instruct.truncated.json');

function setup(handler: Handler, opts: Partial<HubClientOptions> = {}) {
  const clock = manualClock();
  const timers = manualTimers();
  const fake = createFakeFetch(handler);
  const client = createHubClient({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep, random: () => 0.5, timers, ...opts });
  return { client, clock, timers, calls: fake.calls };
}

function errorOf<T>(result: HubResult<T>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value).slice(0, 80)}`);
  return result.error;
}

function valueOf<T>(result: HubResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

describe('getModel', () => {
  it('asks for one expand call with everything lineage needs, including baseModels and childrenModelCount', async () => {
    const { client, calls } = setup(() =>
      jsonResponse({ ...LLAMA_INSTRUCT, childrenModelCount: { finetune: 1200, quantized: 400 } }),
    );
    const model = valueOf(await client.getModel('meta-llama/Llama-3.1-8B-Instruct'));
    expect(model.childrenCount).toEqual({ finetune: 1200, quantized: 400 });
    expect(model.parents[0].id).toBe('meta-llama/Llama-3.1-8B');
    expect(calls).toHaveLength(1);
    const url = new URL(calls[0].url);
    expect(url.origin + url.pathname).toBe('https://huggingface.co/api/models/meta-llama/Llama-3.1-8B-Instruct');
    const expand = url.searchParams.getAll('expand[]');
    for (const field of ['baseModels', 'childrenModelCount', 'cardData', 'tags', 'sha', 'pipeline_tag', 'library_name', 'gated']) {
      expect(expand).toContain(field);
    }
  });

  it('refuses an invalid id without a request', async () => {
    const { client, calls } = setup(() => jsonResponse(BERT));
    expect(errorOf(await client.getModel('../../api/whoami')).kind).toBe('bad-request');
    expect(calls).toHaveLength(0);
  });

  it('maps the anonymous 401 of a missing or private repo to not-found', async () => {
    const { client } = setup(() => textResponse('Invalid username or password.', 401));
    expect(errorOf(await client.getModel('ggml-org/gemma-2-9b-it-GGUF'))).toMatchObject({
      kind: 'not-found',
      status: 401,
      id: 'ggml-org/gemma-2-9b-it-GGUF',
    });
  });

  it('maps 403 and 401 GatedRepo to gated', async () => {
    const forbidden = setup(() => textResponse('restricted', 403, { 'x-error-code': 'GatedRepo' }));
    expect(errorOf(await forbidden.client.getModel('fortress-ai/Fortress-13B')).kind).toBe('gated');
    const gated401 = setup(() => textResponse('restricted', 401, { 'x-error-code': 'GatedRepo' }));
    expect(errorOf(await gated401.client.getReadme('meta-llama/Llama-3.1-8B-Instruct')).kind).toBe('gated');
  });

  it('maps 400 to bad-request without retrying', async () => {
    const { client, calls } = setup(() => jsonResponse({ error: 'Invalid expand' }, { status: 400 }));
    expect(errorOf(await client.getModel('a/b'))).toMatchObject({ kind: 'bad-request', status: 400 });
    expect(calls).toHaveLength(1);
  });

  it('reports unreadable JSON and JSON of the wrong shape as malformed', async () => {
    const broken = setup(() => new Response('{"id": "a/b", ', { status: 200 }));
    expect(errorOf(await broken.client.getModel('a/b')).kind).toBe('malformed');
    const wrongShape = setup(() => jsonResponse({ error: 'nope' }));
    expect(errorOf(await wrongShape.client.getModel('a/b')).kind).toBe('malformed');
    const notAList = setup(() => jsonResponse({ models: [] }));
    expect(errorOf(await notAList.client.getChildrenPage({ parentId: 'a/b', relation: 'finetune' })).kind).toBe('malformed');
  });
});

describe('retries, timeouts and offline', () => {
  it('retries a 500 with jittered backoff and then succeeds', async () => {
    let n = 0;
    const { client, calls, clock } = setup(() => (++n === 1 ? textResponse('oops', 500) : jsonResponse(BERT)));
    expect(valueOf(await client.getModel('google-bert/bert-base-uncased')).id).toBe('google-bert/bert-base-uncased');
    expect(calls).toHaveLength(2);
    expect(clock.sleeps).toEqual([500]); // backoff 500 ms × (0.5 + random 0.5)
  });

  it('gives up on a persistent 503 after 3 attempts with growing waits', async () => {
    const { client, calls, clock } = setup(() => textResponse('unavailable', 503), { random: () => 0 });
    expect(errorOf(await client.getModel('a/b'))).toMatchObject({ kind: 'server', status: 503 });
    expect(calls).toHaveLength(3);
    expect(clock.sleeps).toEqual([250, 500]);
  });

  it('turns repeated network errors into offline', async () => {
    const { client, calls } = setup(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(errorOf(await client.getModel('a/b')).kind).toBe('offline');
    expect(calls).toHaveLength(3);
  });

  it('reports the server error, not offline, when the browser refuses the retry after 503s', async () => {
    // Chromium fails an extension's fetch itself (ERR_TEMPORARILY_THROTTLED) after repeated 5xx answers.
    let n = 0;
    const { client, calls } = setup(() => {
      if (++n <= 2) return textResponse('unavailable', 503);
      throw new TypeError('Failed to fetch');
    });
    expect(errorOf(await client.getModel('a/b'))).toMatchObject({ kind: 'server', status: 503 });
    expect(calls).toHaveLength(3);
    // The Hub was reachable, so no offline latch: the next call is sent (and tried 3 times itself).
    await client.getModel('c/d');
    expect(calls).toHaveLength(6);
  });

  it('keeps calling it a server error when the browser goes on refusing that URL minutes later', async () => {
    let refuse = false;
    const { client, clock } = setup((url) => {
      if (refuse) throw new TypeError('Failed to fetch');
      return url.pathname === '/api/models/a/b' ? textResponse('unavailable', 503) : jsonResponse(BERT);
    });
    expect(errorOf(await client.getModel('a/b')).kind).toBe('server');
    refuse = true;
    clock.advance(3 * 60_000);
    expect(errorOf(await client.getModel('a/b'))).toMatchObject({ kind: 'server', status: 503 });
    // A URL that never answered 5xx and fails the same way: that is offline.
    expect(errorOf(await client.getModel('c/d')).kind).toBe('offline');
    // Long after, the old 5xx no longer explains a network error.
    clock.advance(20 * 60_000);
    expect(errorOf(await client.getModel('a/b')).kind).toBe('offline');
  });

  it('times out a request that hangs, even if fetch ignores the abort', async () => {
    const { client, timers } = setup(() => new Promise<Response>(() => undefined));
    const pending = client.getModel('a/b');
    await flush();
    expect(timers.pending()).toBe(1);
    timers.fireAll();
    expect(errorOf(await pending).kind).toBe('timeout');
    expect(client.stats().inFlight).toBe(0);
  });
});

describe('rate limits', () => {
  it('waits out a short Retry-After and retries, answering other calls at once meanwhile', async () => {
    const clock = manualClock();
    const start = clock.now();
    const fake = createFakeFetch((url) => {
      const firstTries = fake.calls.filter((c) => c.url.includes('/first/')).length;
      if (url.pathname.includes('/first/') && firstTries === 1) return textResponse('slow down', 429, { 'retry-after': '2' });
      return jsonResponse({ id: 'first/model' });
    });
    let during: HubResult<unknown> | undefined;
    const client = createHubClient({
      fetch: fake.fetch,
      now: clock.now,
      timers: manualTimers(),
      sleep: async (ms) => {
        during = await client.getModel('second/model'); // someone else asks while we wait
        await clock.sleep(ms);
      },
    });
    expect(valueOf(await client.getModel('first/model')).id).toBe('first/model');
    expect(clock.sleeps).toEqual([2000]);
    expect(errorOf(during!)).toMatchObject({ kind: 'rate-limited', retryAt: start + 2000 });
    expect(fake.calls.map((c) => new URL(c.url).pathname)).toEqual(['/api/models/first/model', '/api/models/first/model']);
  });

  it('returns rate-limited with retryAt from RateLimit t= on a long 429, and stays quiet until then', async () => {
    const { client, calls, clock } = setup(() =>
      calls.length === 1 ? textResponse('slow down', 429, { ratelimit: '"api";r=0;t=120' }) : jsonResponse(BERT),
    );
    const start = clock.now();
    expect(errorOf(await client.getModel('a/b'))).toMatchObject({ kind: 'rate-limited', retryAt: start + 120_000, status: 429 });
    const later = errorOf(await client.getModel('c/d'));
    expect(later).toMatchObject({ kind: 'rate-limited', retryAt: start + 120_000 });
    expect(later.paused).toBeUndefined(); // the Hub's 429, not our own pause
    expect(calls).toHaveLength(1);
    expect(client.stats().rateLimitedUntil.api).toBe(start + 120_000);
    // README files are another bucket and are not held up.
    expect((await client.getReadme('c/d')).ok).toBe(true);
    clock.advance(120_001);
    expect((await client.getModel('c/d')).ok).toBe(true);
  });

  it('pauses a bucket when the Hub reports it nearly spent', async () => {
    const { client, calls, clock } = setup(() => jsonResponse(BERT, { headers: { ratelimit: '"api";r=3;t=40' } }));
    expect((await client.getModel('a/b')).ok).toBe(true);
    expect(errorOf(await client.getModel('c/d'))).toMatchObject({ kind: 'rate-limited', retryAt: clock.now() + 40_000 });
    expect(calls).toHaveLength(1);
    expect(client.stats().serverRemaining.api).toBe(3);
  });

  it('keeps to its own budget per 5-minute window without asking the Hub', async () => {
    const { client, calls, clock } = setup(() => jsonResponse(BERT), { budget: { api: 3 } });
    const start = clock.now();
    for (const id of ['a/1', 'a/2', 'a/3']) {
      expect((await client.getModel(id)).ok).toBe(true);
      clock.advance(1000);
    }
    expect(client.stats().budgetLeft.api).toBe(0);
    expect(errorOf(await client.getModel('a/4'))).toMatchObject({ kind: 'rate-limited', retryAt: start + 300_000 });
    expect(calls).toHaveLength(3);
    clock.advance(300_000 - 3000 + 1);
    expect((await client.getModel('a/4')).ok).toBe(true);
    expect(client.stats().requests.api).toBe(4);
  });

  it('leaves half of the anonymous quota to the user until the Hub states its own (250 api, 1500 resolvers per 5 min)', () => {
    const { client } = setup(() => jsonResponse(BERT));
    expect(client.stats().budgetLeft).toEqual({ api: 250, resolvers: 1500 });
  });

  it('takes half of the quota the Hub states in RateLimit-Policy as its budget', async () => {
    const { client } = setup(() =>
      jsonResponse(BERT, { headers: { ratelimit: '"api";r=999;t=300', 'ratelimit-policy': '"fixed window";"api";q=1000;w=300' } }),
    );
    await client.getModel('a/b');
    expect(client.stats().budgetLeft.api).toBe(499);
  });

  it('pauses at once when another client on this IP left fewer than q/2 requests in the window', async () => {
    const { client, calls, clock } = setup(() =>
      jsonResponse(BERT, { headers: { ratelimit: '"api";r=180;t=200', 'ratelimit-policy': '"fixed window";"api";q=500;w=300' } }),
    );
    expect((await client.getModel('a/b')).ok).toBe(true);
    expect(errorOf(await client.getModel('c/d'))).toMatchObject({ kind: 'rate-limited', paused: true, retryAt: clock.now() + 200_000 });
    expect(calls).toHaveLength(1);
  });

  it('sends one request alone while the Hub count is unknown, so a nearly spent window costs only that one', async () => {
    const gate = deferred<void>();
    const { client, calls } = setup(async () => {
      await gate.promise;
      return jsonResponse(BERT, { headers: { ratelimit: '"api";r=40;t=100', 'ratelimit-policy': '"fixed window";"api";q=500;w=300' } });
    });
    const all = Promise.all(['a/1', 'a/2', 'a/3', 'a/4'].map((id) => client.getModel(id)));
    await flush();
    expect(calls).toHaveLength(1);
    gate.resolve();
    const results = await all;
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => errorOf(r).kind)).toEqual(['rate-limited', 'rate-limited', 'rate-limited']);
    expect(calls).toHaveLength(1);
  });

  it('counts down from the Hub\'s remaining requests and stops where only the user\'s half is left', async () => {
    // A fixed window of q = 10 that the user's own scripts have already used 2 of.
    let used = 2;
    const { client, calls } = setup(() => {
      used++;
      return jsonResponse(BERT, { headers: { ratelimit: `"api";r=${10 - used};t=250`, 'ratelimit-policy': '"fixed window";"api";q=10;w=300' } });
    });
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await client.getModel(`a/${i}`));
    expect(calls).toHaveLength(3); // 10 - 2 used - 3 ours = 5 = q/2 left for the user
    expect(results.slice(3).every((r) => !r.ok && r.error.kind === 'rate-limited')).toBe(true);
  });

  it('does not hold requests back for a Hub that sends no RateLimit header', async () => {
    const gates: ReturnType<typeof deferred<void>>[] = [];
    const { client, calls } = setup(async () => {
      const gate = deferred<void>();
      gates.push(gate);
      await gate.promise;
      return jsonResponse(BERT);
    });
    const first = client.getModel('a/0');
    await flush();
    gates.shift()?.resolve();
    await first;
    const rest = Promise.all(['a/1', 'a/2', 'a/3'].map((id) => client.getModel(id)));
    await flush();
    expect(calls).toHaveLength(4);
    for (const gate of gates) gate.resolve();
    expect((await rest).every((r) => r.ok)).toBe(true);
  });
});

describe('dedupe and concurrency', () => {
  it('sends one request for concurrent calls to the same URL', async () => {
    const gate = deferred<void>();
    const { client, calls } = setup(async () => {
      await gate.promise;
      return jsonResponse(BERT);
    });
    const all = Promise.all([client.getModel('google-bert/bert-base-uncased'), client.getModel('google-bert/bert-base-uncased')]);
    await flush();
    gate.resolve();
    const [a, b] = await all;
    expect(valueOf(a)).toEqual(valueOf(b));
    expect(calls).toHaveLength(1);
  });

  it('keeps at most maxConcurrent requests in flight and queues the rest', async () => {
    const gates: ReturnType<typeof deferred<void>>[] = [];
    let inFlight = 0;
    let peak = 0;
    const { client } = setup(
      async (url) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        const gate = deferred<void>();
        gates.push(gate);
        await gate.promise;
        inFlight--;
        return jsonResponse({ id: url.pathname.slice('/api/models/'.length) });
      },
      { maxConcurrent: 2 },
    );
    // The first request goes alone (it learns the Hub's count); then the queue discipline applies.
    const first = client.getModel('a/0');
    await flush();
    gates.shift()?.resolve();
    await first;
    const all = Promise.all(['a/1', 'a/2', 'a/3', 'a/4', 'a/5'].map((id) => client.getModel(id)));
    await flush();
    expect(client.stats()).toMatchObject({ inFlight: 2, queued: 3 });
    while (gates.some((g) => g)) {
      const gate = gates.shift();
      if (!gate) break;
      gate.resolve();
      await flush();
    }
    const results = await all;
    expect(results.every((r) => r.ok)).toBe(true);
    expect(peak).toBe(2);
  });
});

describe('token handling', () => {
  const getToken = () => 'hf_secret';

  it('sends the token as a Bearer header to huggingface.co API calls', async () => {
    const { client, calls } = setup(() => jsonResponse(BERT), { getToken });
    await client.getModel('google-bert/bert-base-uncased');
    expect(calls[0].authorization).toBe('Bearer hf_secret');
    expect(calls[0].redirect).toBe('manual');
  });

  it('follows a same-origin redirect with the token and drops it when a redirect leaves the Hub', async () => {
    const { client, calls } = setup(
      (url) => {
        if (url.pathname === '/api/models/old/name') return textResponse('', 307, { location: '/api/models/new/name' });
        if (url.pathname === '/api/models/new/name') return textResponse('', 302, { location: 'https://cdn-lfs.hf.co/x.json' });
        return jsonResponse({ id: 'new/name' });
      },
      { getToken },
    );
    expect(valueOf(await client.getModel('old/name')).id).toBe('new/name');
    expect(calls.map((c) => [new URL(c.url).origin, c.authorization])).toEqual([
      ['https://huggingface.co', 'Bearer hf_secret'],
      ['https://huggingface.co', 'Bearer hf_secret'],
      ['https://cdn-lfs.hf.co', null],
    ]);
  });

  it('repeats the request without the token when the browser hides the redirect target', async () => {
    const { client, calls } = setup(
      (url, call) => {
        if (call.redirect === 'manual') return opaqueRedirect();
        if (url.origin === 'https://huggingface.co') return textResponse('', 302, { location: 'https://elsewhere.example/x' });
        return jsonResponse({ id: 'a/b' });
      },
      { getToken },
    );
    expect((await client.getModel('a/b')).ok).toBe(true);
    expect(calls.filter((c) => new URL(c.url).origin !== 'https://huggingface.co').every((c) => c.authorization === null)).toBe(true);
    expect(calls.at(-1)!.url).toBe('https://elsewhere.example/x');
  });

  it('fetches public READMEs anonymously and private ones with the token', async () => {
    const { client, calls } = setup(() => textResponse('# card', 200, { 'x-repo-commit': 'a'.repeat(40) }), { getToken });
    expect(valueOf(await client.getReadme('a/b'))).toEqual({ text: '# card', exists: true, sha: 'a'.repeat(40) });
    expect(calls[0]).toMatchObject({ url: 'https://huggingface.co/a/b/resolve/main/README.md', authorization: null });
    await client.getReadme('a/private', { private: true });
    expect(calls[1].authorization).toBe('Bearer hf_secret');
  });

  it('never contacts another origin, not even through a next-page link', async () => {
    const { client, calls } = setup(() => jsonResponse([], { headers: { link: '<https://evil.example/api/models?cursor=1>; rel="next"' } }), {
      getToken,
    });
    expect(errorOf(await client.getChildrenPage('https://evil.example/api/models?cursor=1')).kind).toBe('bad-request');
    expect(errorOf(await client.getChildrenPage('https://huggingface.co/api/whoami-v2')).kind).toBe('bad-request');
    expect(calls).toHaveLength(0);
    const page = valueOf(await client.getChildrenPage({ parentId: 'a/b', relation: 'finetune' }));
    expect(page).toEqual({ models: [], next: undefined, hasMore: true });
  });

  it('omits a token it cannot send and survives a failing token store', async () => {
    const odd = setup(() => jsonResponse(BERT), { getToken: () => 'bad\ntoken' });
    await odd.client.getModel('a/b');
    expect(odd.calls[0].authorization).toBeNull();
    const broken = setup(() => jsonResponse(BERT), {
      getToken: () => {
        throw new Error('storage gone');
      },
    });
    expect((await broken.client.getModel('a/b')).ok).toBe(true);
  });

  it('checks a token with whoami and says so when it is refused', async () => {
    const { client, calls } = setup((_url, call) =>
      call.authorization === 'Bearer hf_good' ? jsonResponse({ name: 'alice', type: 'user' }) : textResponse('Invalid', 401),
    );
    expect(valueOf(await client.whoami('hf_good'))).toEqual({ name: 'alice', type: 'user' });
    expect(errorOf(await client.whoami('hf_bad')).message).toMatch(/did not accept/);
    expect(calls.every((c) => c.url === 'https://huggingface.co/api/whoami-v2')).toBe(true);
  });
});

describe('children, README and search', () => {
  it('builds the children query per relation, sorted by downloads, and returns the next link', async () => {
    const next = 'https://huggingface.co/api/models?filter=base_model%3Afinetune%3Aa%2Fb&cursor=xyz';
    const { client, calls } = setup(() => jsonResponse(sample('list-models_expand_2026-09.trimmed.json'), { headers: { link: `<${next}>; rel="next"` } }));
    const page = valueOf(await client.getChildrenPage({ parentId: 'a/b', relation: 'finetune' }));
    expect(page.models.map((m) => m.id)).toEqual(['neonoodles/Qwen3.8-27B-Wildthing-ARA-MTP-GGUF', 'mradermacher/Qwen3.8-27B-abliterated-GGUF']);
    expect(page).toMatchObject({ next, hasMore: true });
    const url = new URL(calls[0].url);
    expect(url.searchParams.get('filter')).toBe('base_model:finetune:a/b');
    expect(url.searchParams.get('sort')).toBe('downloads');
    expect(url.searchParams.get('limit')).toBe('100');
    expect(url.searchParams.getAll('expand[]')).not.toContain('childrenModelCount');
    expect(url.searchParams.getAll('expand[]')).toContain('cardData');
  });

  it('treats a missing README as an empty card, but a missing repo as not-found', async () => {
    const missingFile = setup(() => textResponse('Entry not found', 404, { 'x-error-code': 'EntryNotFound' }));
    expect(valueOf(await missingFile.client.getReadme('a/b'))).toEqual({ text: '', exists: false });
    const missingRepo = setup(() => textResponse('Repository not found', 404, { 'x-error-code': 'RepoNotFound' }));
    expect(errorOf(await missingRepo.client.getReadme('a/b')).kind).toBe('not-found');
  });

  it('searches with a bounded limit and sends nothing for an empty query', async () => {
    const { client, calls } = setup(() => jsonResponse(sample('list-models_default_2025-11.json')));
    expect(valueOf(await client.search('   '))).toEqual([]);
    expect(calls).toHaveLength(0);
    const hits = valueOf(await client.search('kimi', { limit: 1000 }));
    expect(hits.map((m) => m.id)).toContain('moonshotai/Kimi-K2-Thinking');
    const url = new URL(calls[0].url);
    expect(url.searchParams.get('search')).toBe('kimi');
    expect(url.searchParams.get('limit')).toBe('100');
  });

  it('counts requests per bucket in stats()', async () => {
    const { client } = setup((url) => (url.pathname.includes('/resolve/') ? textResponse('# x') : jsonResponse(BERT)));
    await client.getModel('a/b');
    await client.getReadme('a/b');
    await client.getReadme('c/d');
    expect(client.stats()).toMatchObject({ requests: { api: 1, resolvers: 2 }, inFlight: 0, queued: 0, budgetLeft: { api: 249, resolvers: 1498 } });
  });
});

describe('the rate-limit state survives a background restart', () => {
  const limited = (r: number) => ({ headers: { ratelimit: `"api";r=${r};t=200`, 'ratelimit-policy': '"fixed window";"api";q=500;w=300' } });

  /** A memory like storage.session: what one client saved, the next one loads. */
  function sessionMemory() {
    let stored: unknown;
    return { load: async () => structuredClone(stored), save: (state: unknown) => void (stored = structuredClone(state)), peek: () => stored };
  }

  it('a restarted client that knows the Hub\'s count sends at once, without a lone probing request', async () => {
    const memory = sessionMemory();
    const clock = manualClock();
    const first = createFakeFetch(() => jsonResponse(BERT, limited(400)));
    const before = createHubClient({ fetch: first.fetch, now: clock.now, sleep: clock.sleep, timers: manualTimers(), quotaMemory: memory });
    expect((await before.getModel('a/0')).ok).toBe(true);
    await flush();

    const gate = deferred<void>();
    const second = createFakeFetch(async () => {
      await gate.promise;
      return jsonResponse(BERT, limited(390));
    });
    const after = createHubClient({ fetch: second.fetch, now: clock.now, sleep: clock.sleep, timers: manualTimers(), quotaMemory: memory });
    const all = Promise.all(['a/1', 'a/2', 'a/3'].map((id) => after.getModel(id)));
    await flush();
    expect(second.calls).toHaveLength(3); // all in flight together
    gate.resolve();
    expect((await all).every((r) => r.ok)).toBe(true);
  });

  it('a restart neither forgets our own requests in this window nor a pause', async () => {
    const memory = sessionMemory();
    const clock = manualClock();
    const fake = createFakeFetch(() => jsonResponse(BERT));
    const before = createHubClient({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep, timers: manualTimers(), budget: { api: 2 }, quotaMemory: memory });
    await before.getModel('a/1');
    await before.getModel('a/2');
    await flush();
    const after = createHubClient({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep, timers: manualTimers(), budget: { api: 2 }, quotaMemory: memory });
    expect(errorOf(await after.getModel('a/3'))).toMatchObject({ kind: 'rate-limited', paused: true });
    expect(fake.calls).toHaveLength(2);
    // After the window the budget is back.
    clock.advance(300_001);
    expect((await after.getModel('a/3')).ok).toBe(true);

    // A pause (fewer than q/2 left at the Hub) also outlives the restart.
    const pausing = createFakeFetch(() => jsonResponse(BERT, limited(100)));
    const paused = sessionMemory();
    const one = createHubClient({ fetch: pausing.fetch, now: clock.now, sleep: clock.sleep, timers: manualTimers(), quotaMemory: paused });
    await one.getModel('b/1');
    await flush();
    const two = createHubClient({ fetch: pausing.fetch, now: clock.now, sleep: clock.sleep, timers: manualTimers(), quotaMemory: paused });
    expect(errorOf(await two.getModel('b/2'))).toMatchObject({ kind: 'rate-limited', paused: true, retryAt: clock.now() + 200_000 });
    expect(pausing.calls).toHaveLength(1);
  });

  it('saves one run per second of requests, not one time per request, and a restart counts them all', async () => {
    const memory = sessionMemory();
    const clock = manualClock();
    const fake = createFakeFetch(() => jsonResponse(BERT));
    const budget = { api: 1000 };
    const before = createHubClient({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep, timers: manualTimers(), budget, quotaMemory: memory });
    for (let i = 0; i < 600; i++) {
      expect((await before.getModel(`a/${i}`)).ok).toBe(true);
      clock.advance(100); // ten a second, for a minute
    }
    await flush();
    const saved = memory.peek() as { sent: { api: unknown[] } };
    expect(saved.sent.api.length).toBeLessThanOrEqual(61);
    const after = createHubClient({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep, timers: manualTimers(), budget, quotaMemory: memory });
    await after.getModel('b/0');
    expect(after.stats().budgetLeft.api).toBe(1000 - 601);
  });

  it('a saved state that is malformed, from another window, or failing to load is ignored (the client probes as new)', async () => {
    const clock = manualClock();
    for (const saved of [null, 'x', { quota: { api: -1 }, sent: { api: ['a', Infinity] }, hubLeft: { api: { left: 'many', resetAt: 1 } } }, { hubLeft: { api: { left: 400, resetAt: clock.now() - 1 } } }]) {
      const gate = deferred<void>();
      const fake = createFakeFetch(async () => {
        await gate.promise;
        return jsonResponse(BERT, limited(400));
      });
      const client = createHubClient({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep, timers: manualTimers(), quotaMemory: { load: async () => saved, save: () => undefined } });
      const all = Promise.all(['a/1', 'a/2'].map((id) => client.getModel(id)));
      await flush();
      expect(fake.calls).toHaveLength(1); // the lone probe
      expect(client.stats().budgetLeft.api).toBe(249);
      gate.resolve();
      expect((await all).every((r) => r.ok)).toBe(true);
    }
    const broken = createHubClient({ fetch: createFakeFetch(() => jsonResponse(BERT)).fetch, now: clock.now, timers: manualTimers(), quotaMemory: { load: () => Promise.reject(new Error('no storage')), save: () => { throw new Error('full'); } } });
    expect((await broken.getModel('a/1')).ok).toBe(true);
  });
});
