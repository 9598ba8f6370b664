// @vitest-environment node
// Listing badges from the background: what each card shows, and what a page of cards costs at the Hub.
import { beforeEach, describe, expect, it } from 'vitest';
import { badgesFor } from '../../../lib/report/badges';
import { listingApiUrl } from '../../../lib/report/listing-query';
import type { BadgeInfo } from '../../../lib/report/types';
import { listRequests, modelLookups, START, useHarness, type Harness } from './support';

const INSTRUCT = 'meta-llama/Llama-3.1-8B-Instruct';
const INSTRUCT_FINETUNES = { parentId: INSTRUCT, relation: 'finetune' };
const SKY = 'skyforge/Sky-Chat-8B';
const NORTHWIND = 'northwind/Llama-3.1-8B-Instruct-Support';

const harness = useHarness();
let h: Harness;
beforeEach(() => {
  h = harness();
});

/** The ids of the cards on a listing page, from the page's own data (as the content script finds them). */
async function cardIds(query: string): Promise<string[]> {
  const res = await fetch(`${h.hub.origin}/models-json?${query}`);
  const body = (await res.json()) as { models: { id: string }[] };
  h.hub.resetRequests();
  return body.models.map((m) => m.id);
}

function byId(badges: BadgeInfo[]): Map<string, BadgeInfo> {
  return new Map(badges.map((b) => [b.id, b]));
}

describe('the fine-tunes of Llama-3.1-8B-Instruct (a parent-context listing)', () => {
  it('30 cards cost at most 2 requests cold and none warm', async () => {
    const ids = await cardIds(`other=base_model:finetune:${INSTRUCT}`);
    expect(ids).toHaveLength(30);
    const pageUrl = `https://huggingface.co/models?other=base_model:finetune:${INSTRUCT}`;

    const cold = await badgesFor(h.repo, { ids, context: INSTRUCT_FINETUNES, pageUrl });
    expect(h.hub.requests.length).toBeLessThanOrEqual(2);
    expect(cold.map((b) => b.id)).toEqual(ids);
    expect(cold.every((b) => b.hasParent && b.parentId === INSTRUCT && !b.error)).toBe(true);

    h.hub.resetRequests();
    const warm = await badgesFor(h.repo, { ids, context: INSTRUCT_FINETUNES, pageUrl });
    expect(h.hub.requests).toEqual([]);
    expect(warm).toEqual(cold);
  });

  it('flags Sky-Chat (license relaxed, languages narrowed) and leaves the faithful northwind fine-tune unflagged', async () => {
    const badges = byId(await badgesFor(h.repo, { ids: [SKY, NORTHWIND], context: INSTRUCT_FINETUNES }));
    expect(badges.get(SKY)).toMatchObject({ hasParent: true, parentId: INSTRUCT });
    expect(badges.get(SKY)!.flags).toEqual(expect.arrayContaining(['license-relaxed', 'language-narrowed']));
    expect(badges.get(SKY)!.summary?.headline).toMatch(/^License relaxed/);
    expect(badges.get(NORTHWIND)).toMatchObject({ hasParent: true, flags: [], parentId: INSTRUCT });
  });

  it('a large family listed by trending, page 3: the page\'s own query mirrored, at most 2 requests cold', async () => {
    const query = 'other=base_model:finetune:bigfam/base-1b&sort=trending&p=2';
    const ids = await cardIds(query);
    expect(ids).toHaveLength(30);
    const pageUrl = `https://huggingface.co/models?${query}`;
    const badges = await badgesFor(h.repo, { ids, context: { parentId: 'bigfam/base-1b', relation: 'finetune' }, pageUrl });
    expect(h.hub.requests.length).toBeLessThanOrEqual(2);
    expect(modelLookups(h.hub.requests)).toEqual(['bigfam/base-1b']);
    expect(badges.every((b) => b.hasParent && b.parentId === 'bigfam/base-1b' && !b.error)).toBe(true);
  });

  it('never asks about more cards than two listing pages', async () => {
    const children = await h.repo.getChildren('bigfam/base-1b', 'finetune', { maxPages: 1 });
    if (!children.ok) throw new Error(children.error.message);
    const ids = children.value.models.slice(0, 70).map((m) => m.id);
    expect(ids).toHaveLength(70);
    const badges = await badgesFor(h.repo, { ids, context: { parentId: 'bigfam/base-1b', relation: 'finetune' } });
    expect(badges.map((b) => b.id)).toEqual(ids.slice(0, 60));
  });
});

describe('cards without a listing context', () => {
  it('a root model has no parent (no badge); a cold card alone costs its own lookup', async () => {
    const [badge] = await badgesFor(h.repo, { ids: ['meta-llama/Llama-3.1-8B'] });
    expect(badge).toMatchObject({ id: 'meta-llama/Llama-3.1-8B', hasParent: false, flags: [] });
    expect(badge.error).toBeUndefined();
    expect(modelLookups(h.hub.requests)).toEqual(['meta-llama/Llama-3.1-8B']);
  });

  it('hostile and invalid ids are ignored: no answer and no request for them', async () => {
    const hostile = [
      'xss-lab/"><img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      'https://evil.example/a/b',
      '../../api/whoami-v2',
      'datasets/akariasai/PopQA',
      'a/b/c',
      '',
      ' ',
      'x'.repeat(300),
      42 as unknown as string,
      null as unknown as string,
    ];
    const badges = await badgesFor(h.repo, { ids: [...hostile, NORTHWIND] });
    expect(badges.map((b) => b.id)).toEqual([NORTHWIND]);
    expect(modelLookups(h.hub.requests).sort()).toEqual([INSTRUCT, NORTHWIND].sort());
    expect(h.hub.requests.every((r) => r.pathname.startsWith('/api/models/'))).toBe(true);
  });

  it('a card whose parent is gated says it could not be compared, without inventing "no drift"', async () => {
    const [badge] = await badgesFor(h.repo, { ids: ['opensealed/Sealed-7B-chat'] });
    expect(badge).toMatchObject({ hasParent: true, flags: [], parentId: 'sealed-ai/Sealed-7B', error: { kind: 'gated' } });
    expect(badge.summary).toBeUndefined();
  });

  it('a missing card reports not-found', async () => {
    const [badge] = await badgesFor(h.repo, { ids: ['driftlab/private-notes-7b'] });
    expect(badge).toMatchObject({ hasParent: false, flags: [], error: { kind: 'not-found' } });
  });
});

describe('a mirrored search listing (/models?search=gemma)', () => {
  it('costs one list request plus one per distinct parent, and no lookup of a card the list covered', async () => {
    const pageUrl = 'https://huggingface.co/models?search=gemma';
    const ids = await cardIds('search=gemma');
    expect(ids.length).toBeGreaterThan(3);

    const badges = await badgesFor(h.repo, { ids, pageUrl });
    const parents = new Set(badges.filter((b) => b.parentId).map((b) => b.parentId));
    expect(parents.size).toBeGreaterThan(0);
    expect(h.hub.requests.length).toBeLessThanOrEqual(1 + parents.size);

    const lists = listRequests(h.hub.requests);
    expect(lists).toHaveLength(1);
    expect(`https://huggingface.co${lists[0].pathname}${lists[0].search}`).toBe(listingApiUrl(pageUrl));
    // Every model lookup was for a parent, never for a card on its own.
    expect(modelLookups(h.hub.requests).every((id) => parents.has(id))).toBe(true);

    const badge = byId(badges);
    expect(badge.get('pocketlab/gemma-2-2b-it-mit')?.flags).toContain('license-relaxed'); // gemma → MIT
    expect(badge.get('google/gemma-2-2b')).toMatchObject({ hasParent: false, flags: [] });

    h.hub.resetRequests();
    expect(await badgesFor(h.repo, { ids, pageUrl })).toEqual(badges);
    expect(h.hub.requests).toEqual([]);
  });

  it('a listing page that cannot be mirrored falls back to one lookup per card', async () => {
    const badges = await badgesFor(h.repo, { ids: [SKY], pageUrl: 'https://huggingface.co/collections/driftlab/llama-derivatives-0123' });
    expect(listRequests(h.hub.requests)).toEqual([]);
    expect(modelLookups(h.hub.requests).sort()).toEqual([INSTRUCT, SKY].sort());
    expect(badges[0].flags).toContain('license-relaxed');
  });
});
