// @vitest-environment node
// The Hub client and repository against the project's offline Hub (tests/hub/server.mjs), reached through a
// fetch that rewrites https://huggingface.co to the local server: product code is unchanged.
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOfflineHub, type OfflineHub } from '../../hub/server.mjs';
import { openDriftCache, type DriftCache } from '../../../lib/cache/db';
import { createHubClient, HUB_ORIGIN, type HubClientOptions } from '../../../lib/hub/client';
import { createHubRepository, type HubRepository } from '../../../lib/hub/repository';
import { cardStatsFromReadme } from '../../../lib/drift';
import type { HubResult } from '../../../lib/hub/types';

const TEST_TOKEN = 'hf_offlineTestToken123'; // the token the offline Hub accepts

let hub: OfflineHub;
let cache: DriftCache;
let repo: HubRepository;
let t: number;

function rewritingFetch(): typeof fetch {
  return (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    return fetch(url.startsWith(HUB_ORIGIN) ? hub.origin + url.slice(HUB_ORIGIN.length) : url, init);
  };
}

function build(clientOpts: Partial<HubClientOptions> = {}) {
  cache?.close();
  cache = openDriftCache({ indexedDB: new IDBFactory(), now: () => t });
  const client = createHubClient({ fetch: rewritingFetch(), now: () => t, sleep: async () => undefined, ...clientOpts });
  repo = createHubRepository({ client, cache, now: () => t, cardStats: cardStatsFromReadme });
}

function valueOf<T>(result: HubResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (_, code: string) => {
    const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
    if (code[0] !== '#') return named[code.toLowerCase()];
    return String.fromCodePoint(code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
  });
}

/** The raw `model` of the page's ModelHeader island, as the content script would send it. */
async function pageModel(id: string): Promise<unknown> {
  const html = await (await fetch(`${hub.origin}/${id}`)).text();
  const props = /data-target="ModelHeader"[^>]*?data-props="([^"]*)"/.exec(html);
  if (!props) throw new Error(`no ModelHeader props on /${id}`);
  return JSON.parse(decodeEntities(props[1])).model;
}

function logged() {
  return {
    api: hub.requests.filter((r) => r.kind === 'api').length,
    readmes: hub.requests.filter((r) => r.pathname.includes('/resolve/')).length,
    all: hub.requests.length,
  };
}

beforeAll(async () => {
  hub = await startOfflineHub({ protocol: 'http' });
});

afterAll(async () => {
  cache?.close();
  await hub?.close();
});

beforeEach(() => {
  t = Date.UTC(2026, 8, 1);
  hub.clearFaults();
  hub.resetRateLimits();
  hub.resetRequests();
  build();
});

afterEach(() => hub.clearFaults());

describe('a model page against the offline Hub', () => {
  it('costs 4 API calls and 2 README fetches cold, and no request at all warm', async () => {
    const props = await pageModel('skyforge/Sky-Chat-8B');
    hub.resetRequests();

    const visit = async () => {
      const lineage = valueOf(await repo.getLineage('skyforge/Sky-Chat-8B', { pageModel: props }));
      const card = valueOf(await repo.getCardStats(lineage.model.id, lineage.model.sha));
      const parent = lineage.chain[0].model!;
      const parentCard = valueOf(await repo.getCardStats(parent.id, parent.sha));
      const siblings = valueOf(await repo.getSiblings(lineage.model));
      return { lineage, card, parentCard, siblings };
    };

    const cold = await visit();
    expect(logged()).toMatchObject({ api: 4, readmes: 2 });
    // Each README is one /resolve/ request plus the same-origin 307 hop to /api/resolve-cache/.
    expect(hub.requests.filter((r) => r.pathname.startsWith('/api/resolve-cache/'))).toHaveLength(2);
    expect(hub.requests.filter((r) => r.kind === 'api' && !r.pathname.startsWith('/api/resolve-cache/'))).toHaveLength(4);

    expect(cold.lineage.chain.map((l) => [l.id, l.relation])).toEqual([
      ['meta-llama/Llama-3.1-8B-Instruct', 'finetune'],
      ['meta-llama/Llama-3.1-8B', 'finetune'],
    ]);
    expect(cold.lineage.chainEnd).toEqual({ reason: 'root' });
    expect(cold.lineage.model.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(cold.lineage.childrenCount).toEqual(hub.snapshot.childrenCount('skyforge/Sky-Chat-8B'));
    expect(cold.lineage.chain[0].model!.cardBaseModels).toEqual(['meta-llama/Meta-Llama-3.1-8B']); // stale card id, not followed
    expect(cold.card.sha).toBe(cold.lineage.model.sha);
    expect(cold.parentCard.length).toBeGreaterThan(cold.card.length);
    expect(cold.siblings!.models.map((m) => m.id)).not.toContain('skyforge/Sky-Chat-8B');
    expect(cold.siblings!.parentId).toBe('meta-llama/Llama-3.1-8B-Instruct');

    hub.resetRequests();
    t += 60 * 60_000;
    const warm = await visit();
    expect(hub.requests).toEqual([]);
    expect(warm.lineage).toEqual(cold.lineage);
    expect(warm.siblings).toEqual(cold.siblings);
  });

  it('stops at the ouroboros cycle', async () => {
    const lineage = valueOf(await repo.getLineage('loop-a/ouroboros-a'));
    expect(lineage.chain.map((l) => l.id)).toEqual(['loop-b/ouroboros-b']);
    expect(lineage.chainEnd).toEqual({ reason: 'cycle', at: 'loop-a/ouroboros-a' });
  });

  it('ends the chain at a vanished parent with not-found', async () => {
    const lineage = valueOf(await repo.getLineage('orphan-works/orphan-7b-ft'));
    expect(lineage.chain).toEqual([{ id: 'vanished-org/vanished-7b', relation: 'finetune' }]);
    expect(lineage.chainEnd).toMatchObject({ reason: 'not-found', at: 'vanished-org/vanished-7b', error: { status: 401 } });
  });

  it('ends the chain at a gated parent whose API answers 403 (the rarer variant)', async () => {
    const lineage = valueOf(await repo.getLineage('opensealed/Sealed-7B-chat'));
    expect(lineage.chainEnd).toMatchObject({ reason: 'gated', at: 'sealed-ai/Sealed-7B', error: { kind: 'gated', status: 403 } });
  });

  it('reads a gated parent whose metadata is public (the real Hub) and ends the chain at it as the root', async () => {
    const lineage = valueOf(await repo.getLineage('openfort/Fortress-13B-chat'));
    expect(lineage.chainEnd).toMatchObject({ reason: 'root' });
    expect(valueOf(lineage.parents[0].result)).toMatchObject({ id: 'fortress-ai/Fortress-13B', gated: 'manual' });
  });

  it('samples the 1,600 children of bigfam/base-1b through Link pagination: 3 pages, never "all"', async () => {
    await repo.getModel('bigfam/base-1b');
    hub.resetRequests();
    const sample = valueOf(await repo.getChildren('bigfam/base-1b', 'finetune'));
    const total = hub.snapshot.childrenCount('bigfam/base-1b').finetune!;
    expect(total).toBeGreaterThan(300);
    expect(sample).toMatchObject({ total, sampled: true, pages: 3 });
    expect(sample.models).toHaveLength(300);
    expect(new Set(sample.models.map((m) => m.id)).size).toBe(300);
    const downloads = sample.models.map((m) => m.downloads ?? 0);
    expect(downloads).toEqual([...downloads].sort((a, b) => b - a));
    expect(logged()).toMatchObject({ api: 3, all: 3 });
  });

  it('follows a renamed repo (relative 307) to its current id, and the token stays on the Hub', async () => {
    build({ getToken: () => TEST_TOKEN });
    const model = valueOf(await repo.getModel('meta-llama/Meta-Llama-3.1-8B'));
    expect(model.id).toBe('meta-llama/Llama-3.1-8B');
    expect(hub.requests.map((r) => [r.pathname, r.status, r.headers.authorization])).toEqual([
      ['/api/models/meta-llama/Meta-Llama-3.1-8B', 307, `Bearer ${TEST_TOKEN}`],
      ['/api/models/meta-llama/Llama-3.1-8B', 200, `Bearer ${TEST_TOKEN}`],
    ]);
  });
});

describe('faults injected by the offline Hub', () => {
  it('retries a 503 and succeeds', async () => {
    hub.setFault('/api/models/skyforge', { status: 503, times: 1 });
    expect(valueOf(await repo.getModel('skyforge/Sky-Chat-8B')).id).toBe('skyforge/Sky-Chat-8B');
    expect(hub.requests.map((r) => r.status)).toEqual([503, 200]);
  });

  it('turns a 429 into rate-limited with retryAt, and stops asking', async () => {
    hub.setFault('/api/models', { status: 429, retryAfter: 120 });
    const result = await repo.getModel('skyforge/Sky-Chat-8B');
    expect(!result.ok && result.error).toMatchObject({ kind: 'rate-limited', retryAt: t + 120_000 });
    const again = await repo.getModel('loop-a/ouroboros-a');
    expect(!again.ok && again.error.kind).toBe('rate-limited');
    expect(hub.requests).toHaveLength(1);
  });

  it('reports a dropped connection as offline and a cut body as malformed', async () => {
    hub.setFault('/api/models/loop-a', { offline: true });
    const offline = await repo.getModel('loop-a/ouroboros-a');
    expect(!offline.ok && offline.error.kind).toBe('offline');
    expect(hub.requests).toHaveLength(3);
    // Right after giving up on the network, other calls fail fast instead of retrying on their own.
    const meanwhile = await repo.getModel('loop-b/ouroboros-b');
    expect(!meanwhile.ok && meanwhile.error.kind).toBe('offline');
    expect(hub.requests).toHaveLength(3);
    t += 6_000;
    hub.setFault('/api/models/loop-b', { malformedJson: true });
    const broken = await repo.getModel('loop-b/ouroboros-b');
    expect(!broken.ok && broken.error.kind).toBe('malformed');
  });
});
