import { IDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDriftCache, type DriftCache } from '../../../lib/cache/db';
import { DB_NAME, STORE_OF, V1 } from '../../../lib/cache/schema';
import { createHubClient } from '../../../lib/hub/client';
import { createHubRepository, type HubRepository } from '../../../lib/hub/repository';
import type { HubResult, HubUpdate } from '../../../lib/hub/types';
import { createFakeFetch, deferred, fakeHub, flush, manualClock, manualTimers, sample, sha, simpleCardStats, type FakeCall, type FakeHubData } from './helpers';

const HOUR = 3_600_000;
const INSTRUCT_SAMPLE = sample('model-info_meta-llama_Llama-3.1-8B-Instruct.truncated.json');
const ORION = sample('model-info_OrionLLM_GRM-2.6-Opus.json');

function finetuneOf(id: string, parent: string, extra: Record<string, unknown> = {}) {
  return { id, tags: ['transformers', `base_model:${parent}`, `base_model:finetune:${parent}`, 'license:apache-2.0'], ...extra };
}

function hubData(): FakeHubData {
  const models: FakeHubData['models'] = {
    'meta-llama/Llama-3.1-8B': {
      id: 'meta-llama/Llama-3.1-8B',
      sha: sha(1),
      tags: ['transformers', 'llama', 'en', 'license:llama3.1'],
      gated: 'manual',
      downloads: 900,
      childrenModelCount: { finetune: 1, quantized: 0 },
    },
    'meta-llama/Llama-3.1-8B-Instruct': {
      ...INSTRUCT_SAMPLE,
      sha: sha(2),
      // The README still names the parent by its pre-rename id; the Hub's tags are right.
      cardData: { license: 'llama3.1', base_model: 'meta-llama/Meta-Llama-3.1-8B' },
      childrenModelCount: { finetune: 3 },
    },
    'skyforge/Sky-Chat-8B': finetuneOf('skyforge/Sky-Chat-8B', 'meta-llama/Llama-3.1-8B-Instruct', { sha: sha(3), downloads: 50 }),
    'other/Chat-A': finetuneOf('other/Chat-A', 'meta-llama/Llama-3.1-8B-Instruct', { downloads: 500 }),
    'other/Chat-B': finetuneOf('other/Chat-B', 'meta-llama/Llama-3.1-8B-Instruct', { downloads: 5 }),
    'loop-a/ouroboros-a': finetuneOf('loop-a/ouroboros-a', 'loop-b/ouroboros-b'),
    'loop-b/ouroboros-b': finetuneOf('loop-b/ouroboros-b', 'loop-a/ouroboros-a'),
    'orphan-works/orphan-7b-ft': finetuneOf('orphan-works/orphan-7b-ft', 'vanished-org/vanished-7b'),
    'fortress-ai/Fortress-13B': 403,
    'openfort/Fortress-13B-chat': finetuneOf('openfort/Fortress-13B-chat', 'fortress-ai/Fortress-13B'),
    'OrionLLM/GRM-2.6-Opus': ORION,
    'OrionLLM/GRM-2.6-Plus': { id: 'OrionLLM/GRM-2.6-Plus', tags: ['license:apache-2.0'] },
    'rico03/Qwen3.6-27B-Claude-Opus-Reasoning-Distilled': { id: 'rico03/Qwen3.6-27B-Claude-Opus-Reasoning-Distilled', tags: [] },
    'bigfam/base-1b': { id: 'bigfam/base-1b', tags: [], childrenModelCount: { finetune: 1600 } },
  };
  for (let i = 0; i < 12; i++) models[`deep/m${i}`] = i === 11 ? { id: 'deep/m11', tags: [] } : finetuneOf(`deep/m${i}`, `deep/m${i + 1}`);
  for (let i = 0; i < 1600; i++) models[`fam/child-${i}`] = finetuneOf(`fam/child-${i}`, 'bigfam/base-1b', { downloads: 10_000 - i });
  return {
    models,
    readmes: {
      'skyforge/Sky-Chat-8B': '---\nlicense: apache-2.0\n---\n# Sky Chat\nThis model was automatically generated.',
      'meta-llama/Llama-3.1-8B-Instruct': `---\nlicense: llama3.1\n---\n# Llama 3.1\n${'Long card. '.repeat(200)}`,
    },
  };
}

/** The raw `model` object a content script would send from the ModelHeader props: no sha, no counts. */
function pageProps(id: string, data: FakeHubData): Record<string, unknown> {
  const { sha: _sha, childrenModelCount: _counts, ...rest } = data.models[id] as Record<string, unknown>;
  return { ...rest, cardExists: true };
}

let clock: ReturnType<typeof manualClock>;
let data: FakeHubData;
let calls: FakeCall[];
let offline: boolean;
let cache: DriftCache;
let repo: HubRepository;
let factory: IDBFactory;

function build(opts: { cache?: DriftCache | null } = {}) {
  const fake = createFakeFetch((url, call, init) => {
    if (offline) throw new TypeError('Failed to fetch');
    return fakeHub(data)(url, call, init);
  });
  calls = fake.calls;
  const client = createHubClient({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep, random: () => 0.5, timers: manualTimers() });
  cache = opts.cache === undefined ? openDriftCache({ indexedDB: factory, now: clock.now }) : (opts.cache as DriftCache);
  repo = createHubRepository({ client, cache: opts.cache === null ? null : cache, now: clock.now, cardStats: simpleCardStats });
}

function counts() {
  return {
    api: calls.filter((c) => new URL(c.url).pathname.startsWith('/api/')).length,
    resolvers: calls.filter((c) => new URL(c.url).pathname.includes('/resolve/')).length,
  };
}

function valueOf<T>(result: HubResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

beforeEach(() => {
  clock = manualClock();
  data = hubData();
  offline = false;
  factory = new IDBFactory();
  build();
});

afterEach(() => cache?.close());

/** What the background does for one model page: lineage, both cards, siblings. */
async function visitModelPage(id: string) {
  const lineage = valueOf(await repo.getLineage(id, { pageModel: pageProps(id, data) }));
  const card = valueOf(await repo.getCardStats(lineage.model.id, lineage.model.sha));
  const parent = lineage.chain[0]?.model;
  const parentCard = parent ? valueOf(await repo.getCardStats(parent.id, parent.sha)) : undefined;
  const siblings = valueOf(await repo.getSiblings(lineage.model));
  return { lineage, card, parentCard, siblings };
}

describe('a model page, cold and warm', () => {
  it('costs 4 API calls and 2 README fetches cold, and nothing warm', async () => {
    const cold = await visitModelPage('skyforge/Sky-Chat-8B');
    expect(counts()).toEqual({ api: 4, resolvers: 2 });

    expect(cold.lineage.chain.map((l) => [l.id, l.relation])).toEqual([
      ['meta-llama/Llama-3.1-8B-Instruct', 'finetune'],
      ['meta-llama/Llama-3.1-8B', 'finetune'],
    ]);
    expect(cold.lineage.chainEnd).toEqual({ reason: 'root' });
    expect(cold.lineage.model.sha).toBe(sha(3));
    expect(cold.lineage.chain[0].model!.childrenCount).toEqual({ finetune: 3 });
    expect(cold.card).toMatchObject({ autoGenerated: true, sha: sha(3) });
    expect(cold.parentCard!.length).toBeGreaterThan(2000);
    expect(cold.siblings!.models.map((m) => m.id)).toEqual(['other/Chat-A', 'other/Chat-B']);
    expect(cold.siblings).toMatchObject({ parentId: 'meta-llama/Llama-3.1-8B-Instruct', relation: 'finetune', total: 2, sampled: false });

    calls.length = 0;
    clock.advance(HOUR);
    const warm = await visitModelPage('skyforge/Sky-Chat-8B');
    expect(counts()).toEqual({ api: 0, resolvers: 0 });
    expect(warm.lineage).toEqual(cold.lineage);
    expect(warm.siblings).toEqual(cold.siblings);
  });

  it('after invalidate (the user pressed refresh) the same visit asks the Hub again', async () => {
    await visitModelPage('skyforge/Sky-Chat-8B');
    calls.length = 0;
    await repo.invalidate(['skyforge/sky-chat-8b', 'meta-llama/Llama-3.1-8B-Instruct', 'meta-llama/Llama-3.1-8B']);
    await visitModelPage('skyforge/Sky-Chat-8B');
    // Model info, children and the README read from main again; card stats of known commits stay cached.
    expect(counts().api).toBe(4);
  });

  it('follows the Hub tags, not the stale base_model id of a renamed parent', async () => {
    const lineage = valueOf(await repo.getLineage('meta-llama/Llama-3.1-8B-Instruct'));
    expect(lineage.model.cardBaseModels).toEqual(['meta-llama/Meta-Llama-3.1-8B']);
    expect(lineage.parents.map((p) => p.ref.id)).toEqual(['meta-llama/Llama-3.1-8B']);
    expect(calls.some((c) => c.url.includes('Meta-Llama'))).toBe(false);
  });

  it('prefers the page props (fresher) and adds what they lack from the API', async () => {
    const props = { ...pageProps('skyforge/Sky-Chat-8B', data), downloads: 999 };
    const model = valueOf(await repo.getModel('skyforge/Sky-Chat-8B', { pageModel: props }));
    expect(model.downloads).toBe(999);
    expect(model.sha).toBe(sha(3));
    expect(model.cardExists).toBe(true);
    expect((await repo.recentModels(5)).map((m) => m.id)).toEqual(['skyforge/Sky-Chat-8B']);
  });

  it('still shows the page model when the API is rate-limited, with the chain ending in an error', async () => {
    data.models = Object.fromEntries(Object.keys(data.models).map((id) => [id, 429]));
    const lineage = valueOf(await repo.getLineage('skyforge/Sky-Chat-8B', { pageModel: pageProps('skyforge/Sky-Chat-8B', hubData()) }));
    expect(lineage.model.id).toBe('skyforge/Sky-Chat-8B');
    expect(lineage.childrenCount).toBeUndefined();
    expect(lineage.chainEnd).toMatchObject({ reason: 'error', at: 'meta-llama/Llama-3.1-8B-Instruct', error: { kind: 'rate-limited' } });
  });

  it('says what a page model lacks when the API call for it was not made (the view can say it is paused)', async () => {
    data.models = Object.fromEntries(Object.keys(data.models).map((id) => [id, 429]));
    const result = await repo.getLineage('skyforge/Sky-Chat-8B', { pageModel: pageProps('skyforge/Sky-Chat-8B', hubData()) });
    expect(result.ok && result.lacking).toMatchObject({ kind: 'rate-limited' });
    data = hubData();
    build();
    const fresh = await repo.getLineage('skyforge/Sky-Chat-8B', { pageModel: pageProps('skyforge/Sky-Chat-8B', data) });
    expect(fresh.ok && fresh.lacking).toBeUndefined();
  });
});

describe('lineage edge cases', () => {
  it('stops at a cycle and says where it closes', async () => {
    const lineage = valueOf(await repo.getLineage('loop-a/ouroboros-a'));
    expect(lineage.chain.map((l) => l.id)).toEqual(['loop-b/ouroboros-b']);
    expect(lineage.chainEnd).toEqual({ reason: 'cycle', at: 'loop-a/ouroboros-a' });
  });

  it('ends the chain at a missing ancestor with not-found', async () => {
    const lineage = valueOf(await repo.getLineage('orphan-works/orphan-7b-ft'));
    expect(lineage.chain).toEqual([{ id: 'vanished-org/vanished-7b', relation: 'finetune' }]);
    expect(lineage.chainEnd).toMatchObject({ reason: 'not-found', at: 'vanished-org/vanished-7b', error: { kind: 'not-found', status: 401 } });
    expect(lineage.parents[0].result.ok).toBe(false);
  });

  it('ends the chain at a gated ancestor with gated', async () => {
    const lineage = valueOf(await repo.getLineage('openfort/Fortress-13B-chat'));
    expect(lineage.chainEnd).toMatchObject({ reason: 'gated', at: 'fortress-ai/Fortress-13B' });
    const parent = lineage.parents[0].result;
    expect(!parent.ok && parent.error.kind).toBe('gated');
  });

  it('stops at the depth cap without fetching further ancestors', async () => {
    const lineage = valueOf(await repo.getLineage('deep/m0', { maxDepth: 3 }));
    expect(lineage.chain.map((l) => l.id)).toEqual(['deep/m1', 'deep/m2', 'deep/m3']);
    expect(lineage.chainEnd).toEqual({ reason: 'depth-cap', at: 'deep/m4' });
    expect(counts().api).toBe(4);
  });

  it('reaches a deep root within the default depth', async () => {
    const lineage = valueOf(await repo.getLineage('deep/m0'));
    expect(lineage.chain).toHaveLength(8);
    expect(lineage.chainEnd.reason).toBe('depth-cap');
    const shallow = valueOf(await repo.getLineage('deep/m5'));
    expect(shallow.chain.map((l) => l.id).at(-1)).toBe('deep/m11');
    expect(shallow.chainEnd).toEqual({ reason: 'root' });
  });

  it('gives a merge both parents with their own results and follows the first', async () => {
    const lineage = valueOf(await repo.getLineage('OrionLLM/GRM-2.6-Opus'));
    expect(lineage.parents.map((p) => [p.ref.id, p.ref.relation, p.result.ok])).toEqual([
      ['OrionLLM/GRM-2.6-Plus', 'merge', true],
      ['rico03/Qwen3.6-27B-Claude-Opus-Reasoning-Distilled', 'merge', true],
    ]);
    expect(lineage.chain.map((l) => l.id)).toEqual(['OrionLLM/GRM-2.6-Plus']);
  });

  it('has no siblings for a root model', async () => {
    const root = valueOf(await repo.getModel('meta-llama/Llama-3.1-8B'));
    expect(valueOf(await repo.getSiblings(root))).toBeNull();
  });
});

describe('children', () => {
  it('samples a big family: 3 pages of 100, never claiming all', async () => {
    await repo.getModel('bigfam/base-1b'); // brings childrenModelCount into the cache
    calls.length = 0;
    const sample = valueOf(await repo.getChildren('bigfam/base-1b', 'finetune'));
    expect(sample).toMatchObject({ parentId: 'bigfam/base-1b', relation: 'finetune', total: 1600, sampled: true, pages: 3 });
    expect(sample.models).toHaveLength(300);
    expect(sample.models[0].id).toBe('fam/child-0'); // most downloaded first
    expect(counts().api).toBe(3);
  });

  it('continues a cached sample from its next link when more pages are asked for', async () => {
    valueOf(await repo.getChildren('bigfam/base-1b', 'finetune', { maxPages: 1 }));
    expect(counts().api).toBe(1);
    const more = valueOf(await repo.getChildren('bigfam/base-1b', 'finetune', { maxPages: 2 }));
    expect(more.models).toHaveLength(200);
    expect(new Set(more.models.map((m) => m.id)).size).toBe(200);
    expect(counts().api).toBe(2);
    valueOf(await repo.getChildren('bigfam/base-1b', 'finetune', { maxPages: 2 }));
    expect(counts().api).toBe(2);
  });

  it('says sampled=false when the whole family fits', async () => {
    const sample = valueOf(await repo.getChildren('meta-llama/Llama-3.1-8B-Instruct', 'finetune'));
    expect(sample.models.map((m) => m.id)).toEqual(['other/Chat-A', 'skyforge/Sky-Chat-8B', 'other/Chat-B']);
    expect(sample.sampled).toBe(false);
    expect(sample.pages).toBe(1);
  });
});

describe('stale-while-revalidate', () => {
  it('answers stale data at once, refreshes in the background and announces the update', async () => {
    valueOf(await repo.getModel('meta-llama/Llama-3.1-8B'));
    const updates: HubUpdate[] = [];
    const unsubscribe = repo.onUpdate((u) => updates.push(u));
    (data.models['meta-llama/Llama-3.1-8B'] as Record<string, unknown>).downloads = 1234;
    clock.advance(13 * HOUR);
    calls.length = 0;

    const stale = await repo.getModel('meta-llama/Llama-3.1-8B');
    expect(stale).toMatchObject({ ok: true, stale: true, value: { downloads: 900 } });
    await repo.whenIdle();
    expect(counts().api).toBe(1);
    expect(updates).toEqual([
      expect.objectContaining({ kind: 'model', id: 'meta-llama/Llama-3.1-8B', value: expect.objectContaining({ downloads: 1234 }) }),
    ]);
    expect(await repo.getModel('meta-llama/Llama-3.1-8B')).toMatchObject({ ok: true, stale: false, value: { downloads: 1234 } });
    unsubscribe();
    clock.advance(13 * HOUR);
    await repo.getModel('meta-llama/Llama-3.1-8B');
    await repo.whenIdle();
    expect(updates).toHaveLength(1);
  });

  it('refreshes stale children and announces them', async () => {
    valueOf(await repo.getChildren('meta-llama/Llama-3.1-8B-Instruct', 'finetune'));
    data.models['new/Chat-C'] = finetuneOf('new/Chat-C', 'meta-llama/Llama-3.1-8B-Instruct', { downloads: 10_000 });
    const updates: HubUpdate[] = [];
    repo.onUpdate((u) => updates.push(u));
    clock.advance(25 * HOUR);
    expect(valueOf(await repo.getChildren('meta-llama/Llama-3.1-8B-Instruct', 'finetune')).models).toHaveLength(3);
    await repo.whenIdle();
    expect(updates[0]).toMatchObject({ kind: 'children', relation: 'finetune' });
    expect(updates[0].kind === 'children' && updates[0].value.models[0].id).toBe('new/Chat-C');
  });

  it('reports offline with the age of data too old to serve silently', async () => {
    valueOf(await repo.getModel('meta-llama/Llama-3.1-8B'));
    const fetchedAt = clock.now();
    clock.advance(31 * 24 * HOUR);
    offline = true;
    const result = await repo.getModel('meta-llama/Llama-3.1-8B');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('offline');
    expect(result.cached).toMatchObject({ fetchedAt, value: { id: 'meta-llama/Llama-3.1-8B' } });
  });

  it('keeps stale data when a background refresh fails, and does not announce anything', async () => {
    valueOf(await repo.getModel('meta-llama/Llama-3.1-8B'));
    const updates: HubUpdate[] = [];
    repo.onUpdate((u) => updates.push(u));
    clock.advance(13 * HOUR);
    offline = true;
    expect((await repo.getModel('meta-llama/Llama-3.1-8B')).ok).toBe(true);
    await repo.whenIdle();
    expect(updates).toEqual([]);
  });
});

describe('cards', () => {
  it('caches card stats by commit for good, and treats a missing README as an empty card', async () => {
    valueOf(await repo.getCardStats('skyforge/Sky-Chat-8B', sha(3)));
    clock.advance(400 * 24 * HOUR);
    calls.length = 0;
    expect(valueOf(await repo.getCardStats('skyforge/Sky-Chat-8B', sha(3))).autoGenerated).toBe(true);
    expect(counts().resolvers).toBe(0);
    expect(valueOf(await repo.getCardStats('other/Chat-A'))).toMatchObject({ length: 0, bodyLength: 0 });
  });

  it('turns a throwing card analysis into a malformed result', async () => {
    const client = createHubClient({ fetch: createFakeFetch(fakeHub(data)).fetch, now: clock.now, timers: manualTimers() });
    const broken = createHubRepository({ client, now: clock.now, cardStats: () => { throw new Error('bug'); } });
    const result = await broken.getCardStats('skyforge/Sky-Chat-8B');
    expect(!result.ok && result.error.kind).toBe('malformed');
  });
});

describe('search, recent and offline fallbacks', () => {
  it('searches the Hub, and offline falls back to cached models with their age', async () => {
    expect(valueOf(await repo.search('ouroboros')).map((m) => m.id).sort()).toEqual(['loop-a/ouroboros-a', 'loop-b/ouroboros-b']);
    await visitModelPage('skyforge/Sky-Chat-8B');
    const fetchedAt = clock.now();
    clock.advance(HOUR);
    offline = true;
    const result = await repo.search('llama');
    expect(!result.ok && result.error.kind).toBe('offline');
    if (result.ok) return;
    expect(result.cached!.value.map((m) => m.id)).toEqual(['meta-llama/Llama-3.1-8B-Instruct', 'meta-llama/Llama-3.1-8B']); // most downloaded first
    expect(result.cached!.fetchedAt).toBe(fetchedAt);
    expect((await repo.searchCached('SKY')).map((m) => m.id)).toEqual(['skyforge/Sky-Chat-8B']);
  });

  it('lists recently viewed models, newest first', async () => {
    await repo.getLineage('loop-a/ouroboros-a');
    clock.advance(1000);
    await visitModelPage('skyforge/Sky-Chat-8B');
    expect((await repo.recentModels(10)).map((m) => m.id)).toEqual(['skyforge/Sky-Chat-8B', 'loop-a/ouroboros-a']);
  });

  it('clears the cache and reports its size for the options page', async () => {
    await visitModelPage('skyforge/Sky-Chat-8B');
    const stats = await repo.cacheStats();
    expect(stats.entries).toBeGreaterThan(5);
    expect(stats.bytes).toBeGreaterThan(0);
    await repo.clearCache();
    expect((await repo.cacheStats()).entries).toBe(0);
    calls.length = 0;
    await visitModelPage('skyforge/Sky-Chat-8B');
    expect(counts()).toEqual({ api: 4, resolvers: 2 });
  });

  it('rejects a bad id without a request', async () => {
    const result = await repo.getLineage('not a model');
    expect(!result.ok && result.error.kind).toBe('bad-request');
    expect(calls).toHaveLength(0);
  });
});

describe('a broken cache costs requests, never answers', () => {
  it('works network-only without a cache', async () => {
    build({ cache: null });
    await visitModelPage('skyforge/Sky-Chat-8B');
    await visitModelPage('skyforge/Sky-Chat-8B');
    expect(counts()).toEqual({ api: 8, resolvers: 4 });
  });

  it('falls back to the network on a corrupt record and repairs it', async () => {
    valueOf(await repo.getModel('meta-llama/Llama-3.1-8B'));
    cache.close();
    await new Promise<void>((resolve, reject) => {
      const request = factory.open(DB_NAME);
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction(STORE_OF.model, 'readwrite');
        tx.objectStore(STORE_OF.model).put({ key: 'meta-llama/llama-3.1-8b', value: { id: 42 }, fetchedAt: 'x' });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    build();
    calls.length = 0;
    expect(valueOf(await repo.getModel('meta-llama/Llama-3.1-8B')).id).toBe('meta-llama/Llama-3.1-8B');
    expect(counts().api).toBe(1);
    expect(valueOf(await repo.getModel('meta-llama/Llama-3.1-8B')).id).toBe('meta-llama/Llama-3.1-8B');
    expect(counts().api).toBe(1);
  });

  it('answers from the network when every write exceeds the quota', async () => {
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const first = await visitModelPage('skyforge/Sky-Chat-8B');
    expect(first.lineage.chain).toHaveLength(2);
    expect(counts()).toEqual({ api: 4, resolvers: 2 });
  });

  it('answers from the network while an old connection blocks the cache upgrade', async () => {
    cache.close();
    factory = new IDBFactory();
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open(DB_NAME, V1.version);
      request.onupgradeneeded = () => request.result.createObjectStore(V1.models, { keyPath: V1.keyPath });
      request.onsuccess = () => resolve(request.result);
    });
    build();
    const visit = await visitModelPage('skyforge/Sky-Chat-8B');
    expect(visit.lineage.chainEnd.reason).toBe('root');
    expect((await repo.cacheStats()).available).toBe(false);
    old.close();
  });
});

describe('children when the Hub cannot be reached', () => {
  it('serves the pages it has, marked stale, when more were asked for', async () => {
    valueOf(await repo.getChildren('bigfam/base-1b', 'finetune', { maxPages: 1 }));
    offline = true;
    clock.advance(25 * HOUR);
    const result = await repo.getChildren('bigfam/base-1b', 'finetune', { maxPages: 3 });
    expect(result).toMatchObject({ ok: true, stale: true, value: { pages: 1, sampled: true } });
  });
});

describe('one Hub request per piece of data, even while it is being stored', () => {
  it('a second reader that misses the cache while the first answer is still being stored shares that answer', async () => {
    const real = openDriftCache({ indexedDB: factory, now: clock.now });
    const storing = deferred<void>();
    let puts = 0;
    // The first store takes its time (a busy IndexedDB); meanwhile another view asks for the same model.
    const slowCache: DriftCache = {
      ...real,
      put: async (...args: Parameters<DriftCache['put']>) => {
        if (puts++ === 0) await storing.promise;
        return real.put(...args);
      },
    };
    build({ cache: slowCache });
    const first = repo.getModel('meta-llama/Llama-3.1-8B');
    while (calls.length === 0 || puts === 0) await flush();
    const second = repo.getModel('meta-llama/Llama-3.1-8B');
    await flush();
    storing.resolve();
    expect(valueOf(await first).id).toBe('meta-llama/Llama-3.1-8B');
    expect(valueOf(await second).id).toBe('meta-llama/Llama-3.1-8B');
    expect(counts().api).toBe(1);
  });
});
