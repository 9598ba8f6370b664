// Where the content script is injected at all: the manifest's exclude_matches, derived from the same
// reserved sections the detectors use, must keep it off every non-feature section and on every feature page.
import { describe, expect, it } from 'vitest';
import { contentScriptExcludes, NON_FEATURE_URLS, TEST_URLS } from '../../../lib/page/detect';

/** A match pattern as browsers apply it: `*` in the path matches anything, path and query together. */
function matches(pattern: string, href: string): boolean {
  const url = new URL(href);
  const at = pattern.indexOf('/', 'https://'.length);
  const origin = pattern.slice(0, at);
  if (origin !== url.origin) return false;
  const path = pattern.slice(at).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${path}$`).test(url.pathname + url.search);
}

const excluded = (href: string) => contentScriptExcludes().some((p) => matches(p, href));

describe('content script injection', () => {
  it('is injected on every page a feature applies to', () => {
    for (const href of Object.values(TEST_URLS).flat()) expect(excluded(href), href).toBe(false);
  });

  it('is not injected on the home page or in sections where no feature can apply', () => {
    const sections = [
      'https://huggingface.co/',
      'https://huggingface.co/?activityType=all',
      'https://huggingface.co/datasets/akariasai/PopQA',
      'https://huggingface.co/datasets?sort=trending',
      'https://huggingface.co/datasets',
      'https://huggingface.co/spaces/midah/hf-viz',
      'https://huggingface.co/docs/hub/model-cards',
      'https://huggingface.co/blog/gemma',
      'https://huggingface.co/papers/2508.06811',
      'https://huggingface.co/settings/tokens',
      'https://huggingface.co/organizations/imageomics/settings/members',
      'https://huggingface.co/posts/mlabonne/123456789',
    ];
    for (const href of sections) expect(excluded(href), href).toBe(true);
    // The script still runs (and finds no feature) only where a section also holds feature pages.
    const injectedAnyway = NON_FEATURE_URLS.filter((href) => href.startsWith('https://huggingface.co/') && !excluded(href));
    expect(injectedAnyway).toEqual([
      'https://huggingface.co/collections', // its collection pages are listings
      'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/resolve/main/config.json', // files of a model
      'https://huggingface.co/imageomics/biocap/raw/main/README.md',
      'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/settings',
    ]);
  });

  it('does not exclude owners whose names merely start like a section', () => {
    for (const href of ['https://huggingface.co/datasetsfan', 'https://huggingface.co/docsgpt/model', 'https://huggingface.co/spaces-lab/m'])
      expect(excluded(href), href).toBe(false);
  });
});
