import { describe, expect, it } from 'vitest';
import {
  isModelId,
  nextLinkFrom,
  normalizeModelId,
  parentsFrom,
  parseModel,
  parseModelList,
  parseRateLimit,
  parseRetryAfter,
} from '../../../lib/hub/parse';
import { sample, sampleHeaders } from './helpers';

describe('parseModel on real Hub responses', () => {
  it('reads the full default response of bert-base-uncased (string license and language, dataset list)', () => {
    const model = parseModel(sample('model-info_google-bert_bert-base-uncased.json'))!;
    expect(model.id).toBe('google-bert/bert-base-uncased');
    expect(model.licenses).toEqual(['apache-2.0']);
    expect(model.languages).toEqual(['en']);
    expect(model.multilingual).toBe(false);
    expect(model.datasets).toEqual(['bookcorpus', 'wikipedia']);
    expect(model.pipelineTag).toBe('fill-mask');
    expect(model.libraryName).toBe('transformers');
    expect(model.parents).toEqual([]);
    expect(model.gated).toBe(false);
    expect(model.sha).toBe('86b5e0934494bd15c9632b12f734a8a67f723594');
    expect(model.downloads).toBe(60478923);
    expect(model.author).toBe('google-bert');
  });

  it('keeps only the architecture of the config: the first of architectures (string or list) and model_type', () => {
    const bert = parseModel(sample('model-info_google-bert_bert-base-uncased.json'))!;
    expect(bert).toMatchObject({ architecture: 'BertForMaskedLM', modelType: 'bert' });
    expect(parseModel({ id: 'a/b', config: { architectures: 'LlamaForCausalLM', model_type: ' llama ' } })).toMatchObject({
      architecture: 'LlamaForCausalLM',
      modelType: 'llama',
    });
    const none = parseModel({ id: 'a/b', config: {} })!;
    expect('architecture' in none || 'modelType' in none).toBe(false);
    const odd = parseModel({ id: 'a/b', config: ['LlamaForCausalLM'] })!;
    expect(odd.architecture).toBeUndefined();
    expect(JSON.stringify(parseModel({ id: 'a/b', config: { tokenizer_config: { chat_template: 'x'.repeat(5000) } } }))).not.toContain('xxxx');
  });

  it('gives a merge both parents, from tags, and leaves a missing library_name unset', () => {
    const model = parseModel(sample('model-info_OrionLLM_GRM-2.6-Opus.json'))!;
    expect(model.parents).toEqual([
      { id: 'OrionLLM/GRM-2.6-Plus', relation: 'merge', source: 'tags' },
      { id: 'rico03/Qwen3.6-27B-Claude-Opus-Reasoning-Distilled', relation: 'merge', source: 'tags' },
    ]);
    expect(model.cardBaseModels).toEqual(['rico03/Qwen3.6-27B-Claude-Opus-Reasoning-Distilled', 'OrionLLM/GRM-2.6-Plus']);
    expect(model.libraryName).toBeUndefined();
    expect('libraryName' in model).toBe(false);
    expect(model.pipelineTag).toBe('image-text-to-text');
  });

  it('reads a GGUF quantization with no pipeline_tag and a list base_model', () => {
    const model = parseModel(sample('model-info_ggml-org_gemma-3-1b-it-GGUF.json'))!;
    expect(model.pipelineTag).toBeUndefined();
    expect(model.parents).toEqual([{ id: 'google/gemma-3-1b-it', relation: 'quantized', source: 'tags' }]);
    expect(model.licenses).toEqual(['gemma']);
    expect(model.cardBaseModels).toEqual(['google/gemma-3-1b-it']);
  });

  it('falls back to tags for license and languages when cardData is missing (gated Llama sample)', () => {
    const model = parseModel(sample('model-info_meta-llama_Llama-3.1-8B-Instruct.truncated.json'))!;
    expect(model.gated).toBe('manual');
    expect(model.licenses).toEqual(['llama3.1']);
    expect(model.languages).toEqual(['en', 'de', 'fr', 'it', 'pt', 'hi', 'es', 'th']);
    expect(model.parents).toEqual([{ id: 'meta-llama/Llama-3.1-8B', relation: 'finetune', source: 'tags' }]);
    expect(model.cardBaseModels).toEqual([]);
  });

  it('prefers tags over a stale cardData.base_model (renamed parent)', () => {
    // The README of Llama-3.1-8B-Instruct still names the parent by its old id.
    const raw = { ...sample('model-info_meta-llama_Llama-3.1-8B-Instruct.truncated.json'), cardData: { base_model: 'meta-llama/Meta-Llama-3.1-8B' } };
    const model = parseModel(raw)!;
    expect(model.parents.map((p) => p.id)).toEqual(['meta-llama/Llama-3.1-8B']);
    expect(model.cardBaseModels).toEqual(['meta-llama/Meta-Llama-3.1-8B']);
  });

  it('reads the ModelHeader page props (list license, list language, no sha), given the model or the whole props', () => {
    const props = sample('page-props_ModelHeader_imageomics_biocap_2026-02-02.json');
    const model = parseModel(props.model)!;
    expect(model.id).toBe('imageomics/biocap');
    expect(model.licenses).toEqual(['mit']);
    expect(model.languages).toEqual(['en']);
    expect(model.datasets).toEqual(['imageomics/TreeOfLife-10M-Captions', 'imageomics/TreeOfLife-10M', 'iNat21', 'BIOSCAN-1M', 'EOL']);
    expect(model.libraryName).toBe('open_clip');
    expect(model.pipelineTag).toBe('zero-shot-image-classification');
    expect(model.cardExists).toBe(true);
    expect(model.sha).toBeUndefined();
    expect(model.childrenCount).toBeUndefined();
    expect(parseModel(props)).toEqual(model);
  });

  it('uses the page tag_objs to find languages when the card has none, and never mistakes other tags', () => {
    const props = sample('page-props_ModelHeader_imageomics_biocap_2026-02-02.json');
    const { language: _dropped, ...cardData } = props.model.cardData;
    const model = parseModel({ ...props.model, cardData, tags: [...props.model.tags, 'ml'] })!;
    expect(model.languages).toEqual(['en']);
  });

  it('survives an old repo with a malformed model-index and null siblings', () => {
    const model = parseModel(sample('model-info_Waynehillsdev_Waynehills-STT-doogie-server.from-test.json'))!;
    expect(model.licenses).toEqual(['apache-2.0']);
    expect(model.languages).toEqual([]);
    expect(model.pipelineTag).toBe('automatic-speech-recognition');
    expect(model.libraryName).toBeUndefined();
  });

  it('accepts expand responses that carry only _id and id, and subsets without tags', () => {
    const spatial = parseModel(sample('model-info_expand-inference_manycore-research_SpatialLM-Llama-1B.json'))!;
    expect(spatial).toMatchObject({ id: 'manycore-research/SpatialLM-Llama-1B', licenses: [], languages: [], tags: [], parents: [] });
    const openMed = parseModel(sample('model-info_OpenMed_NER-DiseaseDetect-onnx-android.subset.json'))!;
    expect(openMed.sha).toBe('54c9cc119d325ddad23300a1e9108bafa9643a06');
    expect(openMed.tags).toEqual([]);
    const qwen = parseModel(sample('model-info_Qwen_Qwen2.5-1.5B-Instruct.id-tags-only.json'))!;
    expect(qwen.parents).toEqual([{ id: 'Qwen/Qwen2.5-1.5B', relation: 'finetune', source: 'tags' }]);
    expect(qwen.languages).toEqual(['en']);
  });

  it('reads list items with and without expand (modelId only in the default shape, pipeline_tag omitted)', () => {
    const plain = parseModelList(sample('list-models_default_2025-11.json'))!;
    expect(plain.map((m) => [m.id, m.licenses])).toEqual([
      ['moonshotai/Kimi-K2-Thinking', ['other']],
      ['MiniMaxAI/MiniMax-M2', ['mit']],
    ]);
    const expanded = parseModelList(sample('list-models_expand_2026-09.trimmed.json'))!;
    expect(expanded[1].id).toBe('mradermacher/Qwen3.8-27B-abliterated-GGUF');
    expect(expanded[1].pipelineTag).toBeUndefined();
    expect(expanded[1].lastModified).toBe('2026-09-08T21:47:30.000Z');
  });

  it('rejects what is not a model: the 401 error body, non-objects, bad ids', () => {
    expect(parseModel(sample('error_401-repo-not-found-anonymous_2026-08-12.json'))).toBeNull();
    expect(parseModel('Invalid username or password.')).toBeNull();
    expect(parseModel([{ id: 'a/b' }])).toBeNull();
    expect(parseModel({ id: '../../etc/passwd' })).toBeNull();
    expect(parseModelList({ error: 'nope' })).toBeNull();
    expect(parseModelList([{ id: 'ok/model' }, { nope: 1 }, null])!.map((m) => m.id)).toEqual(['ok/model']);
  });

  it('normalises string-or-list fields and ignores values of the wrong type', () => {
    const single = parseModel({ id: 'a/b', cardData: { license: 'MIT', language: 'EN', datasets: 'squad' } })!;
    const list = parseModel({ id: 'a/b', cardData: { license: ['mit'], language: ['en'], datasets: ['squad'] } })!;
    expect(single.licenses).toEqual(list.licenses);
    expect(single.languages).toEqual(['en']);
    expect(single.datasets).toEqual(['squad']);
    const odd = parseModel({ id: 'a/b', cardData: { license: 42, language: ['multilingual', 'fr', null], datasets: { x: 1 } }, tags: { x: 'license:mit' }, downloads: -1 })!;
    expect(odd.licenses).toEqual([]);
    expect(odd.languages).toEqual(['fr']);
    expect(odd.multilingual).toBe(true);
    expect(odd.datasets).toEqual([]);
    expect(odd.tags).toEqual([]);
    expect(odd.downloads).toBeUndefined();
  });

  it('reads the expand-only fields childrenModelCount and baseModels', () => {
    const model = parseModel({
      id: 'meta-llama/Llama-3.1-8B',
      childrenModelCount: { adapter: 716, merge: 19, quantized: 190, finetune: 328, bogus: 5 },
      baseModels: { relation: 'finetune', models: [{ _id: 'x', id: 'meta-llama/Llama-3.1-405B' }] },
    })!;
    expect(model.childrenCount).toEqual({ adapter: 716, merge: 19, quantized: 190, finetune: 328 });
    expect(model.parents).toEqual([{ id: 'meta-llama/Llama-3.1-405B', relation: 'finetune', source: 'baseModels' }]);
  });
});

describe('parentsFrom', () => {
  it('falls back to cardData.base_model (string, list, or full URL) with base_model_relation', () => {
    expect(parentsFrom([], { base_model: 'https://huggingface.co/org/base/tree/main', base_model_relation: 'adapter' })).toEqual([
      { id: 'org/base', relation: 'adapter', source: 'cardData' },
    ]);
    expect(parentsFrom(undefined, { base_model: ['a/one', 'hf.co/b/two', 'https://example.com/x/y', 'datasets/c/d'] })).toEqual([
      { id: 'a/one', relation: 'unknown', source: 'cardData' },
      { id: 'b/two', relation: 'unknown', source: 'cardData' },
    ]);
  });

  it('types a plain base_model tag from baseModels or the card relation, else unknown', () => {
    expect(parentsFrom(['base_model:x/y'], {}, { relation: 'adapter', models: [{ id: 'x/y' }] })).toEqual([
      { id: 'x/y', relation: 'adapter', source: 'tags' },
    ]);
    expect(parentsFrom(['base_model:x/y'], { base_model_relation: 'quantized' })).toEqual([{ id: 'x/y', relation: 'quantized', source: 'tags' }]);
    expect(parentsFrom(['base_model:x/y'], {})).toEqual([{ id: 'x/y', relation: 'unknown', source: 'tags' }]);
  });

  it('lists each parent once even when typed and plain tags (and casing) repeat it', () => {
    expect(parentsFrom(['base_model:X/Y', 'base_model:finetune:x/y', 'base_model:adapter:X/Y'], {})).toEqual([
      { id: 'x/y', relation: 'finetune', source: 'tags' },
    ]);
  });
});

describe('ids', () => {
  it('accepts Hub ids and rejects paths, datasets and other sites', () => {
    expect(isModelId('meta-llama/Llama-3.1-8B')).toBe(true);
    expect(isModelId('gpt2')).toBe(true);
    for (const bad of ['a/b/c', '../x', 'a/..', 'datasets/x', '', 'a b/c', 'a/b?x=1']) expect(isModelId(bad)).toBe(false);
    expect(normalizeModelId('https://huggingface.co/google/gemma-3-1b-it')).toBe('google/gemma-3-1b-it');
    expect(normalizeModelId('https://huggingface.co/datasets/x/y')).toBeNull();
    expect(normalizeModelId('ftp://huggingface.co/x/y')).toBeNull();
  });
});

describe('headers', () => {
  it('reads the RateLimit headers of real API, resolver and page responses', () => {
    expect(parseRateLimit(sampleHeaders('headers_api-200_json_2026-06-08.json'))).toEqual({
      bucket: 'api',
      remaining: 499,
      resetSeconds: 293,
      quota: 500,
      windowSeconds: 300,
    });
    expect(parseRateLimit(sampleHeaders('headers_resolve-401-gated_meta-llama_Llama-3.1-8B-Instruct_2026-04-28.json'))).toMatchObject({
      bucket: 'resolvers',
      remaining: 2996,
      resetSeconds: 281,
      quota: 3000,
    });
    expect(parseRateLimit(sampleHeaders('headers_pages-200_homepage_2026-08-15.json'))).toMatchObject({ bucket: 'pages', remaining: 94 });
    expect(parseRateLimit(new Headers())).toBeNull();
    expect(parseRateLimit(new Headers({ ratelimit: '"api";r=abc;t=-1' }))).toEqual({ bucket: 'api', remaining: undefined, resetSeconds: undefined });
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('finds the next page in a Link header, absolute or relative, and nothing on the last page', () => {
    const next = 'https://huggingface.co/api/models?filter=base_model%3Ax%2Fy&cursor=eyJ9';
    expect(nextLinkFrom(`<${next}>; rel="next"`)).toBe(next);
    expect(nextLinkFrom('</api/models?cursor=abc>; rel=next')).toBe('https://huggingface.co/api/models?cursor=abc');
    const homepage = sampleHeaders('headers_pages-200_homepage_2026-08-15.json').get('link');
    expect(homepage).toContain('ai-catalog');
    expect(nextLinkFrom(homepage)).toBeUndefined();
    expect(nextLinkFrom(null)).toBeUndefined();
  });
});
