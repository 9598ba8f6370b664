// The background's single entry point to Hub data: cache first (stale-while-revalidate), network through the
// disciplined client, lineage assembled from per-model answers. Every method resolves to a value; nothing throws.
//
// Request budget of a model page (cold cache), e.g. skyforge/Sky-Chat-8B → meta-llama/Llama-3.1-8B-Instruct →
// meta-llama/Llama-3.1-8B (root), when the view asks for lineage, both cards and siblings:
//   the model itself from the page's ModelHeader props ........................ 0
//   the model's own expand call (childrenModelCount + sha; props lack both) ..... 1 api
//   one expand call per ancestor (tags/baseModels + childrenModelCount + card
//   metadata in one answer): 2 ancestors ....................................... 2 api
//   README of the model and of its parent (card length, auto-generated) ........ 2 resolvers
//   siblings: one children page (100, by downloads) of the parent ............... 1 api
//   total ....................................................................... 4 api + 2 resolvers
// That is also the minimum the data needs: the Hub has no call returning a whole chain, the page props carry
// no children counts, and card length needs the README. A warm visit within the TTLs costs 0 requests (card
// stats are keyed by commit sha and never go stale). Without page props the model costs nothing extra: its
// own expand call is the same one. Children lists: 100 per page, at most 3 pages (300 children) per relation
// unless the caller asks for more (hard cap 10); the answer says `sampled` whenever more exist.

import type { DriftCache, CacheValues, ChildrenEntry } from '../cache/db';
import { isHubModel } from '../cache/db';
import type { HubClient } from './client';
import { isModelId, isRelation, modelKey, parseModel } from './parse';
import { RELATIONS } from './types';
import type {
  CacheKind,
  CacheStats,
  CardStats,
  ChainEndReason,
  ChainLink,
  ChildrenSample,
  HubError,
  HubModel,
  HubResult,
  HubUpdate,
  Lineage,
  ParentRef,
  Relation,
  SiblingsSample,
  TtlSettings,
} from './types';

const DEFAULT_MAX_DEPTH = 8;
const MAX_DEPTH_CAP = 32;
const DEFAULT_CHILD_PAGES = 3;
const MAX_CHILD_PAGES = 10;
const DEFAULT_SIBLINGS = 20;

export interface HubRepositoryOptions {
  client: HubClient;
  /** Omit (or null) to run network-only. */
  cache?: DriftCache | null;
  now?: () => number;
  /** The drift engine's README analysis (lib/drift `cardStatsFromReadme`). */
  cardStats: (readme: string, sha?: string) => CardStats;
  maxDepth?: number;
}

export interface LineageOptions {
  pageModel?: unknown;
  pageChildrenCount?: Partial<Record<Relation, number>>;
  maxDepth?: number;
  /**
   * Called once the parents the page's props name have answered, before the rest of the lineage (the
   * model's own call, older ancestors): enough for the license verdict.
   */
  onParents?: (model: HubModel, parents: Lineage['parents']) => void;
}

export interface HubRepository {
  /**
   * A model with its children counts and sha. `pageModel` is the raw `model` object of the page's
   * ModelHeader props: its fields win (they are as fresh as the page), and the model is recorded as viewed.
   */
  getModel(id: string, opts?: { pageModel?: unknown; pageChildrenCount?: Partial<Record<Relation, number>> }): Promise<HubResult<HubModel>>;
  /** Top children of one relation, most downloaded first; `maxPages` of 100 (default 3, at most 10). */
  getChildren(parentId: string, relation: Relation, opts?: { maxPages?: number }): Promise<HubResult<ChildrenSample>>;
  /** The first page (100, most downloaded first) of children of every relation: one request (family explorer). */
  getAllChildren(parentId: string): Promise<HubResult<{ models: HubModel[]; hasMore: boolean }>>;
  /** README statistics; pass the model's sha so the answer is cached for good. */
  getCardStats(id: string, sha?: string, opts?: { private?: boolean; path?: string }): Promise<HubResult<CardStats>>;
  getLineage(id: string, opts?: LineageOptions): Promise<HubResult<Lineage>>;
  /** The first parent's other children (one page); null when the model has no parent. */
  getSiblings(model: HubModel, opts?: { max?: number }): Promise<HubResult<SiblingsSample | null>>;
  /**
   * Models of a listing page's query mirrored to the API (`/api/models?…`): one request answers a whole
   * page of cards, cached like a children list.
   */
  getListing(url: string): Promise<HubResult<HubModel[]>>;
  /** Hub search; when the Hub cannot be reached the error carries matching cached models. */
  search(query: string, opts?: { limit?: number }): Promise<HubResult<HubModel[]>>;
  /** Offline search: substring match over cached and recently viewed model ids. */
  searchCached(query: string, limit?: number): Promise<HubModel[]>;
  recentModels(limit: number): Promise<HubModel[]>;
  /** Called after a background refresh stored newer data; returns an unsubscribe function. */
  onUpdate(listener: (update: HubUpdate) => void): () => void;
  /** Resolves once all background refreshes started so far have finished. */
  whenIdle(): Promise<void>;
  /**
   * Forgets what is cached about these models (info, children lists, card stats read from `main`), so the
   * next read asks the Hub: the user pressed refresh. Card stats of a known commit stay (they cannot change).
   */
  invalidate(ids: string[]): Promise<void>;
  cacheStats(): Promise<CacheStats>;
  clearCache(): Promise<void>;
  setTtl(ttl: Partial<TtlSettings>): void;
}

const NO_TTL: TtlSettings = { model: 0, children: 0, card: 0 };

function nullCache(): DriftCache {
  return {
    get: async () => undefined,
    put: async () => false,
    delete: async () => undefined,
    recent: async () => [],
    scan: async () => undefined,
    stats: async () => ({
      available: false,
      entries: 0,
      bytes: 0,
      maxBytes: 0,
      byKind: {
        model: { entries: 0, bytes: 0 },
        children: { entries: 0, bytes: 0 },
        card: { entries: 0, bytes: 0 },
        viewed: { entries: 0, bytes: 0 },
      },
    }),
    clear: async () => undefined,
    ttl: () => ({ ...NO_TTL }),
    setTtl: () => undefined,
    close: () => undefined,
  };
}

function fail<T>(error: HubError, cached?: { value: T; fetchedAt: number }): HubResult<T> {
  return cached ? { ok: false, error, cached } : { ok: false, error };
}

function badId<T>(id: string): HubResult<T> {
  return fail({ kind: 'bad-request', message: 'That is not a model id.', id });
}

function childrenKey(parentId: string, relation: Relation | null): string {
  return `${relation ?? 'any'}:${modelKey(parentId)}`;
}

function cardKey(id: string, sha?: string, path?: string): string {
  // Other text files (a NOTICE) are analysed like the README and cached beside it under their path.
  return `${modelKey(id)}@${sha ?? 'main'}${path === undefined ? '' : `#${path}`}`;
}

function chainEndReason(error: HubError): ChainEndReason {
  if (error.kind === 'not-found') return 'not-found';
  if (error.kind === 'gated') return 'gated';
  return 'error';
}

function sumCounts(counts: Partial<Record<Relation, number>>): number {
  return Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
}

export function createHubRepository(opts: HubRepositoryOptions): HubRepository {
  const { client, cardStats } = opts;
  const cache = opts.cache ?? nullCache();
  const now = opts.now ?? Date.now;
  const defaultDepth = Math.min(MAX_DEPTH_CAP, Math.max(1, opts.maxDepth ?? DEFAULT_MAX_DEPTH));
  const listeners = new Set<(update: HubUpdate) => void>();
  const refreshing = new Map<string, Promise<unknown>>();
  const loading = new Map<string, Promise<unknown>>();

  function emit(update: HubUpdate): void {
    for (const listener of listeners) {
      try {
        listener(update);
      } catch {
        // one broken view must not stop the others
      }
    }
  }

  /** Stores a fresh answer (models also under their canonical id when the request used an old name). */
  async function store<K extends CacheKind>(kind: K, key: string, value: CacheValues[K], fetchedAt: number) {
    await cache.put(kind, key, value, { fetchedAt });
    if (kind === 'model') {
      const canonical = modelKey((value as HubModel).id);
      if (canonical !== key) await cache.put(kind, canonical, value, { fetchedAt });
    }
  }

  /** One task per key in `tasks` at a time: a caller while it runs gets the same promise. */
  function oncePerKey<T>(tasks: Map<string, Promise<unknown>>, key: string, work: () => Promise<T>): Promise<T> {
    const pending = tasks.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const task = work().finally(() => tasks.delete(key));
    tasks.set(key, task);
    return task;
  }

  /** Runs a background refresh once per key; `work` stores and announces the result. */
  function refreshInBackground(key: string, work: () => Promise<void>): void {
    void oncePerKey(refreshing, key, () => work().catch(() => undefined));
  }

  /**
   * Stale-while-revalidate: fresh → cache; stale → cache now and refresh in the background; missing or
   * expired → network, and when that fails the error carries the expired value with its age. `save` stores
   * a fresh answer (by default under this key).
   */
  async function swr<K extends CacheKind>(
    kind: K,
    key: string,
    load: () => Promise<HubResult<CacheValues[K]>>,
    announce: (value: CacheValues[K], fetchedAt: number) => void,
    save: (value: CacheValues[K], fetchedAt: number) => Promise<void> = (value, fetchedAt) => store(kind, key, value, fetchedAt),
  ): Promise<HubResult<CacheValues[K]>> {
    const hit = await cache.get(kind, key);
    if (hit && !hit.expired) {
      if (hit.stale) {
        refreshInBackground(`${kind} ${key}`, async () => {
          const fresh = await load();
          if (!fresh.ok) return;
          await save(fresh.value, fresh.fetchedAt);
          announce(fresh.value, fresh.fetchedAt);
        });
      }
      return { ok: true, value: hit.value, fetchedAt: hit.fetchedAt, stale: hit.stale };
    }
    // One load per key until it is stored: a second caller that missed the cache while the first answer
    // was still on its way (or being stored) shares it instead of asking the Hub again.
    const result = await oncePerKey(loading, `${kind} ${key}`, async () => {
      const loaded = await load();
      if (loaded.ok) await save(loaded.value, loaded.fetchedAt);
      return loaded;
    });
    if (result.ok) return result;
    return hit ? fail(result.error, { value: hit.value, fetchedAt: hit.fetchedAt }) : result;
  }

  function fetchModel(id: string): Promise<HubResult<HubModel>> {
    return swr('model', modelKey(id), () => client.getModel(id), (value, fetchedAt) =>
      emit({ kind: 'model', id: value.id, value, fetchedAt }),
    );
  }

  function modelFromPage(pageModel: unknown, id: string): HubModel | null {
    const model = isHubModel(pageModel) ? (pageModel as HubModel) : parseModel(pageModel);
    return model && modelKey(model.id) === modelKey(id) ? model : null;
  }

  async function markViewed(model: HubModel): Promise<void> {
    await cache.put('viewed', modelKey(model.id), model);
  }

  async function getModel(
    id: string,
    modelOpts: { pageModel?: unknown; pageChildrenCount?: Partial<Record<Relation, number>> } = {},
  ): Promise<HubResult<HubModel>> {
    if (!isModelId(id)) return badId(id);
    const page = modelOpts.pageModel === undefined ? null : modelFromPage(modelOpts.pageModel, id);
    const result = await fetchModel(id);
    if (!page) return result;
    // The page is as fresh as it gets; the API adds what the props lack (sha, children counts).
    const base = result.ok ? result.value : result.cached?.value;
    const merged: HubModel = base ? { ...base, ...page } : page;
    // The page's Model tree is as fresh as the page, and stands in when the API call fails. The call is still
    // made: the file list (obligation checks) and the sha (the card at this revision) come only from it.
    if (modelOpts.pageChildrenCount) merged.childrenCount = modelOpts.pageChildrenCount;
    await markViewed(merged);
    if (result.ok) return { ok: true, value: merged, fetchedAt: result.fetchedAt, stale: result.stale };
    return { ok: true, value: merged, fetchedAt: now(), stale: false, lacking: result.error };
  }

  function mergeModels(into: HubModel[], more: HubModel[]): HubModel[] {
    const seen = new Set(into.map((m) => modelKey(m.id)));
    return [...into, ...more.filter((m) => !seen.has(modelKey(m.id)) && seen.add(modelKey(m.id)))];
  }

  /** Fetches pages until `maxPages`, starting over or continuing a cached entry's `next` link. */
  async function fetchChildren(
    parentId: string,
    relation: Relation | null,
    maxPages: number,
    from?: ChildrenEntry,
  ): Promise<HubResult<ChildrenEntry>> {
    let entry: ChildrenEntry = from ? { ...from } : { parentId, relation, models: [], pages: 0, hasMore: false };
    let target: string | { parentId: string; relation?: Relation } | undefined =
      from ? from.next : { parentId, relation: relation ?? undefined };
    let fetchedAt = now();
    while (target !== undefined && entry.pages < maxPages) {
      const page = await client.getChildrenPage(target);
      if (!page.ok) {
        if (entry.pages === 0) return fail(page.error);
        break; // keep the pages we have; `hasMore` and `next` still say that more exist
      }
      fetchedAt = page.fetchedAt;
      entry = {
        ...entry,
        models: mergeModels(entry.models, page.value.models),
        pages: entry.pages + 1,
        next: page.value.next,
        hasMore: page.value.hasMore,
      };
      target = page.value.next;
    }
    return { ok: true, value: entry, fetchedAt, stale: false };
  }

  async function childrenEntry(parentId: string, relation: Relation | null, maxPages: number): Promise<HubResult<ChildrenEntry>> {
    const key = childrenKey(parentId, relation);
    const hit = await cache.get('children', key);
    const enough = (e: ChildrenEntry) => e.pages >= maxPages || !e.hasMore;
    if (hit && !hit.expired && enough(hit.value)) {
      if (hit.stale) {
        refreshInBackground(`children ${key}`, async () => {
          const fresh = await fetchChildren(parentId, relation, Math.max(1, hit.value.pages));
          if (!fresh.ok) return;
          await store('children', key, fresh.value, fresh.fetchedAt);
          if (relation !== null) {
            const sample = await toSample(fresh.value, relation);
            emit({ kind: 'children', parentId, relation, value: sample, fetchedAt: fresh.fetchedAt });
          }
        });
      }
      return { ok: true, value: hit.value, fetchedAt: hit.fetchedAt, stale: hit.stale };
    }
    // A fresh entry with fewer pages than asked for is continued rather than fetched again.
    const continuable = hit && !hit.stale && !hit.expired && hit.value.next !== undefined ? hit.value : undefined;
    const result = await fetchChildren(parentId, relation, maxPages, continuable);
    if (result.ok) {
      const fetchedAt = continuable && hit ? hit.fetchedAt : result.fetchedAt;
      await store('children', key, result.value, fetchedAt);
      return { ...result, fetchedAt };
    }
    if (!hit) return result;
    // Fewer pages than asked for, but still servable: better than an error.
    if (!hit.expired) return { ok: true, value: hit.value, fetchedAt: hit.fetchedAt, stale: true };
    return fail(result.error, { value: hit.value, fetchedAt: hit.fetchedAt });
  }

  /** Children counts of a parent, from the cache only (never worth a request on its own). */
  async function cachedCounts(parentId: string): Promise<Partial<Record<Relation, number>> | undefined> {
    return (await cache.get('model', modelKey(parentId)))?.value.childrenCount;
  }

  async function toSample(entry: ChildrenEntry, relation: Relation): Promise<ChildrenSample> {
    const total = (await cachedCounts(entry.parentId))?.[relation];
    return {
      parentId: entry.parentId,
      relation,
      models: entry.models,
      ...(total !== undefined ? { total } : {}),
      sampled: entry.hasMore || (total !== undefined && entry.models.length < total),
      pages: entry.pages,
    };
  }

  function clampPages(n: number | undefined, fallback: number): number {
    return Math.min(MAX_CHILD_PAGES, Math.max(1, Math.floor(n ?? fallback)));
  }

  async function getChildren(parentId: string, relation: Relation, childOpts: { maxPages?: number } = {}) {
    if (!isModelId(parentId)) return badId<ChildrenSample>(parentId);
    if (!isRelation(relation)) return fail<ChildrenSample>({ kind: 'bad-request', message: 'Unknown relation.' });
    const result = await childrenEntry(parentId, relation, clampPages(childOpts.maxPages, DEFAULT_CHILD_PAGES));
    if (!result.ok) {
      const cached = result.cached ? { value: await toSample(result.cached.value, relation), fetchedAt: result.cached.fetchedAt } : undefined;
      return fail<ChildrenSample>({ ...result.error, id: parentId }, cached);
    }
    return { ...result, value: await toSample(result.value, relation) };
  }

  async function getAllChildren(parentId: string): Promise<HubResult<{ models: HubModel[]; hasMore: boolean }>> {
    if (!isModelId(parentId)) return badId(parentId);
    const result = await childrenEntry(parentId, null, 1);
    const pick = (e: ChildrenEntry) => ({ models: e.models, hasMore: e.hasMore });
    if (result.ok) return { ...result, value: pick(result.value) };
    return fail({ ...result.error, id: parentId }, result.cached ? { value: pick(result.cached.value), fetchedAt: result.cached.fetchedAt } : undefined);
  }

  async function getListing(url: string): Promise<HubResult<HubModel[]>> {
    const result = await swr(
      'children',
      `listing:${url}`,
      async (): Promise<HubResult<ChildrenEntry>> => {
        const page = await client.getChildrenPage(url);
        if (!page.ok) return fail(page.error);
        const entry: ChildrenEntry = { parentId: '', listing: url, relation: null, models: page.value.models, pages: 1, hasMore: page.value.hasMore };
        return { ok: true, value: entry, fetchedAt: page.fetchedAt, stale: false };
      },
      // Nobody subscribes to listings: a refreshed list shows on the next visit.
      () => undefined,
    );
    if (result.ok) return { ...result, value: result.value.models };
    return fail(result.error, result.cached ? { value: result.cached.value.models, fetchedAt: result.cached.fetchedAt } : undefined);
  }

  async function getCardStats(id: string, sha?: string, cardOpts: { private?: boolean; path?: string } = {}): Promise<HubResult<CardStats>> {
    if (!isModelId(id)) return badId(id);
    const path = cardOpts.path;
    const key = cardKey(id, sha, path);
    const load = async (): Promise<HubResult<CardStats>> => {
      const isPrivate = cardOpts.private ?? (await cache.get('model', modelKey(id)))?.value.private ?? false;
      const readme = await client.getReadme(id, path === undefined ? { private: isPrivate } : { private: isPrivate, path });
      if (!readme.ok) return fail(readme.error);
      const commit = readme.value.sha ?? sha;
      let stats: CardStats;
      try {
        stats = cardStats(readme.value.text, commit);
      } catch {
        return fail({ kind: 'malformed', message: 'The model card could not be analysed.', id });
      }
      // Stats of a known commit never change; anything else ages with the card TTL. Stored here, where
      // the commit the README came from is known.
      if (commit !== undefined) await cache.put('card', cardKey(id, commit, path), stats, { fetchedAt: readme.fetchedAt, immutable: true });
      if (commit !== sha) await cache.put('card', key, stats, { fetchedAt: readme.fetchedAt });
      return { ok: true, value: stats, fetchedAt: readme.fetchedAt, stale: false };
    };
    return swr(
      'card',
      key,
      load,
      // Only README updates are announced: views read them as the card's statistics.
      (value, fetchedAt) => (path === undefined ? emit({ kind: 'card', id, sha: value.sha ?? sha, value, fetchedAt }) : undefined),
      async () => undefined,
    );
  }

  async function getLineage(id: string, lineageOpts: LineageOptions = {}): Promise<HubResult<Lineage>> {
    // The page's props already name the parents: their calls go out first, so the license verdict needs one
    // round trip (a cold client's lone quota-probing request is one of them) and the model's own call runs
    // beside them instead of before them.
    const page = lineageOpts.pageModel === undefined || !isModelId(id) ? null : modelFromPage(lineageOpts.pageModel, id);
    const early = new Map<string, Promise<HubResult<HubModel>>>();
    for (const ref of page?.parents ?? []) if (!early.has(modelKey(ref.id))) early.set(modelKey(ref.id), fetchModel(ref.id));
    const onParents = lineageOpts.onParents;
    if (page && onParents && page.parents.length) {
      void Promise.all(page.parents.map(async (ref) => ({ ref, result: await early.get(modelKey(ref.id))! })))
        .then((parents) => onParents(page, parents))
        .catch(() => undefined);
    }
    const self = await getModel(id, { pageModel: lineageOpts.pageModel, pageChildrenCount: lineageOpts.pageChildrenCount });
    // Too old to serve silently, but when the Hub cannot answer, old data beats an error: the lineage is
    // built from it and handed back as the failure's `cached` value, with its age.
    const model = self.ok ? self.value : self.cached?.value;
    if (!model) return fail((self as { error: HubError }).error);
    if (lineageOpts.pageModel === undefined) await markViewed(model);
    const maxDepth = Math.min(MAX_DEPTH_CAP, Math.max(1, Math.floor(lineageOpts.maxDepth ?? defaultDepth)));
    let oldest = self.ok ? self.fetchedAt : self.cached!.fetchedAt;
    let stale = self.ok ? self.stale : true;
    const note = (r: HubResult<HubModel>) => {
      if (r.ok) {
        oldest = Math.min(oldest, r.fetchedAt);
        stale ||= r.stale;
      }
    };

    const parents = await Promise.all(
      model.parents.map(async (ref) => {
        const result = await (early.get(modelKey(ref.id)) ?? fetchModel(ref.id));
        note(result);
        return { ref, result };
      }),
    );

    const chain: ChainLink[] = [];
    const visited = new Set([modelKey(model.id)]);
    let nextRef: ParentRef | undefined = model.parents[0];
    let chainEnd: Lineage['chainEnd'] = { reason: 'root' };
    while (nextRef) {
      const ref: ParentRef = nextRef;
      if (visited.has(modelKey(ref.id))) {
        chainEnd = { reason: 'cycle', at: ref.id };
        break;
      }
      if (chain.length >= maxDepth) {
        chainEnd = { reason: 'depth-cap', at: ref.id };
        break;
      }
      visited.add(modelKey(ref.id));
      const result = chain.length === 0 ? parents[0].result : await fetchModel(ref.id);
      if (chain.length > 0) note(result);
      // An expired cache entry is still better than a broken chain when the Hub cannot be reached.
      const ancestor = result.ok ? result.value : result.cached?.value;
      if (!ancestor) {
        chain.push({ id: ref.id, relation: ref.relation });
        const error = (result as { error: HubError }).error;
        chainEnd = { reason: chainEndReason(error), at: ref.id, error };
        break;
      }
      chain.push({ id: ancestor.id, relation: ref.relation, model: ancestor });
      visited.add(modelKey(ancestor.id));
      nextRef = ancestor.parents[0];
    }

    const lineage: Lineage = {
      model,
      parents,
      chain,
      chainEnd,
      ...(model.childrenCount ? { childrenCount: model.childrenCount } : {}),
    };
    if (!self.ok) return fail(self.error, { value: lineage, fetchedAt: oldest });
    return { ok: true, value: lineage, fetchedAt: oldest, stale, ...(self.lacking ? { lacking: self.lacking } : {}) };
  }

  async function getSiblings(model: HubModel, sibOpts: { max?: number } = {}): Promise<HubResult<SiblingsSample | null>> {
    const parent = model.parents[0];
    if (!parent) return { ok: true, value: null, fetchedAt: now(), stale: false };
    const relation = isRelation(parent.relation) ? parent.relation : null;
    const max = Math.max(0, Math.floor(sibOpts.max ?? DEFAULT_SIBLINGS));
    const result = await childrenEntry(parent.id, relation, 1);
    const build = async (entry: ChildrenEntry): Promise<SiblingsSample> => {
      const others = entry.models.filter((m) => modelKey(m.id) !== modelKey(model.id));
      const counts = await cachedCounts(parent.id);
      const all = counts === undefined ? undefined : relation ? counts[relation] : sumCounts(counts);
      const total = all === undefined ? undefined : Math.max(0, all - 1);
      const models = others.slice(0, max);
      return {
        modelId: model.id,
        parentId: parent.id,
        relation: parent.relation,
        models,
        ...(total !== undefined ? { total } : {}),
        sampled: entry.hasMore || models.length < others.length || (total !== undefined && models.length < total),
      };
    };
    if (!result.ok) {
      const cached = result.cached ? { value: await build(result.cached.value), fetchedAt: result.cached.fetchedAt } : undefined;
      return fail({ ...result.error, id: parent.id }, cached);
    }
    return { ...result, value: await build(result.value) };
  }

  async function searchCacheEntries(query: string, limit = 20): Promise<{ model: HubModel; fetchedAt: number }[]> {
    const needle = query.trim().toLowerCase();
    if (needle === '' || limit <= 0) return [];
    const found = new Map<string, { model: HubModel; fetchedAt: number }>();
    for (const kind of ['viewed', 'model'] as const) {
      await cache.scan(kind, (model, fetchedAt) => {
        const key = modelKey(model.id);
        if (key.includes(needle) && !found.has(key)) found.set(key, { model, fetchedAt });
      });
    }
    return [...found.values()].sort((a, b) => (b.model.downloads ?? 0) - (a.model.downloads ?? 0)).slice(0, limit);
  }

  async function searchCached(query: string, limit = 20): Promise<HubModel[]> {
    return (await searchCacheEntries(query, limit)).map((entry) => entry.model);
  }

  return {
    getModel,
    getChildren,
    getAllChildren,
    getListing,
    getCardStats,
    getLineage,
    getSiblings,

    async search(query, searchOpts = {}) {
      const result = await client.search(query, searchOpts);
      if (result.ok) return result;
      const cached = await searchCacheEntries(query, searchOpts.limit);
      if (cached.length === 0) return result;
      const oldest = Math.min(...cached.map((entry) => entry.fetchedAt));
      return fail(result.error, { value: cached.map((entry) => entry.model), fetchedAt: oldest });
    },

    searchCached,

    async recentModels(limit) {
      return (await cache.recent('viewed', limit)).map((entry) => entry.value);
    },

    onUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async whenIdle() {
      while (refreshing.size > 0) await Promise.all(refreshing.values());
    },

    cacheStats: () => cache.stats(),
    clearCache: () => cache.clear(),
    async invalidate(ids) {
      for (const id of ids.filter(isModelId)) {
        await cache.delete('model', modelKey(id));
        await cache.delete('card', cardKey(id));
        for (const relation of [...RELATIONS, null]) await cache.delete('children', childrenKey(id, relation));
      }
    },
    setTtl: (ttl) => cache.setTtl(ttl),
  };
}
