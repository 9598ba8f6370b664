import { describe, expect, it } from 'vitest';
import * as detect from '../../../lib/page/detect';

type LeafName = keyof typeof detect.TEST_URLS;
const leaves = Object.keys(detect.TEST_URLS) as LeafName[];
const allUrls = leaves.flatMap((name) => detect.TEST_URLS[name].map((url) => ({ url, owner: name })));

describe('leaf page detectors', () => {
  for (const name of leaves) {
    const detector = detect[name] as (u: string) => boolean;
    it(`${name} accepts each of its real Hub URLs`, () => {
      for (const url of detect.TEST_URLS[name]) expect(detector(url), url).toBe(true);
    });
    it(`${name} rejects every other detector's URLs`, () => {
      for (const { url, owner } of allUrls) {
        if (owner !== name) expect(detector(url), `${url} belongs to ${owner}`).toBe(false);
      }
    });
    it(`${name} rejects pages where no feature applies`, () => {
      for (const url of detect.NON_FEATURE_URLS) expect(detector(url), url).toBe(false);
    });
  }
});

describe('composite detectors', () => {
  const modelLeaves: LeafName[] = ['isModelCardPage', 'isModelFilesPage', 'isModelCommunityPage', 'isModelCommitsPage'];
  const listingLeaves: LeafName[] = ['isModelListing', 'isOwnerPage', 'isCollectionPage'];
  it('isModelPage is exactly the union of the model tabs', () => {
    for (const { url, owner } of allUrls) expect(detect.isModelPage(url), url).toBe(modelLeaves.includes(owner));
    for (const url of detect.NON_FEATURE_URLS) expect(detect.isModelPage(url), url).toBe(false);
  });
  it('isListingPage is exactly the union of listing pages', () => {
    for (const { url, owner } of allUrls) expect(detect.isListingPage(url), url).toBe(listingLeaves.includes(owner));
  });
});

describe('modelIdFromUrl', () => {
  it.each([
    ['https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct', 'meta-llama/Llama-3.1-8B-Instruct'],
    ['https://huggingface.co/imageomics/biocap/blob/main/README.md', 'imageomics/biocap'],
    ['https://huggingface.co/gpt2', 'gpt2'],
    ['https://huggingface.co/gpt2/tree/main', 'gpt2'],
    ['https://huggingface.co/google/gemma-7b/discussions/122', 'google/gemma-7b'],
    ['https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct?library=transformers', 'Qwen/Qwen2.5-1.5B-Instruct'],
    ['/ggml-org/gemma-3-1b-it-GGUF', 'ggml-org/gemma-3-1b-it-GGUF'],
  ])('%s → %s', (url, id) => expect(detect.modelIdFromUrl(url)).toBe(id));

  it.each([
    'https://huggingface.co/meta-llama',
    'https://huggingface.co/datasets/akariasai/PopQA',
    'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/resolve/main/config.json',
    'https://huggingface.co/models',
    'not a url at all',
    '',
  ])('%s has no model id', (url) => expect(detect.modelIdFromUrl(url)).toBeNull());
});

describe('modelIdFromHref (listing card links)', () => {
  it.each([
    ['/meta-llama/Llama-3.1-8B', 'meta-llama/Llama-3.1-8B'],
    ['https://huggingface.co/skyforge/Sky-Chat-8B?hardware=gpu', 'skyforge/Sky-Chat-8B'],
    ['/openai-community/gpt2', 'openai-community/gpt2'],
  ])('%s → %s', (href, id) => expect(detect.modelIdFromHref(href)).toBe(id));
  it.each(['/datasets/akariasai/PopQA', '/spaces/midah/hf-viz', '/meta-llama', 'https://example.com/a/b', null, '/a/b/tree/main'])(
    '%s is not a model card link',
    (href) => expect(detect.modelIdFromHref(href)).toBeNull(),
  );
});
