// @vitest-environment node
// The family explorer's crawl against the offline Hub: the real repository, client and IndexedDB cache.
// Requests are counted where the Hub sees them (a README is the resolve call plus its redirect hop).
import { beforeEach, describe, expect, it } from 'vitest';
import { crawlFamily } from '../../../lib/report/family-crawl';
import type { CrawlProgress, FamilyCrawlPush, FamilyNode } from '../../../lib/report/family-crawl-types';
import { listRequests, useHarness, type Harness } from './support';

const SKY = 'skyforge/Sky-Chat-8B';
const ROOT = 'meta-llama/Llama-3.1-8B';
const INSTRUCT = 'meta-llama/Llama-3.1-8B-Instruct';
const DEEPFAM = 'deepfam/root-2b';

const harness = useHarness();
let h: Harness;
beforeEach(() => {
  h = harness();
});

interface Crawl {
  nodes: Map<string, FamilyNode>;
  progress: CrawlProgress;
  root?: string;
  path?: string[];
  pushes: number;
  hubRequests: number;
  explored: string[];
}

async function crawl(id: string, budget: number): Promise<Crawl> {
  const from = h.hub.requests.length;
  const out: Crawl = { nodes: new Map(), progress: undefined as unknown as CrawlProgress, pushes: 0, hubRequests: 0, explored: [] };
  await crawlFamily(h.repo, { id, budget, now: () => ++h.clock.t }, (push: FamilyCrawlPush) => {
    out.pushes++;
    if (push.root) out.root = push.root;
    if (push.path) out.path = push.path;
    for (const n of push.nodes) out.nodes.set(n.id, n);
    out.progress = push.progress;
  });
  const requests = h.hub.requests.slice(from).filter((r) => r.kind === 'api' || r.kind === 'resolvers');
  out.hubRequests = requests.length;
  out.explored = listRequests(requests.filter((r) => r.pathname === '/api/models'))
    .map((url) => url.searchParams.get('filter') ?? '')
    .map((filter) => filter.replace(/^base_model:/, ''));
  return out;
}

describe('crawling the Llama family from skyforge/Sky-Chat-8B', () => {
  it('finds the root through the ancestor chain and explores breadth-first, the path first, then most downloaded first', async () => {
    const result = await crawl(SKY, 25);
    expect(result.root).toBe(ROOT);
    expect(result.path).toEqual([ROOT, INSTRUCT, SKY]);
    expect(result.explored[0]).toBe(ROOT);
    expect(result.explored[1]).toBe(INSTRUCT);
    // Generations never go back up while exploring, and within a generation (after the path model)
    // downloads never increase.
    const gens = result.explored.map((id) => result.nodes.get(id)!.generation);
    expect(gens).toEqual([...gens].sort((a, b) => a - b));
    const onPath = new Set(result.path);
    for (let i = 1; i < result.explored.length; i++) {
      const a = result.nodes.get(result.explored[i - 1])!;
      const b = result.nodes.get(result.explored[i])!;
      if (a.generation === b.generation && !onPath.has(a.id) && !onPath.has(b.id)) expect(b.downloads ?? 0).toBeLessThanOrEqual(a.downloads ?? 0);
    }
    // Every list asked for all relations at once.
    expect(result.explored.every((id) => !/^(finetune|adapter|quantized|merge):/.test(id))).toBe(true);
    // The relicensed fine-tune sits under its parent, one generation below it.
    expect(result.nodes.get(SKY)).toMatchObject({ via: INSTRUCT, generation: 2, licenses: ['apache-2.0'] });
  });

  it('never spends more than the budget: 25 → at most 25 requests at the Hub, an honest stop at the budget', async () => {
    const result = await crawl(SKY, 25);
    expect(result.progress).toMatchObject({ state: 'stopped', reason: 'budget', budget: 25 });
    expect(result.progress.used).toBeLessThanOrEqual(25);
    expect(result.hubRequests).toBeLessThanOrEqual(25);
    // The count the user sees is what the Hub saw.
    expect(result.progress.requests).toBe(result.hubRequests);
    expect(result.progress.models).toBe(result.nodes.size);
    expect(result.progress.generations).toBeGreaterThanOrEqual(4);
    expect(result.progress.frontier).toBeGreaterThan(0);
    expect(result.progress.cards).toBeGreaterThan(0);
  });

  it('costs nothing on a second visit within the TTL (same budget, browser restarted) and finds the same family', async () => {
    const first = await crawl(SKY, 25);
    h.restart({ keepCache: true });
    const second = await crawl(SKY, 25);
    expect(second.hubRequests).toBe(0);
    expect(second.progress.requests).toBe(0);
    expect(second.progress.used).toBe(first.progress.used);
    expect([...second.nodes.keys()].sort()).toEqual([...first.nodes.keys()].sort());
  });

  it('a larger budget continues where the last crawl stopped: nothing already read is asked again', async () => {
    const first = await crawl(SKY, 25);
    const larger = await crawl(SKY, 100);
    expect(larger.hubRequests).toBeLessThanOrEqual(100 - first.progress.used + 0);
    const again = larger.explored.filter((id) => first.explored.includes(id));
    expect(again).toEqual([]);
    expect(larger.nodes.size).toBeGreaterThan(first.nodes.size);
    for (const id of first.nodes.keys()) expect(larger.nodes.has(id)).toBe(true);
    expect(larger.progress.explored).toBeGreaterThan(first.progress.explored);
  });

  it('with 250 the Llama family shows a few hundred models over at least five generations, still within the budget', async () => {
    const result = await crawl(SKY, 250);
    expect(result.nodes.size).toBeGreaterThan(250);
    expect(result.progress.generations).toBeGreaterThanOrEqual(5);
    expect(result.hubRequests).toBeLessThanOrEqual(250);
    expect(result.progress.used).toBeLessThanOrEqual(250);
  }, 30_000);

  it('a family smaller than the budget ends complete: every model explored', async () => {
    const result = await crawl('pocketlab/gemma-2-2b-it-mit', 100);
    expect(result.progress).toMatchObject({ state: 'done', reason: 'complete', frontier: 0 });
    expect([...result.nodes.values()].every((n) => n.explored)).toBe(true);
    expect(result.progress.explored).toBe(result.nodes.size);
  });
});

describe('a 2,085-model family', () => {
  it('is found within a budget of 250 requests, which is where the crawl stops', async () => {
    const result = await crawl(DEEPFAM, 250);
    expect(result.nodes.size).toBe(2085);
    expect(result.hubRequests).toBeLessThanOrEqual(250);
    expect(result.progress).toMatchObject({ state: 'stopped', reason: 'budget' });
  }, 60_000);
});

describe('failures', () => {
  it('offline: an error state that says so, with what was found so far', async () => {
    await crawl(SKY, 25); // warm the lineage
    h.restart({ keepCache: true });
    h.network.offline = true;
    const result = await crawl(SKY, 100);
    expect(result.progress).toMatchObject({ state: 'error', reason: 'offline' });
    expect(result.nodes.size).toBeGreaterThan(3);
  });
});
