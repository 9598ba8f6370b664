// @vitest-environment node
// Edges of the Hub parser that decide what a user sees: which strings are model ids (a wrong answer links
// to a dataset or another site), which parent a tag names, the privacy/gating/sha fields of a record, the
// fallbacks from card to tags, and the rate-limit, Retry-After and Link headers that pace requests.
import { describe, expect, it } from 'vitest';
import {
  isModelId,
  modelKey,
  nextLinkFrom,
  normalizeModelId,
  parentsFrom,
  parseModel,
  parseModelList,
  parseRateLimit,
  parseRetryAfter,
  typedParentTag,
} from '../../../lib/hub/parse';
import { MAX_LIST_ITEMS } from '../../../lib/drift/sanitize';

describe('model ids', () => {
  it.each([
    ['gpt2', true],
    ['meta-llama/Llama-3.1-8B', true],
    ['org/name.v2', true],
    ['_org/_x', true],
    ['org/' + 'a'.repeat(96), true],
    ['org/' + 'a'.repeat(97), false],
    ['org/name/tree', false],
    ['datasets/imdb', false],
    ['spaces/x', false],
    ['models/x', false],
    ['api/models', false],
    ['collections/x', false],
    ['datasets', true], // a legacy one-segment id is only a name
    ['org/..', false],
    ['org/a..b', false],
    ['org/name.', false],
    ['-org/name', false],
    ['org/na me', false],
    ['', false],
    [42, false],
  ])('%j is a model id: %s', (value, expected) => {
    expect(isModelId(value)).toBe(expected);
  });

  it.each([
    ['org/name', 'org/name'],
    ['  org/name  ', 'org/name'],
    ['https://huggingface.co/org/name', 'org/name'],
    ['http://huggingface.co/org/name/tree/main', 'org/name'],
    ['https://www.huggingface.co/org/name?x=1', 'org/name'],
    ['HTTPS://HF.CO/org/name#readme', 'org/name'],
    ['huggingface.co/gpt2', 'gpt2'],
    ['https://huggingface.co//org//name', 'org/name'],
    ['https://huggingface.co/', null],
    ['https://huggingface.co/datasets/imdb', null],
    ['https://github.com/org/name', null],
    ['hf://org/name', null],
    ['javascript:alert(1)', null],
    ['org/name/extra', null],
    ['', null],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeModelId(input)).toBe(expected);
  });

  it('ids compare case-insensitively, as the Hub redirects other casings', () => {
    expect(modelKey('Meta-Llama/Llama-3.1-8B')).toBe('meta-llama/llama-3.1-8b');
  });

  it.each([
    ['base_model:finetune:org/a', { relation: 'finetune', id: 'org/a' }],
    [' base_model:adapter:org/a ', { relation: 'adapter', id: 'org/a' }],
    ['base_model:quantized:https://huggingface.co/org/a', { relation: 'quantized', id: 'org/a' }],
    ['base_model:merge:gpt2', { relation: 'merge', id: 'gpt2' }],
    ['base_model:org/a', null],
    ['base_model:distill:org/a', null],
    ['base_model:finetune:', null],
    ['base_model:finetune:datasets/imdb', null],
    ['license:mit', null],
  ])('the tag %j names %j', (tag, expected) => {
    expect(typedParentTag(tag)).toEqual(expected);
  });
});

describe('parents', () => {
  it('a plain tag takes the relation of expand[]=baseModels only when that lists the same model', () => {
    const baseModels = { relation: 'adapter', models: [{ id: 'Org/A' }, { id: 'not a model id!' }, 'junk'] };
    expect(parentsFrom(['base_model:org/a', 'base_model:org/b'], {}, baseModels)).toEqual([
      { id: 'org/a', relation: 'adapter', source: 'tags' },
      { id: 'org/b', relation: 'unknown', source: 'tags' },
    ]);
  });

  it('without tags, expand[]=baseModels gives the parents, with the card relation as a fallback', () => {
    expect(parentsFrom([], { base_model_relation: 'merge' }, { models: [{ id: 'org/a' }, { id: 'org/b' }] })).toEqual([
      { id: 'org/a', relation: 'merge', source: 'baseModels' },
      { id: 'org/b', relation: 'merge', source: 'baseModels' },
    ]);
    expect(parentsFrom([], {}, { relation: 'bogus', models: 'org/a' })).toEqual([]);
  });

  it('the card is the last resort, and a bad relation there is unknown', () => {
    expect(parentsFrom(undefined, { base_model: ['org/a', 'https://example.com/x'], base_model_relation: 'bogus' })).toEqual([
      { id: 'org/a', relation: 'unknown', source: 'cardData' },
    ]);
  });
});

describe('a model record', () => {
  const base = { id: 'org/m', tags: ['license:apache-2.0', 'dataset:org/data', 'en', 'multilingual'] };

  it('falls back to tags for licenses, datasets and languages, de-duplicated and lower-cased', () => {
    const model = parseModel({ ...base, tags: [...base.tags, 'license:Apache-2.0 ', 'license:'] })!;
    expect(model).toMatchObject({ licenses: ['apache-2.0'], datasets: ['org/data'], languages: ['en'], multilingual: true });
  });

  it('prefers the card: its licenses (trimmed, lower-cased), datasets and languages', () => {
    const model = parseModel({ ...base, cardData: { license: [' MIT', 'mit', ''], datasets: 'org/other', language: ['EN', 'de', 'multilingual'] } })!;
    expect(model).toMatchObject({ licenses: ['mit'], datasets: ['org/other'], languages: ['en', 'de'], multilingual: true });
  });

  it.each([
    [{ private: true }, { private: true }],
    [{ private: 'true' }, { private: false }],
    [{}, { private: false }],
    [{ gated: 'manual' }, { gated: 'manual' }],
    [{ gated: 'auto' }, { gated: 'auto' }],
    [{ gated: true }, { gated: 'auto' }],
    [{ gated: 'yes' }, { gated: false }],
    [{ sha: 'a'.repeat(40) }, { sha: 'a'.repeat(40) }],
  ])('%j → %j', (fields, expected) => {
    expect(parseModel({ ...base, ...fields })).toMatchObject(expected);
  });

  it.each([{ sha: 'A'.repeat(40) }, { sha: `x${'a'.repeat(40)}` }, { sha: 'a'.repeat(39) }, { sha: 7 }])('drops a malformed sha %j', (fields) => {
    expect(parseModel({ ...base, ...fields })).not.toHaveProperty('sha');
  });

  it('reads the author as a string or an object, and the children counts it is given', () => {
    const model = parseModel({ ...base, author: { name: 'org' }, childrenModelCount: { finetune: 3, adapter: -1, merge: 'x', quantized: 0 } })!;
    expect(model.author).toBe('org');
    expect(model.childrenCount).toEqual({ finetune: 3, quantized: 0 });
  });

  it('takes the id from modelId when id is missing, and unwraps page props only when they hold a model', () => {
    expect(parseModel({ modelId: 'org/m' })?.id).toBe('org/m');
    expect(parseModel({ model: { id: 'org/inner' } })?.id).toBe('org/inner');
    expect(parseModel({ id: 'org/outer', model: { id: 'org/inner' } })?.id).toBe('org/outer');
    expect(parseModel({ model: 'org/inner' })).toBeNull();
  });

  it('a list keeps the models and drops the rest; anything but an array is no list', () => {
    expect(parseModelList([{ id: 'org/a' }, { id: '../x' }, null, { modelId: 'org/b' }])?.map((m) => m.id)).toEqual(['org/a', 'org/b']);
    expect(parseModelList({ id: 'org/a' })).toBeNull();
  });
});

describe('response headers', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it.each([
    [{ ratelimit: '"api";r=499;t=293' }, { bucket: 'api', remaining: 499, resetSeconds: 293 }],
    [{ ratelimit: '"resolvers";r=0;t=12, "other";r=9;t=1' }, { bucket: 'resolvers', remaining: 0, resetSeconds: 12 }],
    [{ ratelimit: 'r=5;t=7;"late"' }, { bucket: 'late', remaining: 5, resetSeconds: 7 }],
    [{ ratelimit: 'r=5;t=7' }, { bucket: undefined, remaining: 5, resetSeconds: 7 }],
    [{ ratelimit: '"api"; R = 10 ; t="20"' }, { bucket: 'api', remaining: 10, resetSeconds: 20 }],
    [{ ratelimit: '"api";r=1.5;t=2x' }, { bucket: 'api', remaining: undefined, resetSeconds: undefined }],
    [{ 'ratelimit-policy': '"fixed window";"pages";q=100;w=300' }, { bucket: 'pages', quota: 100, windowSeconds: 300 }],
    [{ ratelimit: '"api";r=3;t=4', 'ratelimit-policy': '"fixed window";"other";q=500;w=300' }, { bucket: 'api', remaining: 3, resetSeconds: 4, quota: 500, windowSeconds: 300 }],
    [{ 'ratelimit-policy': 'q=10;w=60' }, { bucket: undefined, quota: 10, windowSeconds: 60 }],
  ])('%j → %j', (entries, expected) => {
    expect(parseRateLimit(headers(entries))).toEqual(expected);
  });

  it.each([
    ['120', 120_000],
    [' 5 ', 5_000],
    ['0', 0],
    ['soon', undefined],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30_000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0], // a date in the past: retry now
  ])('Retry-After %j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, Date.UTC(2026, 0, 1))).toBe(expected);
  });

  it('no Retry-After: no delay', () => {
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });

  it.each([
    ['<https://huggingface.co/api/models?cursor=abc>; rel="next"', 'https://huggingface.co/api/models?cursor=abc'],
    ['</api/models?cursor=b>; rel=next', 'https://huggingface.co/api/models?cursor=b'],
    ['</api/models?p=0>; rel="prev", </api/models?p=2>; rel="next"', 'https://huggingface.co/api/models?p=2'],
    ['</api/models?p=2>; title="x"; REL="prev next"', 'https://huggingface.co/api/models?p=2'],
    ['</api/models?p=0>; rel="prev"', undefined],
    ['</api/models?p=2>', undefined],
    ['<http://[bad>; rel="next"', undefined],
    ['', undefined],
  ])('Link %j → %j', (header, expected) => {
    expect(nextLinkFrom(header)).toBe(expected);
  });

  it('no Link header: the last page', () => {
    expect(nextLinkFrom(null)).toBeUndefined();
  });
});

describe('parents: which source wins', () => {
  it('tags win: expand[]=baseModels and the card add nothing once a tag names a parent', () => {
    const card = { base_model: 'org/card' };
    expect(parentsFrom(['base_model:finetune:org/a'], card, { relation: 'merge', models: [{ id: 'org/b' }] })).toEqual([
      { id: 'org/a', relation: 'finetune', source: 'tags' },
    ]);
  });

  it('expand[]=baseModels wins over the card, and gives "unknown" when nobody states the relation', () => {
    expect(parentsFrom([], { base_model: 'org/card' }, { models: [{ id: 'org/b' }] })).toEqual([{ id: 'org/b', relation: 'unknown', source: 'baseModels' }]);
  });

  it('a plain tag takes the listed relation when baseModels lists it among others', () => {
    const baseModels = { relation: 'merge', models: [{ id: 'org/x' }, { id: 'org/a' }] };
    expect(parentsFrom(['base_model:org/a'], {}, baseModels)).toEqual([{ id: 'org/a', relation: 'merge', source: 'tags' }]);
  });

  it('a plain tag that names no model is skipped, and baseModels still gives the parent', () => {
    expect(parentsFrom(['base_model:datasets/imdb'], {}, { relation: 'adapter', models: [{ id: 'org/b' }] })).toEqual([
      { id: 'org/b', relation: 'adapter', source: 'baseModels' },
    ]);
  });
});

describe('a model record: fields read defensively', () => {
  const base = { id: 'org/m', tags: [] as string[] };

  it('languages: the card wins over the page\'s typed tags; typed tags without an id or not objects are skipped', () => {
    const tagObjs = [null, 'fr', { type: 'language' }, { type: 'language', id: 'DE' }, { type: 'license', id: 'mit' }];
    expect(parseModel({ ...base, cardData: { language: 'en' }, tag_objs: tagObjs })?.languages).toEqual(['en']);
    expect(parseModel({ ...base, tag_objs: tagObjs })?.languages).toEqual(['de']);
    expect(parseModel({ ...base, tags: ['fr'], tag_objs: [{ type: 'language' }] })?.languages).toEqual(['fr']);
  });

  it('licenses and datasets from tags: trimmed, lower-cased, empty ones dropped', () => {
    expect(parseModel({ ...base, tags: ['license: MIT', 'dataset:', 'dataset:org/d'] })).toMatchObject({ licenses: ['mit'], datasets: ['org/d'] });
  });

  it('card base models keep only model ids', () => {
    expect(parseModel({ ...base, cardData: { base_model: ['datasets/x', 'org/a', 'https://github.com/y'] } })?.cardBaseModels).toEqual(['org/a']);
  });

  it('children counts list only the relations the Hub gave a number for', () => {
    const counts = parseModel({ ...base, childrenModelCount: { finetune: 2, merge: null } })?.childrenCount;
    expect(counts).toStrictEqual({ finetune: 2 });
  });

  it.each([
    ['a sha longer than 40 hex digits', { sha: 'a'.repeat(41) }, 'sha'],
    ['a sha that is a list', { sha: ['a'.repeat(40)] }, 'sha'],
    ['cardExists that is not a boolean', { cardExists: 'yes' }, 'cardExists'],
  ])('drops %s', (_name, fields, key) => {
    expect(parseModel({ ...base, ...fields })).not.toHaveProperty(key);
  });

  it('keeps cardExists when the Hub says false', () => {
    expect(parseModel({ ...base, cardExists: false })?.cardExists).toBe(false);
  });

  it('a record with its own id is read as is, even if it carries a model field', () => {
    expect(parseModel({ modelId: 'org/outer', model: { id: 'org/inner' } })?.id).toBe('org/outer');
  });

  it(`tags stop at ${MAX_LIST_ITEMS} (a hostile record cannot stall parsing)`, () => {
    const tags = Array.from({ length: MAX_LIST_ITEMS + 5 }, (_, i) => `tag-${i}`);
    expect(parseModel({ ...base, tags })?.tags).toHaveLength(MAX_LIST_ITEMS);
  });

  it('a file name of 1,000 characters is kept, one of 1,001 is not', () => {
    const model = parseModel({ ...base, siblings: [{ rfilename: 'a'.repeat(1000) }, { rfilename: 'b'.repeat(1001) }] });
    expect(model?.files).toEqual(['a'.repeat(1000)]);
    expect(model?.filesTotal).toBe(2);
  });
});

describe('response headers: malformed values', () => {
  it.each([
    [{ ratelimit: 'api;r=1;t=2' }, { bucket: undefined, remaining: 1, resetSeconds: 2 }], // an unquoted name is not a bucket
    [{ ratelimit: 'x"api";r=1;t=2' }, { bucket: undefined, remaining: 1, resetSeconds: 2 }],
    [{ ratelimit: '"api"x;r=1;t=2' }, { bucket: undefined, remaining: 1, resetSeconds: 2 }],
    [{ ratelimit: '"api";"other";r=1;t=2' }, { bucket: 'api', remaining: 1, resetSeconds: 2 }], // the first name counts
    [{ ratelimit: 'r=1; "late" ;t=2' }, { bucket: 'late', remaining: 1, resetSeconds: 2 }], // blanks around a name
  ])('%j → %j', (entries, expected) => {
    expect(parseRateLimit(new Headers(entries))).toEqual(expected);
  });

  it.each([['5 seconds'], ['x5']])('Retry-After %j is no delay', (value) => {
    expect(parseRetryAfter(value, Date.UTC(2026, 0, 1))).toBeUndefined();
  });

  it.each([
    ['</api/models?p=2> ; rel="next"', 'https://huggingface.co/api/models?p=2'],
    ['</api/models?p=2>;rel="next"', 'https://huggingface.co/api/models?p=2'],
    ['</api/models?p=2>; rel = "next"', 'https://huggingface.co/api/models?p=2'],
  ])('Link %j → %j', (header, expected) => {
    expect(nextLinkFrom(header)).toBe(expected);
  });
});
