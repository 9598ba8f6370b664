// @vitest-environment node
// The panel's ModelReport as a user sees it, built by the real repository (client + IndexedDB cache) and
// drift engine against the offline Hub's fixtures.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ModelReport } from '../../../lib/report/types';
import { buildModelReport } from '../../../lib/report/build';
import { licenseVerdict } from '../../../lib/report/verdict';
import { build, costOf, HOUR, pageModel, START, useHarness, type Harness } from './support';

const SKY = 'skyforge/Sky-Chat-8B';
const INSTRUCT = 'meta-llama/Llama-3.1-8B-Instruct';
const BASE = 'meta-llama/Llama-3.1-8B';

const harness = useHarness();
let h: Harness;
beforeEach(() => {
  h = harness();
});

function first(reports: ModelReport[]): ModelReport {
  expect(reports.length).toBeGreaterThan(0);
  return reports[0];
}

function last(reports: ModelReport[]): ModelReport {
  expect(reports.length).toBeGreaterThan(0);
  return reports[reports.length - 1];
}

describe('a fine-tune that relaxed its license: skyforge/Sky-Chat-8B', () => {
  it('shows the parent, the relaxed license with the Llama obligation, narrowed languages and the chain to the root', async () => {
    const props = await pageModel(h.hub, SKY);
    const reports = await build(h.repo, { id: SKY, pageModel: props });
    // The early verdict, the full report, the family.
    expect(reports.map((r) => [r.state, r.partial])).toEqual([['loading', 'verdict'], ['ready', undefined], ['ready', undefined]]);

    const report = reports[1];
    expect(report).toMatchObject({ id: SKY, state: 'ready', stale: false, fetchedAt: START, familyPending: true });
    expect(report.error).toBeUndefined();
    expect(report.parents.map((p) => [p.id, p.relation])).toEqual([[INSTRUCT, 'finetune']]);

    const parent = report.parents[0];
    expect(parent.error).toBeUndefined();
    expect(parent.diff?.license.kind).toBe('relaxed');
    expect(parent.diff?.license.obligations.some((o) => /Llama/.test(o))).toBe(true);
    const row = (trait: string) => parent.diff!.rows.find((r) => r.trait === trait)!;
    expect(row('license').change).toBe('relaxed');
    expect(row('languages').change).toBe('narrowed');
    expect(parent.diff?.languages.toEnglishOnly).toBe(true);
    expect(report.summary?.flags).toEqual(expect.arrayContaining(['license-relaxed', 'language-narrowed']));
    expect(report.summary?.headline).toMatch(/^License relaxed/);

    // Where to read the parent's license: always a web link, never a script.
    expect(parent.licenseUrl).toMatch(/^https:\/\//);
    expect(new URL(parent.licenseUrl!).protocol).toBe('https:');

    expect(report.chain.map((c) => [c.id, c.relation])).toEqual([
      [INSTRUCT, 'finetune'],
      [BASE, 'finetune'],
    ]);
    expect(report.chain.map((c) => c.licenses)).toEqual([['llama3.1'], ['llama3.1']]);
    expect(report.chainEnd).toEqual({ reason: 'root', at: BASE });
    expect(report.childrenCount).toEqual(h.hub.snapshot.childrenCount(SKY));
  });

  it('then adds the sibling similarity and the parent family, and stops saying "pending"', async () => {
    const reports = await build(h.repo, { id: SKY });
    const done = last(reports);
    expect(done.familyPending).toBe(false);
    expect(done.similarity).toBeDefined();
    expect(done.similarity!.withSiblings.n).toBeGreaterThan(0);
    expect(['siblings-closer', 'parent-closer', 'equal']).toContain(done.similarity!.verdict);
    expect(done.parentFamily).toMatchObject({ relation: 'finetune', sampled: true });
    // Never claims the whole family when it looked at a sample.
    expect(done.parentFamily!.stats.total).toBe(h.hub.snapshot.childrenCount(INSTRUCT).finetune);
    expect(done.notices.some((n) => /sample/.test(n))).toBe(true);
    // The first emit's content is kept.
    expect(done.parents).toEqual(reports[0].parents);
    expect(done.chainEnd).toEqual(reports[0].chainEnd);
  });

  it('costs exactly the minimum cold (model, 2 ancestors, 2 READMEs with their hops, 1 siblings page) and nothing warm', async () => {
    const props = await pageModel(h.hub, SKY);
    h.hub.resetRequests();
    const cold = await build(h.repo, { id: SKY, pageModel: props });
    expect(costOf(h.hub.requests)).toEqual({ api: 4, readmes: 2, hops: 2, all: 8 });
    const paths = h.hub.requests.map((r) => decodeURIComponent(r.pathname)).sort();
    expect(paths).toEqual(
      [
        `/api/models/${SKY}`,
        `/api/models/${INSTRUCT}`,
        `/api/models/${BASE}`,
        '/api/models', // one children page of the parent: the siblings
        `/${SKY}/resolve/main/README.md`,
        `/${INSTRUCT}/resolve/main/README.md`,
        ...h.hub.requests.filter((r) => r.pathname.startsWith('/api/resolve-cache/')).map((r) => decodeURIComponent(r.pathname)),
      ].sort(),
    );
    expect(h.hub.requests.filter((r) => r.pathname.startsWith('/api/resolve-cache/'))).toHaveLength(2);

    h.hub.resetRequests();
    h.clock.t += HOUR;
    const warm = await build(h.repo, { id: SKY, pageModel: props });
    expect(h.hub.requests).toEqual([]);
    expect(warm.map((r) => r.parents)).toEqual(cold.map((r) => r.parents));

    // The background (service worker) restarts: IndexedDB still answers everything.
    h.restart({ keepCache: true });
    const afterRestart = await build(h.repo, { id: SKY, pageModel: props });
    expect(h.hub.requests).toEqual([]);
    expect(last(afterRestart).similarity).toEqual(last(cold).similarity);
  });

  it('offline after a warm visit: the old data comes back marked stale with its age, not an error', async () => {
    await build(h.repo, { id: SKY });
    h.clock.t += 13 * HOUR; // model info is older than its 12 h lifetime
    h.restart({ keepCache: true });
    h.network.offline = true;

    const reports = await build(h.repo, { id: SKY });
    await h.repo.whenIdle();
    for (const report of reports) {
      expect(report.state).toBe('stale');
      expect(report.stale).toBe(true);
      expect(report.fetchedAt).toBe(START);
      expect(report.error).toBeUndefined();
    }
    expect(first(reports).parents[0].diff?.license.kind).toBe('relaxed');
    expect(last(reports).similarity).toBeDefined();
  });

  it('offline with data older than 30 days: still shown, marked stale, not replaced by an error', async () => {
    await build(h.repo, { id: SKY });
    h.clock.t += 31 * 24 * HOUR; // past the cache's "serve silently" limit: the network is tried first
    h.restart({ keepCache: true });
    h.network.offline = true;

    const report = first(await build(h.repo, { id: SKY }));
    await h.repo.whenIdle();
    expect(h.network.fetches).toBeGreaterThan(0); // the Hub was tried before falling back
    expect(report.state).toBe('stale');
    expect(report.stale).toBe(true);
    expect(report.fetchedAt).toBe(START);
    expect(report.parents.map((p) => p.id)).toEqual([INSTRUCT]);
  });
});

describe('the license verdict comes first, from the page and one round trip', () => {
  /** Reports as emitted, each with the Hub paths requested by then. */
  async function emitted(id: string) {
    const props = await pageModel(h.hub, id);
    h.hub.resetRequests();
    const seen: { report: ModelReport; requested: string[] }[] = [];
    await buildModelReport(h.repo, { id, pageModel: props }, (report) =>
      seen.push({ report: structuredClone(report), requested: h.hub.requests.map((r) => decodeURIComponent(r.pathname)) }),
    );
    return seen;
  }

  it('Sky-Chat: the parent is asked first, and the relaxation is reported before any README or older ancestor', async () => {
    const [early, full] = await emitted(SKY);
    expect(early.report).toMatchObject({ state: 'loading', partial: 'verdict' });
    expect(licenseVerdict(early.report)).toBe('relaxed');
    expect(early.report.parents[0].diff?.license.kind).toBe('relaxed');
    // Metadata drift is there; what needs the cards is not claimed yet.
    expect(early.report.summary?.flags).toEqual(expect.arrayContaining(['license-relaxed', 'language-narrowed']));
    expect(early.report.summary?.flags).not.toContain('card-shrank');
    expect(early.requested[0]).toBe(`/api/models/${INSTRUCT}`);
    expect(early.requested.filter((p) => p.includes('/resolve/') || p === `/api/models/${BASE}`)).toEqual([]);
    // The full report agrees with the early verdict.
    expect(full.report.state).toBe('ready');
    expect(licenseVerdict(full.report)).toBe('relaxed');
    expect(full.report.parents[0].diff?.license).toEqual(early.report.parents[0].diff?.license);
  });

  it('a faithful fine-tune gets the verdict "same" early, a vanished parent "unknown", a merge both parents', async () => {
    const [northwind] = await emitted('northwind/Llama-3.1-8B-Instruct-Support');
    expect([northwind.report.partial, licenseVerdict(northwind.report)]).toEqual(['verdict', 'same']);
    const [orphan] = await emitted('orphan-works/orphan-7b-ft');
    expect([orphan.report.partial, licenseVerdict(orphan.report)]).toEqual(['verdict', 'unknown']);
    expect(orphan.report.parents[0]).toMatchObject({ id: 'vanished-org/vanished-7b', error: { kind: 'not-found' } });
    const [merge] = await emitted('mergekit-fans/Llama-3.1-SkyNorth-Merge-8B');
    expect(merge.report.parents.map((p) => p.diff?.license.kind)).toEqual(['relaxed', 'same']);
    expect(licenseVerdict(merge.report)).toBe('relaxed');
  });

  it('without the page\'s props (the popup) there is no early report: the parents are not known before the model', async () => {
    const reports = await build(h.repo, { id: SKY });
    expect(reports.some((r) => r.partial)).toBe(false);
  });

  it('a root model has no early report to make (the full one says "root")', async () => {
    const reports = await build(h.repo, { id: BASE, pageModel: await pageModel(h.hub, BASE) });
    expect(reports.some((r) => r.partial)).toBe(false);
    expect(licenseVerdict(reports[0])).toBe('root');
  });
});

describe('other lineages', () => {
  it('a faithful fine-tune (northwind) has no relaxed parent', async () => {
    const report = first(await build(h.repo, { id: 'northwind/Llama-3.1-8B-Instruct-Support' }));
    expect(report.state).toBe('ready');
    expect(report.parents.map((p) => p.id)).toEqual([INSTRUCT]);
    expect(report.parents[0].diff?.license.kind).toBe('same');
    expect(report.parents.some((p) => p.diff?.license.kind === 'relaxed')).toBe(false);
    expect(report.summary?.flags).not.toContain('license-relaxed');
    expect(report.summary?.flags).not.toContain('language-narrowed');
  });

  it('a merge shows both parents, each compared on its own', async () => {
    const report = first(await build(h.repo, { id: 'mergekit-fans/Llama-3.1-SkyNorth-Merge-8B' }));
    expect(report.parents.map((p) => [p.id, p.relation])).toEqual([
      ['northwind/Llama-3.1-8B-Instruct-Support', 'merge'],
      [SKY, 'merge'],
    ]);
    expect(report.parents.every((p) => p.diff && p.diff.parentId === p.id)).toBe(true);
    // Apache-2.0 relaxes northwind's Llama license, and equals Sky-Chat's.
    expect(report.parents.map((p) => p.diff!.license.kind)).toEqual(['relaxed', 'same']);
    expect(report.notices.some((n) => /2 parents/.test(n))).toBe(true);
  });

  it('a gated parent with public metadata (the real Hub): its license is compared, its gated card is said not to be', async () => {
    const report = last(await build(h.repo, { id: 'openfort/Fortress-13B-chat' }));
    expect(report.state).toBe('ready');
    expect(report.chainEnd).toEqual({ reason: 'root', at: 'fortress-ai/Fortress-13B' });
    expect(report.parents[0].error).toBeUndefined();
    expect(report.parents[0].diff?.license.kind).toBe('relaxed');
    expect(report.parents[0].diff?.rows.find((r) => r.trait === 'card-length')?.change).toBe('unknown');
    expect(report.notices.some((n) => /fortress-ai\/Fortress-13B is gated: its metadata .* is compared, but its model card needs approved access/.test(n))).toBe(true);
  });

  it('a gated parent whose API refuses us ends the chain as gated and the parent says why it was not compared', async () => {
    const reports = await build(h.repo, { id: 'opensealed/Sealed-7B-chat' });
    const report = last(reports);
    expect(report.state).toBe('ready');
    expect(report.chainEnd).toEqual({ reason: 'gated', at: 'sealed-ai/Sealed-7B' });
    expect(report.parents).toHaveLength(1);
    expect(report.parents[0]).toMatchObject({ id: 'sealed-ai/Sealed-7B', error: { kind: 'gated' } });
    expect(report.parents[0].diff).toBeUndefined();
    expect(report.familyPending).toBe(false);
  });

  it('a vanished parent ends the chain as not-found', async () => {
    const report = last(await build(h.repo, { id: 'orphan-works/orphan-7b-ft' }));
    expect(report.chainEnd).toEqual({ reason: 'not-found', at: 'vanished-org/vanished-7b' });
    expect(report.parents[0]).toMatchObject({ id: 'vanished-org/vanished-7b', error: { kind: 'not-found' } });
  });

  it('a cycle ends the chain where it closes', async () => {
    const report = last(await build(h.repo, { id: 'loop-a/ouroboros-a' }));
    expect(report.chain.map((c) => c.id)).toEqual(['loop-b/ouroboros-b']);
    expect(report.chainEnd).toEqual({ reason: 'cycle', at: 'loop-a/ouroboros-a' });
  });

  it('a private or missing model is an error report saying not-found', async () => {
    const reports = await build(h.repo, { id: 'driftlab/private-notes-7b' });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ id: 'driftlab/private-notes-7b', state: 'error', error: { kind: 'not-found' }, familyPending: false });
    expect(reports[0].parents).toEqual([]);
  });

  it('a renamed repo keeps the id the view asked for, with the lineage of the current repo', async () => {
    const report = first(await build(h.repo, { id: 'meta-llama/Meta-Llama-3.1-8B-Instruct' }));
    expect(report.id).toBe('meta-llama/Meta-Llama-3.1-8B-Instruct');
    expect(report.traits?.id).toBe(INSTRUCT);
    expect(report.chainEnd).toEqual({ reason: 'root', at: BASE });
  });
});

describe('family statistics', () => {
  it('a parent with many fine-tunes: family of its fine-tunes and the children counts', async () => {
    const reports = await build(h.repo, { id: INSTRUCT });
    const counts = h.hub.snapshot.childrenCount(INSTRUCT);
    expect(first(reports)).toMatchObject({ familyPending: true, childrenCount: counts });
    const report = last(reports);
    expect(report.familyPending).toBe(false);
    expect(report.childrenCount).toEqual(counts);
    const finetunes = report.family.find((f) => f.relation === 'finetune');
    expect(finetunes).toBeDefined();
    expect(finetunes!.stats.sampled).toBeGreaterThanOrEqual(40);
    expect(finetunes!.stats.total).toBe(counts.finetune);
    const relaxed = finetunes!.stats.stats.find((s) => s.id === 'license-relaxed')!;
    expect(relaxed.measured).toBe(true);
    expect(relaxed.count).toBeGreaterThan(0); // Sky-Chat among them
    // One adapter and one quantization say nothing statistically: no family for them.
    expect(report.family.map((f) => f.relation)).toEqual(['finetune']);
  });

  it('bigfam/base-1b: 1,600 fine-tunes are sampled up to the page cap and marked as a sample', async () => {
    const report = last(await build(h.repo, { id: 'bigfam/base-1b' }));
    const finetunes = report.family.find((f) => f.relation === 'finetune');
    expect(finetunes).toMatchObject({ sampled: true, stats: { sampled: 300, total: 1600 } });
    expect(finetunes!.stats.summary).toMatch(/300 of 1,600/);
    expect(report.notices.some((n) => /sample of 300/.test(n))).toBe(true);
    expect(report.parents).toEqual([]);
    expect(report.chainEnd?.reason).toBe('root');
  });

  it('with family statistics switched off: one report and no children request', async () => {
    const reports = await build(h.repo, { id: INSTRUCT, familyStats: false });
    expect(reports).toHaveLength(1);
    expect(reports[0].familyPending).toBe(false);
    expect(reports[0].family).toEqual([]);
    expect(h.hub.requests.filter((r) => r.pathname === '/api/models')).toEqual([]);
  });

  it('stops emitting once the view is gone (aborted after the first report)', async () => {
    const controller = new AbortController();
    const reports: ModelReport[] = [];
    await buildModelReport(h.repo, { id: SKY, signal: controller.signal }, (report) => {
      reports.push(report);
      controller.abort();
    });
    expect(reports).toHaveLength(1);
    expect(h.hub.requests.filter((r) => r.pathname === '/api/models')).toEqual([]); // no siblings page
  });
});
