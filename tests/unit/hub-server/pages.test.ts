// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfflineHub, type OfflineHub } from '../../hub/server.mjs';
import { islandProps, parseHtml, realSample } from './support';

let hub: OfflineHub;

beforeAll(async () => {
  // These tests load many pages; a generous quota keeps them independent of the pages bucket.
  hub = await startOfflineHub({ protocol: 'http', quotas: { pages: 10_000 } });
});
afterAll(() => hub.close());

async function page(path: string, expectedStatus = 200) {
  const response = await fetch(`${hub.origin}${path}`);
  expect(response.status).toBe(expectedStatus);
  return parseHtml(await response.text());
}
const texts = (document: ParentNode, selector: string) => [...document.querySelectorAll(selector)].map((e) => e.textContent?.trim());
const INSTRUCT = 'meta-llama/Llama-3.1-8B-Instruct';

describe('model pages', () => {
  it('carry a ModelHeader island whose props parse and name the model', async () => {
    const document = await page(`/${INSTRUCT}`);
    const props = islandProps(document, 'ModelHeader');
    expect(props.activeTab).toBe('model');
    expect(props.model.id).toBe(INSTRUCT);
    expect(props.model.gated).toBe('manual');
    expect(props.model.tags).toContain('base_model:finetune:meta-llama/Llama-3.1-8B');
    expect(Object.keys(props)).toEqual(Object.keys(realSample('page-props_ModelHeader_imageomics_biocap_2026-02-02.json')));
  });

  it('render the header like the Hub: owner and name links, chips, tabs', async () => {
    const document = await page(`/${INSTRUCT}`);
    const header = document.querySelector('main.flex.flex-1.flex-col > .SVELTE_HYDRATER[data-target="ModelHeader"] > header')!;
    expect(header.querySelector('h1 a[href="/meta-llama"]')?.textContent).toBe('meta-llama');
    expect(header.querySelector(`h1 a.font-mono[href="/${INSTRUCT}"]`)?.textContent).toBe('Llama-3.1-8B-Instruct');
    const chips = header.querySelector('div.mb-3.flex.flex-wrap')!;
    expect(chips.querySelector('a[href="/models?pipeline_tag=text-generation"]')?.textContent?.trim()).toBe('Text Generation');
    expect(chips.querySelectorAll('a[href^="/models?language="]')).toHaveLength(8);
    expect(chips.querySelector('a[href="/models?language=en"]')?.textContent?.trim()).toBe('English');
    const license = [...chips.querySelectorAll('button')].find((b) => b.textContent?.includes('License:'));
    expect(license?.querySelectorAll('span')[1]?.textContent).toBe('llama3.1');
    expect(texts(header, 'a.tab-alternate')).toEqual(['Model card', 'Files\n\t\tFiles and versions', 'Community']);
    expect(header.querySelector('a.tab-alternate.active')?.getAttribute('href')).toBe(`/${INSTRUCT}`);
  });

  it('reproduce the captured biocap ModelHeader props on its blob view (local avatar aside)', async () => {
    const document = await page('/imageomics/biocap/blob/main/README.md');
    const props = islandProps(document, 'ModelHeader');
    const real = realSample('page-props_ModelHeader_imageomics_biocap_2026-02-02.json');
    expect(props.author.avatarUrl).toMatch(/^\/avatars\/[0-9a-f]{32}\.svg$/);
    expect({ ...props, author: { ...props.author, avatarUrl: real.author.avatarUrl } }).toEqual(real);
  });

  it('show the model tree with parents and per-relation child counts that match the API', async () => {
    const document = await page(`/${INSTRUCT}`);
    const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent?.startsWith('Model tree for'));
    expect(heading?.textContent).toBe(`Model tree for ${INSTRUCT}`);
    const tree = document.querySelector('section.md\\:col-span-5')!;
    expect(tree.querySelector('a[href="/meta-llama/Llama-3.1-8B"]')).not.toBeNull();
    const counts = (await (await fetch(`${hub.origin}/api/models/${INSTRUCT}?expand[]=childrenModelCount`)).json()).childrenModelCount;
    const link = (relation: string) => tree.querySelector(`a[href="/models?other=base_model%3A${relation}%3Ameta-llama%2FLlama-3.1-8B-Instruct"]`);
    expect(link('finetune')?.textContent).toBe(`${counts.finetune} models`);
    expect(link('adapter')?.textContent).toBe('1 model');
    expect(link('merge')).toBeNull();
    expect(document.querySelector('.model-card-content.prose')?.textContent).toContain('Model information');
    expect(document.querySelector('section.md\\:col-span-5')?.textContent).toContain('Downloads last month');
  });

  it('link both parents of a merge and hide the tree where there is nothing to show', async () => {
    const merge = await page('/mergekit-fans/Llama-3.1-SkyNorth-Merge-8B');
    expect(merge.querySelector('section.md\\:col-span-5 a[href="/skyforge/Sky-Chat-8B"]')).not.toBeNull();
    expect(merge.querySelector('section.md\\:col-span-5 a[href="/northwind/Llama-3.1-8B-Instruct-Support"]')).not.toBeNull();
    const lonely = await page('/bare-uploads/weights-only-3b');
    expect(texts(lonely, 'h2').some((t) => t?.startsWith('Model tree'))).toBe(false);
    expect(lonely.querySelector('.model-card-content')).toBeNull();
  });

  it('mark the files and community tabs and leave the model tree out of them', async () => {
    for (const [path, tab] of [['/tree/main', 'files'], ['/blob/main/README.md', 'files'], ['/commits/main', 'files'], ['/discussions', 'community']]) {
      const document = await page(`/${INSTRUCT}${path}`);
      expect(islandProps(document, 'ModelHeader').activeTab).toBe(tab);
      expect(texts(document, 'h2').some((t) => t?.startsWith('Model tree'))).toBe(false);
    }
  });

  it('render the API-forbidden gated parent with its header', async () => {
    const document = await page('/fortress-ai/Fortress-13B');
    expect(islandProps(document, 'ModelHeader').model.id).toBe('fortress-ai/Fortress-13B');
  });
});

describe('hostile metadata', () => {
  const payloads = ["<img src=x onerror=alert('license')>", "\"><svg onload=alert('lang')>", "<script>alert('tag')</script>", "<script>alert('card')</script>"];

  function expectInert(document: Document) {
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) expect(attribute.startsWith('on')).toBe(false);
      const href = element.getAttribute('href') ?? '';
      expect(href.toLowerCase().startsWith('javascript:')).toBe(false);
    }
    expect(document.querySelectorAll('img, svg, iframe')).toHaveLength(0);
    for (const script of document.querySelectorAll('script')) expect(script.textContent).not.toContain('alert');
  }

  it('is escaped everywhere on the model page and survives the props round trip', async () => {
    const response = await fetch(`${hub.origin}/xss-lab/payload-model`);
    const html = await response.text();
    const document = parseHtml(html);
    expectInert(document);
    for (const payload of payloads) expect(html).not.toContain(payload);
    const props = islandProps(document, 'ModelHeader');
    expect(props.model.cardData.license_name).toBe("<img src=x onerror=alert('license')>");
    expect(props.model.cardData.language).toContain("\"><svg onload=alert('lang')>");
    expect(document.body.textContent).toContain("<script>alert('card')</script>");
    expect(document.body.textContent).toContain("<img src=x onerror=alert('card-img')>");
  });

  it('is escaped on the listing page that shows the hostile list-only id', async () => {
    const document = await page(`/models?other=base_model:finetune:${INSTRUCT}&sort=downloads&p=1`);
    expectInert(document);
    const card = [...document.querySelectorAll('article.overview-card-wrapper h4')].find((h) => h.textContent?.startsWith('xss-lab/"'));
    expect(card?.textContent).toBe('xss-lab/"><img src=x onerror=alert(1)>');
    expect(card?.closest('a')?.getAttribute('href')).toBe('/xss-lab/"><img src=x onerror=alert(1)>');
  });

  it('has no page of its own for the list-only id', async () => {
    await page(`/${encodeURIComponent('xss-lab')}/${encodeURIComponent('"><img src=x onerror=alert(1)>')}`, 404);
  });
});

describe('listing pages', () => {
  const children = `base_model:finetune:${INSTRUCT}`;

  it('show 30 cards per page, with ModelList props matching the cards, and pages that cover the API list', async () => {
    const first = await page(`/models?other=${children}`);
    const props = islandProps(first, 'ModelList').initialValues;
    expect(props).toMatchObject({ numItemsPerPage: 30, pageIndex: 0, numTotalItems: 45 });
    const cardIds = [...first.querySelectorAll('article.overview-card-wrapper')].map((article) => {
      const link = article.querySelector('a[href]')!;
      expect(link.querySelector('header')?.getAttribute('title')).toBe(link.querySelector('header > h4')?.textContent);
      return link.querySelector('header > h4')?.textContent;
    });
    expect(cardIds).toEqual(props.models.map((m: { id: string }) => m.id));
    expect(cardIds).toHaveLength(30);
    const next = first.querySelector('nav[aria-label="Pagination"] a[href*="p=1"]')!.getAttribute('href')!;
    const second = await page(next);
    const secondIds = texts(second, 'article.overview-card-wrapper h4');
    expect(secondIds).toHaveLength(15);
    const apiIds = (await (await fetch(`${hub.origin}/api/models?filter=${children}`)).json()).map((m: { id: string }) => m.id);
    expect(new Set([...cardIds, ...secondIds])).toEqual(new Set(apiIds));
  });

  it('has a /models-json endpoint with the same data the page was rendered from', async () => {
    const query = `other=${children}&sort=downloads&p=1`;
    const document = await page(`/models?${query}`);
    const json = await (await fetch(`${hub.origin}/models-json?${query}&withCount=true`)).json();
    expect(json).toEqual(islandProps(document, 'ModelList').initialValues);
    expect(json.models[0]).toMatchObject({ id: expect.any(String), downloads: expect.any(Number), likes: expect.any(Number), repoType: 'model' });
  });

  it('filters by task, search and sort, and offers filter links and a sort select', async () => {
    const document = await page(`/models?other=${children}&pipeline_tag=text-classification`);
    expect(texts(document, 'article h4')).toEqual(['fieldnotes/Llama-3.1-8B-Instruct-Ticket-Router']);
    expect(document.querySelector('a[data-filter-key="pipeline_tag"][data-filter-value="text-classification"]')?.classList.contains('active')).toBe(true);
    expect(document.querySelector('select[name="sort"]')).not.toBeNull();
    const searched = await page('/models?search=GEMMA-2-2B&sort=downloads');
    expect(texts(searched, 'article h4')).toEqual(['google/gemma-2-2b-it', 'google/gemma-2-2b', 'pocketlab/gemma-2-2b-it-mit']);
  });

  it('includes the client-side re-render script and nothing that reaches the internet', async () => {
    const document = await page('/models');
    const scripts = [...document.querySelectorAll('script')];
    expect(scripts.every((s) => !s.hasAttribute('src'))).toBe(true);
    expect(scripts.some((s) => s.textContent?.includes("fetch('/models-json?'"))).toBe(true);
    expect(scripts.some((s) => s.textContent?.includes('innerHTML'))).toBe(false);
    for (const link of document.querySelectorAll('link[href], img[src]')) {
      expect(link.getAttribute('href') ?? link.getAttribute('src')).toMatch(/^(\/|https:\/\/huggingface\.co\/)/);
    }
  });
});

describe('other pages', () => {
  it('redirect legacy ids to their namespaced repos', async () => {
    for (const [from, to] of [['/gpt2', '/openai-community/gpt2'], ['/bert-base-uncased', '/google-bert/bert-base-uncased'], ['/gpt2/tree/main', '/openai-community/gpt2/tree/main']]) {
      const response = await fetch(`${hub.origin}${from}`, { redirect: 'manual' });
      expect(response.status).toBe(307);
      expect(response.headers.get('location')).toBe(to);
    }
  });

  it('answer 404 for missing and private models', async () => {
    await page('/vanished-org/vanished-7b', 404);
    await page('/driftlab/private-notes-7b', 404);
  });

  it("list an org's models and a collection as cards", async () => {
    const org = await page('/skyforge');
    expect(org.querySelector('article.overview-card-wrapper a[href="/skyforge/Sky-Chat-8B"]')).not.toBeNull();
    const collection = await page('/collections/driftlab/llama-derivatives-0123');
    expect(collection.querySelectorAll('article a[href^="/"]')).toHaveLength(8);
  });

  it('use DatasetHeader and SpaceHeader islands on dataset and Space pages, not ModelHeader', async () => {
    const dataset = await page('/datasets/akariasai/PopQA');
    expect(islandProps(dataset, 'DatasetHeader').dataset.id).toBe('akariasai/PopQA');
    expect(dataset.querySelector('[data-target="ModelHeader"]')).toBeNull();
    const space = await page('/spaces/driftlab/llama-playground');
    expect(islandProps(space, 'SpaceHeader').activeTab).toBe('spaceApp');
  });
});
