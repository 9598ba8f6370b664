// Test-only helpers: real Hub samples (normalised by the data layer's parser) and the offline Hub's
// families used by the drift tests.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModel } from '../../../lib/hub/parse';
import type { HubModel } from '../../../lib/hub/types';

/** Copies kept in the repository; provenance in tests/fixtures/README.md. */
export const SAMPLES_DIR = join(__dirname, '..', '..', 'fixtures', 'hub-samples');
export const LICENSE_TABLE = join(__dirname, '..', '..', 'fixtures', 'reference-data', 'hf-hub-docs-repositories-licenses.md');

export function rawSample(file: string): unknown {
  return JSON.parse(readFileSync(join(SAMPLES_DIR, file), 'utf8'));
}

export function model(raw: unknown): HubModel {
  const parsed = parseModel(raw);
  if (parsed === null) throw new Error('fixture is not a model');
  return parsed;
}

export function sample(file: string): HubModel {
  return model(rawSample(file));
}

/** The Hub's license keys, parsed from hub-docs' table (`| Fullname | `key` |` rows in the licenses region). */
export function hubLicenseKeysFromDocs(): string[] {
  const doc = readFileSync(LICENSE_TABLE, 'utf8');
  const region = doc.slice(doc.indexOf('<!-- region licenses -->'), doc.indexOf('<!-- endregion -->'));
  const keys: string[] = [];
  for (const line of region.split('\n')) {
    const match = /^\|[^|]+\|\s*`([^`]+)`\s*\|/.exec(line);
    if (match) keys.push(match[1]);
  }
  return keys;
}

const LLAMA_LANGS = ['en', 'de', 'fr', 'it', 'pt', 'hi', 'es', 'th'];

function apiModel(
  id: string,
  opts: {
    license: string | string[];
    licenseName?: string;
    languages?: string[];
    pipeline?: string;
    library?: string;
    parent?: string;
    relation?: string;
    extraTags?: string[];
    datasets?: string[];
    gated?: false | 'manual' | 'auto';
  },
): unknown {
  const licenses = Array.isArray(opts.license) ? opts.license : [opts.license];
  const tags = [
    ...(opts.library ? [opts.library] : []),
    'safetensors',
    ...(opts.pipeline ? [opts.pipeline] : []),
    ...(opts.extraTags ?? []),
    ...(opts.languages ?? []),
    ...(opts.datasets ?? []).map((d) => `dataset:${d}`),
    ...(opts.parent ? [`base_model:${opts.parent}`, `base_model:${opts.relation ?? 'finetune'}:${opts.parent}`] : []),
    ...licenses.map((l) => `license:${l}`),
    'region:us',
  ];
  const cardData: Record<string, unknown> = { license: opts.license };
  if (opts.licenseName) cardData.license_name = opts.licenseName;
  if (opts.languages) cardData.language = opts.languages;
  if (opts.parent) cardData.base_model = opts.parent;
  if (opts.datasets) cardData.datasets = opts.datasets;
  return {
    _id: `id-${id}`,
    id,
    modelId: id,
    author: id.split('/')[0],
    private: false,
    gated: opts.gated ?? false,
    pipeline_tag: opts.pipeline,
    library_name: opts.library,
    tags,
    cardData,
  };
}

/** The offline Hub's families (ids and traits as the brief gives them). */
export const FAMILY = {
  llamaBase: model(
    apiModel('meta-llama/Llama-3.1-8B', {
      license: 'llama3.1',
      languages: LLAMA_LANGS,
      pipeline: 'text-generation',
      library: 'transformers',
      gated: 'manual',
    }),
  ),
  /** The real API record (truncated by its source; its tags carry languages, license and parent). */
  llamaInstruct: sample('model-info_meta-llama_Llama-3.1-8B-Instruct.truncated.json'),
  skyChat: model(
    apiModel('skyforge/Sky-Chat-8B', {
      license: 'apache-2.0',
      languages: ['en'],
      pipeline: 'text-generation',
      library: 'transformers',
      parent: 'meta-llama/Llama-3.1-8B-Instruct',
      extraTags: ['generated_from_trainer'],
    }),
  ),
  northwind: model(
    apiModel('northwind/Llama-3.1-8B-Instruct-Support', {
      license: 'llama3.1',
      languages: LLAMA_LANGS,
      pipeline: 'text-generation',
      library: 'transformers',
      parent: 'meta-llama/Llama-3.1-8B-Instruct',
    }),
  ),
  gemma: model(
    apiModel('google/gemma-2-2b-it', { license: 'gemma', pipeline: 'text-generation', library: 'transformers', gated: 'manual' }),
  ),
  gemmaMit: model(
    apiModel('pocketlab/gemma-2-2b-it-mit', {
      license: 'mit',
      pipeline: 'text-generation',
      library: 'transformers',
      parent: 'google/gemma-2-2b-it',
    }),
  ),
  /** The real API record. */
  bert: sample('model-info_google-bert_bert-base-uncased.json'),
  bertNc: model(
    apiModel('nclab/bert-nc-classifier', {
      license: 'cc-by-nc-4.0',
      languages: ['en'],
      pipeline: 'text-classification',
      library: 'transformers',
      parent: 'google-bert/bert-base-uncased',
      datasets: ['stanfordnlp/imdb'],
    }),
  ),
  acme: model(
    apiModel('acme-research/acme-7b', {
      license: 'other',
      licenseName: 'acme-research-license-1.0',
      languages: ['en'],
      pipeline: 'text-generation',
      library: 'transformers',
    }),
  ),
  acmeChat: model(
    apiModel('acme-fan/acme-7b-chat', {
      license: 'mit',
      languages: ['en'],
      pipeline: 'text-generation',
      library: 'transformers',
      parent: 'acme-research/acme-7b',
    }),
  ),
};

export function apiLikeModel(...args: Parameters<typeof apiModel>): HubModel {
  return model(apiModel(...args));
}

/** A long hand-written README (front matter + sections) of roughly `target` characters. */
export function longReadme(target: number, frontMatter: string): string {
  const section = [
    '## Model details',
    '',
    'This section describes the model architecture, the training data mixture, the evaluation suite and',
    'the intended uses. It is written by the model authors and kept up to date with each release.',
    '',
  ].join('\n');
  let body = '# Model card\n\n';
  while (body.length < target - frontMatter.length) body += section;
  return `---\n${frontMatter}---\n\n${body}`.slice(0, target);
}

/** A card in the shape the transformers Trainer writes (its template sentence included). */
export function trainerReadme(name: string, base: string): string {
  const lines = [
    '---',
    'license: apache-2.0',
    `base_model: ${base}`,
    'tags:',
    '- generated_from_trainer',
    'model-index:',
    `- name: ${name}`,
    '  results: []',
    '---',
    '',
    '<!-- This model card has been generated automatically according to the information the Trainer had access to. You',
    'should probably proofread and complete it, then remove this comment. -->',
    '',
    `# ${name}`,
    '',
    `This model is a fine-tuned version of [${base}](https://huggingface.co/${base}) on an unknown dataset.`,
    '',
    '## Model description',
    '',
    'More information needed',
    '',
    '## Intended uses & limitations',
    '',
    'More information needed',
    '',
    '## Training and evaluation data',
    '',
    'More information needed',
    '',
    '## Training procedure',
    '',
    '### Training hyperparameters',
    '',
    'The following hyperparameters were used during training:',
    '- learning_rate: 2e-05',
    '- train_batch_size: 8',
    '- eval_batch_size: 8',
    '- seed: 42',
    '- optimizer: adamw_torch with betas=(0.9,0.999) and epsilon=1e-08',
    '- lr_scheduler_type: linear',
    '- num_epochs: 3',
    '',
    '### Training results',
    '',
    '| Training Loss | Epoch | Step | Validation Loss |',
    '|:-------------:|:-----:|:----:|:---------------:|',
    '| 1.4213        | 1.0   | 500  | 1.3877          |',
    '| 1.2051        | 2.0   | 1000 | 1.3120          |',
    '| 1.0935        | 3.0   | 1500 | 1.2984          |',
    '',
    '### Framework versions',
    '',
    '- Transformers 4.44.0',
    '- Pytorch 2.4.0',
    '- Datasets 2.20.0',
    '- Tokenizers 0.19.1',
    '',
  ];
  return lines.join('\n');
}
