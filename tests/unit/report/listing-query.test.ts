// A Hub listing page's URL mirrored to one API list request (so a page of badges costs one request).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIST_FIELDS } from '../../../lib/hub/client';
import { listingApiUrl, listingContext } from '../../../lib/report/listing-query';

type Expected = Record<string, string | string[]> | null;

/** The API query without the fixed `expand[]` field list, repeated keys as lists. */
function queryOf(apiUrl: string): Record<string, string | string[]> {
  const url = new URL(apiUrl);
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    if (key === 'expand[]') continue;
    const values = url.searchParams.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

function expectOnHubListApi(apiUrl: string): URL {
  const url = new URL(apiUrl);
  expect(url.origin).toBe('https://huggingface.co');
  expect(url.pathname).toBe('/api/models');
  expect(url.username + url.password + url.hash).toBe('');
  expect(url.searchParams.getAll('expand[]')).toEqual([...LIST_FIELDS]);
  return url;
}

const L = 'https://huggingface.co/models';
const INSTRUCT = 'meta-llama/Llama-3.1-8B-Instruct';

const TABLE: [string, Expected][] = [
  // /models with its filters and sorts
  [L, { sort: 'trendingScore', limit: '30' }],
  [`${L}/`, { sort: 'trendingScore', limit: '30' }],
  [`${L}?search=gemma`, { search: 'gemma', sort: 'trendingScore', limit: '30' }],
  [`${L}?search=llama+3.1`, { search: 'llama 3.1', sort: 'trendingScore', limit: '30' }],
  [`${L}?other=base_model:finetune:${INSTRUCT}`, { filter: `base_model:finetune:${INSTRUCT}`, sort: 'trendingScore', limit: '30' }],
  [
    `${L}?other=base_model:quantized:${INSTRUCT}&sort=downloads`,
    { filter: `base_model:quantized:${INSTRUCT}`, sort: 'downloads', limit: '30' },
  ],
  [
    `${L}?other=endpoints_compatible,base_model:adapter:meta-llama/Llama-3.1-8B`,
    { filter: ['endpoints_compatible', 'base_model:adapter:meta-llama/Llama-3.1-8B'], sort: 'trendingScore', limit: '30' },
  ],
  // Blank members of a comma list are dropped, and members are trimmed.
  [`${L}?other=%20,%20base_model:finetune:${INSTRUCT}%20,`, { filter: `base_model:finetune:${INSTRUCT}`, sort: 'trendingScore', limit: '30' }],
  [`${L}?pipeline_tag=text-generation&sort=trending`, { pipeline_tag: 'text-generation', sort: 'trendingScore', limit: '30' }],
  [`${L}?pipeline_tag=fill-mask&sort=likes`, { pipeline_tag: 'fill-mask', sort: 'likes', limit: '30' }],
  [`${L}?sort=modified`, { sort: 'lastModified', limit: '30' }],
  [`${L}?sort=created`, { sort: 'createdAt', limit: '30' }],
  [`${L}?sort=downloads&p=1`, { sort: 'downloads', limit: '60' }],
  [`${L}?search=bert&p=2`, { search: 'bert', sort: 'trendingScore', limit: '90' }],
  [`${L}?p=9`, { sort: 'trendingScore', limit: '300' }],
  [`${L}?p=-3`, { sort: 'trendingScore', limit: '30' }],
  [`${L}?p=abc`, { sort: 'trendingScore', limit: '30' }],
  [`${L}?library=gguf&language=de`, { library: 'gguf', language: 'de', sort: 'trendingScore', limit: '30' }],
  [`${L}?license=license:mit`, { filter: 'license:mit', sort: 'trendingScore', limit: '30' }],
  [`${L}?license=apache-2.0`, { filter: 'license:apache-2.0', sort: 'trendingScore', limit: '30' }],
  [`${L}?author=google&sort=likes`, { author: 'google', sort: 'likes', limit: '30' }],
  // An unknown sort is not passed on (the API rejects unknown sorts); the API's default order applies.
  [`${L}?sort=most_params`, { limit: '30' }],
  // Query values cannot smuggle parameters into the API request.
  [`${L}?search=%26limit%3D100000%26full%3Dtrue`, { search: '&limit=100000&full=true', sort: 'trendingScore', limit: '30' }],
  // Owner pages
  ['https://huggingface.co/meta-llama?sort_models=downloads#models', { author: 'meta-llama', sort: 'downloads', limit: '100' }],
  ['https://huggingface.co/google?sort_models=created', { author: 'google', sort: 'createdAt', limit: '100' }],
  ['https://huggingface.co/skyforge', { author: 'skyforge', limit: '100' }],
  // Not mirrored
  ['https://huggingface.co/collections/driftlab/llama-derivatives-0123', null],
  [`https://huggingface.co/${INSTRUCT}`, null],
  ['https://huggingface.co/gpt2', null],
  ['https://huggingface.co/datasets?search=gemma', null],
  ['https://huggingface.co/spaces', null],
  ['https://huggingface.co/', null],
  [`${L}?p=10`, null],
  [`${L}?sort=downloads&p=250`, null],
  [`${L}?p=1e3`, null],
  ['https://evil.example/models?search=gemma', null],
  ['https://huggingface.co.evil.example/models', null],
  ['http://huggingface.co/models', null],
  ['https://hf.co/models', null],
  ['javascript:alert(1)//huggingface.co/models', null],
  ['/models?search=gemma', null],
  ['not a url', null],
  ['', null],
];

describe('listingApiUrl', () => {
  it.each(TABLE)('%s', (page, expected) => {
    const api = listingApiUrl(page);
    if (expected === null) {
      expect(api).toBeNull();
      return;
    }
    expect(api).not.toBeNull();
    expectOnHubListApi(api!);
    expect(queryOf(api!)).toEqual(expected);
  });

  it('covers every card of the page it mirrors: limit ≥ (page + 1) × 30, and never more than 300', () => {
    for (let p = 0; p < 10; p++) {
      const url = new URL(listingApiUrl(`${L}?p=${p}&sort=likes`)!);
      expect(Number(url.searchParams.get('limit'))).toBe((p + 1) * 30);
    }
  });

  it('whatever the page URL, the answer is null or a request to https://huggingface.co/api/models with a bounded limit', () => {
    const hostileText = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('javascript:alert(1)', '//evil.example', '@evil.example', '%2F..%2Fapi%2Fwhoami-v2', '#x', '?p=99', '\u0000', '𝔘'),
    );
    const pageUrl = fc.oneof(
      fc.tuple(fc.constantFrom(`${L}?`, 'https://huggingface.co/skyforge?', 'https://huggingface.co/'), fc.array(fc.tuple(
        fc.constantFrom('search', 'other', 'sort', 'p', 'pipeline_tag', 'library', 'language', 'license', 'author', 'sort_models', 'limit', 'full', 'expand[]'),
        hostileText,
      ), { maxLength: 6 })).map(([base, pairs]) => base + pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')),
      hostileText.map((s) => `https://huggingface.co/${s}`),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
    );
    fc.assert(
      fc.property(pageUrl, (page) => {
        const api = listingApiUrl(page);
        if (api === null) return;
        const url = expectOnHubListApi(api);
        const limit = Number(url.searchParams.get('limit'));
        expect(Number.isInteger(limit) && limit >= 30 && limit <= 300).toBe(true);
        expect(url.searchParams.getAll('limit')).toHaveLength(1);
        expect(url.searchParams.has('full')).toBe(false);
        expect(url.searchParams.has('cursor')).toBe(false);
      }),
      { numRuns: 2000, seed: 20260901 },
    );
  });
});

describe('listingContext: a listing of one parent\'s children names the parent (badges compare against it)', () => {
  it.each([
    [`${L}?other=base_model:finetune:${INSTRUCT}`, { parentId: INSTRUCT, relation: 'finetune' }],
    [`${L}?other=base_model:quantized:${INSTRUCT}&sort=downloads`, { parentId: INSTRUCT, relation: 'quantized' }],
    // The Hub joins several `other` filters with commas, and may repeat the parameter.
    [`${L}?other=endpoints_compatible,base_model:adapter:meta-llama/Llama-3.1-8B`, { parentId: 'meta-llama/Llama-3.1-8B', relation: 'adapter' }],
    [`${L}?other=endpoints_compatible&other=base_model:merge:org/a`, { parentId: 'org/a', relation: 'merge' }],
    [`${L}?other=%20base_model:finetune:google-bert/bert-base-uncased%20`, { parentId: 'google-bert/bert-base-uncased', relation: 'finetune' }],
    // The first typed parent wins.
    [`${L}?other=base_model:finetune:org/a,base_model:adapter:org/b`, { parentId: 'org/a', relation: 'finetune' }],
  ])('%s', (page, expected) => {
    expect(listingContext(page)).toEqual(expected);
  });

  it.each([
    L,
    `${L}?other=endpoints_compatible`,
    `${L}?other=base_model:${INSTRUCT}`, // untyped: the relation is unknown
    `${L}?other=base_model:distill:${INSTRUCT}`, // not a Hub relation
    `${L}?search=base_model:finetune:${INSTRUCT}`,
    'not a url',
    '',
  ])('%s has no parent', (page) => {
    expect(listingContext(page)).toBeUndefined();
  });
});
