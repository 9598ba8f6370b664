// The family explorer's crawl, run in the background: find the family's root through the data layer's
// ancestor chain, then read children lists breadth-first (one request per explored model, every relation
// at once, most-downloaded models first within a generation), then a README sample per generation for the
// card-length figure — all within a budget the user picked.
//
// Budget: each children list costs 1 and each README 2 (the resolve call and its redirect), whether it
// comes from the Hub or from the cache. So the same family with the same budget always explores the same
// models in the same order: a second visit within the cache's lifetime reads everything from IndexedDB
// (0 requests), and a larger budget replays the cached part for free and continues where the last crawl
// stopped. `requests` counts what really went to the Hub (never more than `used`).
import { modelKey } from '../hub/parse';
import type { HubRepository } from '../hub/repository';
import type { HubError, HubModel, HubResult, ParentRelation } from '../hub/types';
import {
  MAX_CRAWL_BUDGET,
  type CrawlEndReason,
  type CrawlProgress,
  type FamilyAnomaly,
  type FamilyCrawlPush,
  type FamilyNode,
} from './family-crawl-types';

/** Share of the budget kept for READMEs (card length per generation). */
const CARD_SHARE = 0.2;
const README_COST = 2;
const LIST_COST = 1;
/** READMEs per generation at most. */
const CARDS_PER_GENERATION = 6;
/** Models kept at most (250 lists × 100 children fit; this only guards absurd input). */
const MAX_NODES = 30_000;

export interface CrawlOptions {
  id: string;
  budget: number;
  signal?: AbortSignal;
  now?: () => number;
}

function nodeOf(model: HubModel, generation: number, via?: { id: string; relation: ParentRelation }): FamilyNode {
  const announced = model.childrenCount ? Object.values(model.childrenCount).reduce((s, n) => s + (n ?? 0), 0) : undefined;
  return {
    id: model.id,
    generation,
    ...(via ? { via: via.id, relation: via.relation } : {}),
    parents: model.parents.map((p) => ({ id: p.id, relation: p.relation })),
    downloads: model.downloads,
    licenses: model.licenses,
    ...(model.licenseName ? { licenseName: model.licenseName } : {}),
    ...(model.licenseLink ? { licenseLink: model.licenseLink } : {}),
    languages: model.languages,
    task: model.pipelineTag,
    library: model.libraryName,
    gated: model.gated,
    ...(announced !== undefined ? { announced } : {}),
  };
}

/** Most downloaded first, then by id: the same cached data always gives the same order. */
function byDownloads(a: FamilyNode, b: FamilyNode): number {
  return (b.downloads ?? 0) - (a.downloads ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function budgetOf(requested: unknown): number {
  const n = typeof requested === 'number' && Number.isFinite(requested) ? Math.floor(requested) : 0;
  return Math.min(MAX_CRAWL_BUDGET, Math.max(1, n));
}

export async function crawlFamily(repo: HubRepository, options: CrawlOptions, emit: (push: FamilyCrawlPush) => void): Promise<void> {
  const { signal } = options;
  const now = options.now ?? Date.now;
  const budget = budgetOf(options.budget);
  const cardReserve = Math.floor((budget * CARD_SHARE) / README_COST) * README_COST;
  const listBudget = budget - cardReserve;

  const nodes = new Map<string, FamilyNode>();
  const anomalies: FamilyAnomaly[] = [];
  const dirty = new Set<string>();
  let newAnomalies: FamilyAnomaly[] = [];
  const progress: CrawlProgress = { state: 'running', budget, used: 0, requests: 0, models: 0, generations: 0, explored: 0, frontier: 0, cards: 0 };
  let first: { root: string; path: string[] } | undefined;

  const put = (node: FamilyNode) => {
    nodes.set(modelKey(node.id), node);
    dirty.add(modelKey(node.id));
  };
  const note = (anomaly: FamilyAnomaly) => {
    if (anomalies.some((a) => a.kind === anomaly.kind && a.id === anomaly.id)) return;
    anomalies.push(anomaly);
    newAnomalies.push(anomaly);
  };
  const push = () => {
    let generations = 0;
    let explored = 0;
    let cards = 0;
    for (const n of nodes.values()) {
      generations = Math.max(generations, n.generation + 1);
      if (n.explored || n.error) explored++;
      if (n.cardLength !== undefined) cards++;
    }
    Object.assign(progress, { models: nodes.size, generations, explored, cards, frontier: nodes.size - explored });
    const changed = [...dirty].map((k) => nodes.get(k)!).filter(Boolean);
    dirty.clear();
    const out: FamilyCrawlPush = { nodes: changed, anomalies: newAnomalies, progress: { ...progress }, ...(first ? { root: first.root, path: first.path } : {}) };
    first = undefined;
    newAnomalies = [];
    emit(out);
  };
  const finish = (state: CrawlProgress['state'], reason: CrawlEndReason, extra: Partial<CrawlProgress> = {}) => {
    Object.assign(progress, { state, reason, ...extra });
    push();
  };
  /** Whether an answer came from the Hub just now (or will trigger a background refresh). */
  const fromHub = (result: HubResult<unknown>, startedAt: number) =>
    result.ok ? result.stale || result.fetchedAt >= startedAt : !result.cached || result.cached.fetchedAt >= startedAt;
  const failure = (error: HubError): boolean => {
    if (error.kind === 'rate-limited') {
      finish('error', 'rate-limited', { retryAt: error.retryAt, message: error.message });
      return true;
    }
    if (error.kind === 'offline' || error.kind === 'timeout') {
      finish('error', 'offline', { message: error.message });
      return true;
    }
    return false;
  };

  // ---- the root, through the ancestor chain -------------------------------------------------
  const startedAt = now();
  const lineageResult = await repo.getLineage(options.id);
  if (signal?.aborted) return finish('stopped', 'user');
  const lineage = lineageResult.ok ? lineageResult.value : lineageResult.cached?.value;
  if (!lineage) {
    const error = (lineageResult as { error: HubError }).error;
    if (failure(error)) return;
    return finish('error', 'error', { message: error.message });
  }
  // One expand call for the model, each direct parent and each further ancestor: charged as an upper bound.
  const lineageCost = 1 + lineage.parents.length + Math.max(0, lineage.chain.length - 1);
  progress.used += lineageCost;
  if (fromHub(lineageResult, startedAt)) progress.requests += lineageCost;

  // chain: first parent … furthest reachable ancestor. The root is the last one read.
  const reachable = lineage.chain.filter((link) => link.model);
  const pathModels: HubModel[] = [...reachable.map((l) => l.model!).reverse(), lineage.model];
  const end = lineage.chainEnd;
  if (end.reason === 'cycle') note({ kind: 'cycle', id: end.at ?? options.id, detail: `The base_model links loop back to ${end.at}: the family is drawn from the last model before the loop.` });
  if (end.reason === 'not-found') note({ kind: 'missing', id: end.at ?? '', detail: `${end.at} is missing from the Hub: the family is drawn from its child.` });
  if (end.reason === 'gated') note({ kind: 'gated', id: end.at ?? '', detail: `${end.at} is gated: the family is drawn from the last readable ancestor.` });
  // Pure-cycle chains can repeat the model itself: keep each model once.
  const seenPath = new Set<string>();
  const path = pathModels.filter((m) => !seenPath.has(modelKey(m.id)) && seenPath.add(modelKey(m.id)));
  path.forEach((model, i) => {
    const parent = i > 0 ? path[i - 1] : undefined;
    const ref = parent ? model.parents.find((p) => modelKey(p.id) === modelKey(parent.id)) : undefined;
    put(nodeOf(model, i, parent ? { id: parent.id, relation: ref?.relation ?? 'unknown' } : undefined));
  });
  const onPath = new Set(path.map((m) => modelKey(m.id)));
  first = { root: path[0].id, path: path.map((m) => m.id) };
  push();

  // ---- breadth-first, most downloaded first within a generation, the path first -------------
  const ancestorsOf = (key: string): Set<string> => {
    const seen = new Set<string>();
    let current = nodes.get(key);
    while (current?.via && !seen.has(modelKey(current.via))) {
      seen.add(modelKey(current.via));
      current = nodes.get(modelKey(current.via));
    }
    return seen;
  };
  const order = (a: FamilyNode, b: FamilyNode) => Number(onPath.has(modelKey(b.id))) - Number(onPath.has(modelKey(a.id))) || byDownloads(a, b);

  let current: FamilyNode[] = [nodes.get(modelKey(path[0].id))!];
  let next: FamilyNode[] = [];
  let generation = 0;
  let stoppedAtBudget = false;
  for (;;) {
    if (signal?.aborted) return finish('stopped', 'user');
    if (current.length === 0) {
      generation++;
      // Path models were placed up front: they are explored in their generation even when no list named them.
      for (const n of nodes.values()) if (n.generation === generation && onPath.has(modelKey(n.id)) && !n.explored && !next.some((m) => m.id === n.id)) next.push(n);
      if (next.length === 0) break;
      current = next.sort(order);
      next = [];
      continue;
    }
    const node = current.shift()!;
    const key = modelKey(node.id);
    if (node.explored || node.error) continue;
    if (progress.used + LIST_COST > listBudget) {
      stoppedAtBudget = true;
      break;
    }
    const t0 = now();
    const result = await repo.getAllChildren(node.id);
    if (signal?.aborted) return finish('stopped', 'user');
    progress.used += LIST_COST;
    if (fromHub(result, t0)) progress.requests += LIST_COST;
    const list = result.ok ? result.value : result.cached?.value;
    if (!list) {
      const error = (result as { error: HubError }).error;
      if (failure(error)) return;
      put({ ...node, error: error.kind });
      note({ kind: 'list-error', id: node.id, detail: `The children of ${node.id} could not be listed (${error.kind}).` });
      push();
      continue;
    }
    const updated: FamilyNode = { ...node, explored: true, listed: list.models.length, more: list.hasMore };
    put(updated);
    if (list.hasMore) {
      note({ kind: 'truncated', id: node.id, detail: `${node.id} has more children than the ${list.models.length} most downloaded listed${node.announced ? ` (${node.announced} announced)` : ''}.` });
    }
    const ancestors = ancestorsOf(key);
    for (const child of list.models) {
      const childKey = modelKey(child.id);
      if (childKey === key) {
        note({ kind: 'self-parent', id: child.id, detail: `${child.id} names itself as its base model.` });
        continue;
      }
      if (ancestors.has(childKey)) {
        note({ kind: 'cycle', id: child.id, detail: `${child.id} is listed as a child of ${node.id}, its own descendant: a base_model cycle (not drawn twice).` });
        continue;
      }
      const known = nodes.get(childKey);
      if (known) {
        // A second parent inside the family (a merge), or a path model found through its first parent.
        if (onPath.has(childKey) && !known.via && generation + 1 === known.generation) put({ ...known, via: node.id });
        continue;
      }
      if (nodes.size >= MAX_NODES) {
        note({ kind: 'truncated', id: node.id, detail: `The family is larger than ${MAX_NODES} models: the rest is not drawn.` });
        break;
      }
      const ref = child.parents.find((p) => modelKey(p.id) === key);
      const added = nodeOf(child, generation + 1, { id: node.id, relation: ref?.relation ?? 'unknown' });
      put(added);
      next.push(added);
    }
    push();
  }

  // ---- README sample per generation (round robin, most downloaded first) ----------------------
  const byGeneration = new Map<number, FamilyNode[]>();
  for (const n of nodes.values()) {
    const list = byGeneration.get(n.generation) ?? [];
    list.push(n);
    byGeneration.set(n.generation, list);
  }
  const queues = [...byGeneration.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list.sort(byDownloads).slice(0, CARDS_PER_GENERATION));
  const sample: FamilyNode[] = [];
  for (let round = 0; round < CARDS_PER_GENERATION; round++) for (const q of queues) if (q[round]) sample.push(q[round]);
  for (const node of sample) {
    if (signal?.aborted) return finish('stopped', 'user');
    if (progress.used + README_COST > budget) {
      stoppedAtBudget = true;
      break;
    }
    const t0 = now();
    const result = await repo.getCardStats(node.id, undefined, { private: false });
    progress.used += README_COST;
    if (fromHub(result, t0)) progress.requests += README_COST;
    const stats = result.ok ? result.value : result.cached?.value;
    if (!stats) {
      if (failure((result as { error: HubError }).error)) return;
      continue;
    }
    const latest = nodes.get(modelKey(node.id))!;
    if (stats.length > 0) put({ ...latest, cardLength: stats.length, autoGenerated: stats.autoGenerated });
    push();
  }

  const unexplored = [...nodes.values()].some((n) => !n.explored && !n.error);
  if (unexplored || stoppedAtBudget) finish('stopped', 'budget');
  else finish('done', 'complete');
}
