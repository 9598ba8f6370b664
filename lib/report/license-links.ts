// Where a reader can read a model's license: the author's own link for custom licenses, the license
// text the Hub's documentation points to for the Hub's custom keys, SPDX for standard ones.
import { spdxIdForKey } from '../drift/licenses';
import type { HubModel } from '../hub/types';

const HUB = 'https://huggingface.co';

/** License texts the Hub's license table links to (hub-docs repositories-licenses.md). */
const HUB_LICENSE_TEXTS: Record<string, string> = {
  llama2: `${HUB}/meta-llama/Llama-2-7b-chat-hf/blob/main/LICENSE.txt`,
  llama3: `${HUB}/meta-llama/Meta-Llama-3-8B/blob/main/LICENSE`,
  'llama3.1': `${HUB}/meta-llama/Meta-Llama-3.1-70B-Instruct/blob/main/LICENSE`,
  'llama3.2': `${HUB}/meta-llama/Llama-3.2-1B/blob/main/LICENSE.txt`,
  'llama3.3': `${HUB}/meta-llama/Llama-3.3-70B-Instruct/blob/main/LICENSE`,
  llama4: `${HUB}/meta-llama/Llama-4-Scout-17B-16E-Instruct/blob/main/LICENSE`,
  gemma: 'https://ai.google.dev/gemma/terms',
  'grok2-community': `${HUB}/xai-org/grok-2/blob/main/LICENSE`,
  'openrail++': `${HUB}/stabilityai/stable-diffusion-xl-base-1.0/blob/main/LICENSE.md`,
  'creativeml-openrail-m': `${HUB}/spaces/CompVis/stable-diffusion-license`,
  'bigscience-bloom-rail-1.0': `${HUB}/spaces/bigscience/license`,
  'bigscience-openrail-m': 'https://bigscience.huggingface.co/blog/bigscience-openrail-m',
  'bigcode-openrail-m': 'https://www.bigcode-project.org/docs/pages/bigcode-openrail',
  openrail: `${HUB}/blog/open_rail`,
  'fair-noncommercial-research-license': `${HUB}/facebook/fair-noncommercial-research-license/blob/main/LICENSE`,
  'apple-amlr': `${HUB}/apple/deeplabv3-mobilevit-small/blob/main/LICENSE`,
  'h-research': `${HUB}/Hcompany/Holo1-3B/blob/main/LICENSE`,
  'intel-research': `${HUB}/OpenVINO/Llama-3.1-8B-Instruct-FastDraft-150M-int8-ov/blob/main/LICENSE.md`,
  'openmdw-1.0': 'https://openmdw.ai/license/1-0/',
  'openmdw-1.1': 'https://openmdw.ai/license/1-1/',
};

function repoFile(modelId: string, file: string): string {
  const path = file.replace(/^\.?\//, '');
  return `${HUB}/${modelId}/blob/main/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** A URL for the model's (first) license; only http(s) links are ever returned. */
export function licenseUrl(model: HubModel): string | undefined {
  return licenseUrlFor(model, model.licenses[0]);
}

/** A URL for one of the model's license keys (the BOM lists every license); only http(s) links. */
export function licenseUrlFor(model: HubModel | undefined, key: string | undefined): string | undefined {
  if (!model || !key) return undefined;
  if (key === 'other' && model.licenseLink) {
    const link = model.licenseLink.trim();
    if (/^https?:\/\//i.test(link)) return link;
    if (/^[\w./-]+$/.test(link) && !link.includes('..')) return repoFile(model.id, link);
  }
  if (HUB_LICENSE_TEXTS[key]) return HUB_LICENSE_TEXTS[key];
  const spdx = spdxIdForKey(key);
  if (spdx) return `https://spdx.org/licenses/${spdx}.html`;
  return `${HUB}/${model.id}`;
}
