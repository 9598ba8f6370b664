// @vitest-environment node
// Every Hub selector against saved pages: the real captured blob page of imageomics/biocap, and pages of
// the offline Hub (whose markup follows the Hub's; see tests/hub/README.md). Each case names the page,
// what each lookup must find there, and the fallbacks are exercised by breaking the newest selector.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { startOfflineHub, type OfflineHub } from '../../hub/server.mjs';
import {
  findModelTreeBlock,
  listingCards,
  panelPlacement,
  readModelHeaderProps,
  readModelTreeCounts,
  SELECTORS,
  selectAll,
  selectFirst,
} from '../../../lib/page/selectors';

function parse(html: string, url = 'https://huggingface.co/'): Document {
  const window = new Window({ url });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const REAL_BLOB_PAGE = readFileSync(
  new URL('../../fixtures/pages/real_imageomics_biocap_blob-README_2026-02-02.html', import.meta.url),
  'utf8',
);

let hub: OfflineHub;
const pages = new Map<string, string>();

async function page(path: string): Promise<Document> {
  if (!pages.has(path)) {
    const response = await fetch(`${hub.origin}${path}`, { redirect: 'follow' });
    pages.set(path, await response.text());
  }
  return parse(pages.get(path)!, `https://huggingface.co${path}`);
}

beforeAll(async () => {
  hub = await startOfflineHub({ protocol: 'http', quotas: { pages: 10_000 } });
});
afterAll(async () => {
  await hub?.close();
});

describe('the real captured page (imageomics/biocap, blob view, 2026-02-02)', () => {
  const doc = parse(REAL_BLOB_PAGE, 'https://huggingface.co/imageomics/biocap/blob/main/README.md');

  it('reads the ModelHeader JSON', () => {
    const props = readModelHeaderProps(doc);
    expect((props?.model as { id: string }).id).toBe('imageomics/biocap');
    expect(props?.activeTab).toBe('files');
  });

  it('finds the header bar and the title, and places the panel under the header (a blob view has no sidebar)', () => {
    expect(selectFirst(doc, SELECTORS.modelHeaderBar)?.tagName).toBe('HEADER');
    expect(selectFirst(doc, SELECTORS.modelTitle)?.textContent).toContain('biocap');
    expect(findModelTreeBlock(doc)).toBeNull();
    expect(panelPlacement(doc)?.where).toBe('header');
  });

  it('finds no listing cards on a model page', () => {
    expect(listingCards(doc)).toHaveLength(0);
  });
});

describe('offline Hub pages', () => {
  const cases: { path: string; props: string | null; placement: string | null; tree: boolean; cards: number }[] = [
    { path: '/skyforge/Sky-Chat-8B', props: 'skyforge/Sky-Chat-8B', placement: 'model-tree', tree: true, cards: 0 },
    { path: '/meta-llama/Llama-3.1-8B-Instruct', props: 'meta-llama/Llama-3.1-8B-Instruct', placement: 'model-tree', tree: true, cards: 0 },
    { path: '/skyforge/Sky-Chat-8B/tree/main', props: 'skyforge/Sky-Chat-8B', placement: 'header', tree: false, cards: 0 },
    { path: '/skyforge/Sky-Chat-8B/discussions', props: 'skyforge/Sky-Chat-8B', placement: 'header', tree: false, cards: 0 },
    { path: '/models?other=base_model:finetune:meta-llama/Llama-3.1-8B-Instruct', props: null, placement: null, tree: false, cards: 30 },
    { path: '/collections/driftlab/llama-derivatives-0123', props: null, placement: null, tree: false, cards: 8 },
    { path: '/datasets/akariasai/PopQA', props: null, placement: null, tree: false, cards: 0 },
  ];

  for (const c of cases) {
    it(`${c.path}: ModelHeader ${c.props ?? 'absent'}, panel at ${c.placement ?? 'nowhere'}, ${c.cards} model cards`, async () => {
      const doc = await page(c.path);
      const props = readModelHeaderProps(doc);
      expect((props?.model as { id?: string } | undefined)?.id ?? null).toBe(c.props);
      expect(!!findModelTreeBlock(doc)).toBe(c.tree);
      // Placement only matters where the panel runs: model pages.
      if (c.props) expect(panelPlacement(doc)?.where).toBe(c.placement);
      expect(listingCards(doc)).toHaveLength(c.cards);
    });
  }

  it('the model tree block is the sidebar block under the "Model tree for" heading (the panel goes after it)', async () => {
    const block = findModelTreeBlock(await page('/skyforge/Sky-Chat-8B'));
    const heading = block?.matches('h2, h3') ? block : block?.querySelector('h2, h3') ?? block?.previousElementSibling;
    expect(heading?.textContent).toMatch(/Model tree for/);
    expect(block?.textContent).toMatch(/meta-llama\/Llama-3\.1-8B-Instruct/);
    expect(block?.closest(SELECTORS.sidebar[0])).not.toBeNull();
  });

  it('an org page lists its models as cards with ids', async () => {
    const cards = listingCards(await page('/meta-llama'));
    expect(cards.length).toBeGreaterThanOrEqual(3);
    expect(cards.map((c) => c.id)).toContain('meta-llama/Llama-3.1-8B-Instruct');
    for (const card of cards) expect(card.badgeAnchor.closest('article')).toBe(card.card);
  });

  it('listing cards skip links that are not model pages (hostile ids included)', async () => {
    const doc = await page('/models?other=base_model:finetune:meta-llama/Llama-3.1-8B-Instruct&p=1');
    const articles = selectAll(doc, SELECTORS.listingCard).length;
    const ids = listingCards(doc).map((c) => c.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => /^[\w.-]+\/[\w.-]+$/.test(id))).toBe(true);
    expect(articles).toBeGreaterThanOrEqual(ids.length);
  });
});

describe('fallbacks when the Hub changes its markup', () => {
  it('the ModelHeader is still found by data-target when the SVELTE_HYDRATER class is gone', async () => {
    const doc = await page('/skyforge/Sky-Chat-8B');
    doc.querySelector('[data-target="ModelHeader"]')!.classList.remove('SVELTE_HYDRATER');
    expect((readModelHeaderProps(doc)?.model as { id: string }).id).toBe('skyforge/Sky-Chat-8B');
  });

  it('without the Model tree heading the panel goes to the end of the sidebar', async () => {
    const doc = await page('/skyforge/Sky-Chat-8B');
    for (const h of doc.querySelectorAll('h2')) if (/model tree/i.test(h.textContent ?? '')) h.textContent = 'Lineage';
    expect(panelPlacement(doc)?.where).toBe('sidebar');
  });

  it('without a sidebar the panel goes under the model header', async () => {
    const doc = await page('/skyforge/Sky-Chat-8B');
    selectFirst(doc, SELECTORS.sidebar)!.remove();
    expect(panelPlacement(doc)?.where).toBe('header');
  });

  it('without the header element the panel goes under the title', async () => {
    const doc = await page('/skyforge/Sky-Chat-8B/tree/main');
    const header = doc.querySelector('[data-target="ModelHeader"] header')!;
    const title = header.querySelector('h1')!;
    header.replaceWith(title);
    expect(panelPlacement(doc)?.where).toBe('title');
  });

  it('cards are still found as plain <article>s when the overview-card-wrapper class is gone', async () => {
    const doc = await page('/collections/driftlab/llama-derivatives-0123');
    for (const article of doc.querySelectorAll('article')) article.className = '';
    expect(listingCards(doc)).toHaveLength(8);
  });

  it('broken or hostile data-props give no model, never an exception', () => {
    for (const raw of ['{', 'null', '[]', '{"model":"x"}', '{"model":null}', '"<script>"']) {
      const doc = parse(`<main><div class="SVELTE_HYDRATER contents" data-target="ModelHeader" data-props='${raw}'></div></main>`);
      expect(readModelHeaderProps(doc)).toBeNull();
    }
  });

  it('unchanged data-props are parsed once; changed ones are read afresh', () => {
    const doc = parse(`<main><div data-target="ModelHeader" data-props='{"model":{"id":"a/b"}}'></div></main>`);
    const first = readModelHeaderProps(doc);
    expect(readModelHeaderProps(doc)).toBe(first);
    doc.querySelector('[data-target="ModelHeader"]')!.setAttribute('data-props', '{"model":{"id":"c/d"}}');
    expect((readModelHeaderProps(doc)?.model as { id: string }).id).toBe('c/d');
  });

  it('a selector the engine cannot parse is a miss, not an error', () => {
    const doc = parse('<main><article><a href="/a/b"><header title="a/b"><h4>a/b</h4></header></a></article></main>');
    expect(selectFirst(doc, ['::not-a-selector((', 'article'])?.tagName).toBe('ARTICLE');
    expect(selectAll(doc, ['[[[', 'article'])).toHaveLength(1);
  });
});

describe("the real Hub's markup (issue 15, tests/hub follows hub-pages.md)", () => {
  const CHILDREN = '/models?other=base_model:finetune:meta-llama/Llama-3.1-8B-Instruct';

  it('a listing holds its cards in the ModelList island, each article > a > div.w-full.truncate > header[title] > h4', async () => {
    const doc = await page(CHILDREN);
    const island = doc.querySelector('div.SVELTE_HYDRATER[data-target="ModelList"]')!;
    const props = JSON.parse(island.getAttribute('data-props')!);
    for (const m of props.initialValues.models) {
      expect(Object.keys(m)).toEqual(expect.arrayContaining(['id', 'author', 'lastModified', 'likes', 'downloads', 'gated']));
    }
    const cards = listingCards(doc);
    expect(cards.map((c) => c.id)).toEqual(props.initialValues.models.map((m: { id: string }) => m.id));
    for (const { card, badgeAnchor } of cards) {
      expect(card.closest('[data-target="ModelList"]')).toBe(island);
      expect(badgeAnchor.matches('article.overview-card-wrapper > a > div.w-full.truncate > header[title]')).toBe(true);
      expect(badgeAnchor.querySelector(':scope > h4')?.textContent).toBe(badgeAnchor.getAttribute('title'));
    }
  });

  for (const filter of ['library=gguf', 'apps=llama.cpp', 'hardware=gpu-rtx-4090']) {
    it(`with ${filter} the cards link absolutely with the query, and each card still names its model`, async () => {
      const doc = await page(`/models?${filter}&sort=downloads`);
      const links = [...doc.querySelectorAll('article.overview-card-wrapper > a')].map((a) => a.getAttribute('href')!);
      expect(links.length).toBeGreaterThan(0);
      for (const href of links) expect(href).toMatch(new RegExp(`^https://huggingface\\.co/[^/?]+/[^/?]+\\?${filter.replace('.', '\\.')}$`));
      const cards = listingCards(doc);
      expect(cards.map((c) => `https://huggingface.co/${c.id}?${filter}`)).toEqual(links);
    });
  }

  it('the sidebar is the section whose class contains md:col-span-5, and the Model tree follows the real rows', async () => {
    const doc = await page('/skyforge/Sky-Chat-8B');
    const sidebar = selectFirst(doc, SELECTORS.sidebar)!;
    expect(sidebar.tagName).toBe('SECTION');
    const heading = [...sidebar.querySelectorAll('h2')].find((h) => /^Model tree for/.test(h.textContent ?? ''))!;
    expect(heading.textContent).toBe('Model tree for skyforge/Sky-Chat-8B');
    const block = findModelTreeBlock(doc)!;
    expect(block.querySelector('a[href="/docs/hub/model-cards#specifying-a-base-model"]')).not.toBeNull();
    const labels = [...block.querySelectorAll('div.flex > div.font-semibold')].map((l) => l.textContent?.replace(/\s+/g, ' ').trim());
    expect(labels[0]).toBe('Base model');
    expect(labels[1]).toMatch(/^Finetuned \( \d+ \)$/);
    expect(block.querySelector('a[href="/meta-llama/Llama-3.1-8B-Instruct"]')).not.toBeNull();
  });

  it('reads the children counts from the Model tree, skipping the siblings link and the app links', async () => {
    const id = 'meta-llama/Llama-3.1-8B-Instruct';
    const doc = await page(`/${id}`);
    const api = (await (await fetch(`${hub.origin}/api/models/${id}?expand[]=childrenModelCount`)).json()).childrenModelCount;
    expect(readModelTreeCounts(doc, id)).toEqual(api);
    expect(api.finetune).toBeGreaterThan(40);
    // A child's tree links its parent's fine-tunes ("Finetuned ( N )"): not this model's children.
    const skyApi = (await (await fetch(`${hub.origin}/api/models/skyforge/Sky-Chat-8B?expand[]=childrenModelCount`)).json()).childrenModelCount;
    expect(readModelTreeCounts(await page('/skyforge/Sky-Chat-8B'), 'skyforge/Sky-Chat-8B')).toEqual(skyApi);
    expect(skyApi.finetune).toBeUndefined();
    const leaf = await page('/northwind/Llama-3.1-8B-Instruct-Support');
    expect(leaf.querySelector('a[href="/models?other=base_model%3Afinetune%3Ameta-llama%2FLlama-3.1-8B-Instruct"]')?.textContent).toMatch(/\( \d+ \)/);
    expect(readModelTreeCounts(leaf, 'northwind/Llama-3.1-8B-Instruct-Support')).toEqual(
      (await (await fetch(`${hub.origin}/api/models/northwind/Llama-3.1-8B-Instruct-Support?expand[]=childrenModelCount`)).json()).childrenModelCount,
    );
    // A quantizations row with app links (apps=llama.cpp&other=base_model:quantized:…) counts once.
    const base = 'google/gemma-3-1b-it';
    const gemma = await page(`/${base}`);
    expect(gemma.querySelector('a[href*="apps=llama.cpp"]')).not.toBeNull();
    const gemmaApi = (await (await fetch(`${hub.origin}/api/models/${base}?expand[]=childrenModelCount`)).json()).childrenModelCount;
    expect(readModelTreeCounts(gemma, base)).toEqual(gemmaApi);
  });

  it('gives no counts where it cannot be sure: no tree, a tree for another id, an unreadable count', async () => {
    expect(readModelTreeCounts(await page('/skyforge/Sky-Chat-8B/tree/main'), 'skyforge/Sky-Chat-8B')).toBeNull();
    expect(readModelTreeCounts(await page('/skyforge/Sky-Chat-8B'), 'meta-llama/Llama-3.1-8B-Instruct')).toBeNull();
    const doc = await page('/meta-llama/Llama-3.1-8B-Instruct');
    const link = doc.querySelector('a[href="/models?other=base_model%3Afinetune%3Ameta-llama%2FLlama-3.1-8B-Instruct"]')!;
    link.textContent = '1.2k models';
    expect(readModelTreeCounts(doc, 'meta-llama/Llama-3.1-8B-Instruct')).toBeNull();
  });

  it('a card tab served without ModelHeader props still has its sidebar and tree, but no props', async () => {
    hub.setPageVariant('skyforge/Sky-Chat-8B', { headerProps: false });
    try {
      const response = await fetch(`${hub.origin}/skyforge/Sky-Chat-8B`);
      const doc = parse(await response.text(), 'https://huggingface.co/skyforge/Sky-Chat-8B');
      expect(doc.querySelector('[data-target="ModelHeader"]')).toBeNull();
      expect(readModelHeaderProps(doc)).toBeNull();
      expect(selectFirst(doc, SELECTORS.modelTitle)?.textContent).toContain('Sky-Chat-8B');
      expect(findModelTreeBlock(doc)).not.toBeNull();
      expect(readModelTreeCounts(doc, 'skyforge/Sky-Chat-8B')).toEqual({ merge: 1, quantized: 1 });
    } finally {
      hub.clearFaults();
    }
  });
});
