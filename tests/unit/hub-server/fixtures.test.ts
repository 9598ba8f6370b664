// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfflineHub, type HubSnapshot, type ModelEntry, type OfflineHub } from '../../hub/server.mjs';
import { realSample } from './support';

let hub: OfflineHub;
let snapshot: HubSnapshot;

beforeAll(async () => {
  hub = await startOfflineHub({ protocol: 'http' });
  snapshot = hub.snapshot;
});
afterAll(() => hub.close());

const model = (id: string): ModelEntry => {
  const entry = snapshot.models.get(id);
  if (!entry) throw new Error(`missing fixture ${id}`);
  return entry;
};
const list = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value as string]);
const renamed = (id: string) => snapshot.renames[id] ?? id;
const AUTO_MARKERS = ['generated automatically', 'automatically generated'];
const isAutoCard = (readme: string | null) => AUTO_MARKERS.some((marker) => readme?.toLowerCase().includes(marker));
const childrenOf = (id: string, relation: string) => snapshot.listable.filter((e) => e.info.tags.includes(`base_model:${relation}:${id}`));

describe('the generator reproduces real captures', () => {
  it('derives the same tags as the Hub did for every captured model', () => {
    const captured = [
      realSample('model-info_google-bert_bert-base-uncased.json'),
      realSample('model-info_ggml-org_gemma-3-1b-it-GGUF.json'),
      realSample('model-info_meta-llama_Llama-3.1-8B-Instruct.truncated.json'),
      realSample('model-info_Qwen_Qwen2.5-1.5B-Instruct.id-tags-only.json'),
      realSample('model-info_Waynehillsdev_Waynehills-STT-doogie-server.from-test.json'),
      ...realSample('list-models_default_2025-11.json'),
      realSample('page-props_ModelHeader_imageomics_biocap_2026-02-02.json').model,
    ];
    for (const real of captured) expect(model(real.id).info.tags, real.id).toEqual(real.tags);
  });
});

describe('every model is internally consistent', () => {
  it('has tags derived from its card: licenses, bare languages, datasets and typed base_model pairs', () => {
    for (const { info } of snapshot.listable) {
      const card = info.cardData ?? {};
      for (const license of list(card.license)) expect(info.tags, info.id).toContain(`license:${license}`);
      for (const language of list(card.language)) expect(info.tags, info.id).toContain(language);
      for (const dataset of list(card.datasets)) expect(info.tags, info.id).toContain(`dataset:${dataset}`);
      for (const parent of list(card.base_model).map(renamed)) {
        expect(info.tags, info.id).toContain(`base_model:${parent}`);
        expect(['finetune', 'adapter', 'quantized', 'merge'].some((relation) => info.tags.includes(`base_model:${relation}:${parent}`)), info.id).toBe(true);
      }
      expect(info.tags.some((t: string) => t.startsWith('language:')), info.id).toBe(false);
      expect(info.tags, info.id).toContain('region:us');
    }
  });

  it('has a README exactly when README.md is a sibling, opening with front matter when there is card data', () => {
    for (const entry of snapshot.listable) {
      const { info, readme } = entry;
      const listed = info.siblings.some((s: { rfilename: string }) => s.rfilename === 'README.md');
      expect(readme !== null, info.id).toBe(listed);
      if (readme !== null) expect(readme.startsWith('---\n'), info.id).toBe(info.cardData !== undefined);
      if (readme !== null && typeof info.cardData?.license === 'string') expect(readme, info.id).toContain(`license: ${info.cardData.license}`);
    }
  });

  it('orders sort=downloads deterministically: the generator leaves no duplicate ids', () => {
    expect(new Set(snapshot.listable.map((e) => e.info.id)).size).toBe(snapshot.listable.length);
  });

  it('is the same snapshot in a fresh process (seeded, no clock)', () => {
    const digest = (infos: unknown[], readmes: unknown[]) => createHash('sha256').update(JSON.stringify([infos, readmes])).digest('hex');
    const here = digest([...snapshot.models.values()].map((e) => e.info), [...snapshot.models.values()].map((e) => e.readme));
    const module = fileURLToPath(new URL('../../hub/fixtures/snapshot.mjs', import.meta.url));
    const script = `import { createHash } from 'node:crypto'; const { loadHubSnapshot } = await import(${JSON.stringify(module)}); const m = [...loadHubSnapshot().models.values()]; console.log(createHash('sha256').update(JSON.stringify([m.map((e) => e.info), m.map((e) => e.readme)])).digest('hex'));`;
    const there = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim();
    expect(there).toBe(here);
  });
});

describe('the families the e2e tests rely on', () => {
  it('Llama 3.1 8B: gated base, llama3.1, eight languages, a ~12k card', () => {
    const { info, readme } = model('meta-llama/Llama-3.1-8B');
    expect(info).toMatchObject({ gated: 'manual', pipeline_tag: 'text-generation', library_name: 'transformers' });
    expect(info.cardData.license).toBe('llama3.1');
    expect(info.cardData.language).toEqual(['en', 'de', 'fr', 'it', 'pt', 'hi', 'es', 'th']);
    expect(readme!.length).toBeGreaterThan(11_000);
    expect(readme!.length).toBeLessThan(13_000);
  });

  it('Instruct: stale card base_model, current id in the tags', () => {
    const { info } = model('meta-llama/Llama-3.1-8B-Instruct');
    expect(info.cardData.base_model).toBe('meta-llama/Meta-Llama-3.1-8B');
    expect(info.tags).toContain('base_model:finetune:meta-llama/Llama-3.1-8B');
    expect(info.tags).not.toContain('base_model:meta-llama/Meta-Llama-3.1-8B');
  });

  it('Sky-Chat relaxes the license, narrows to English and has a short Trainer card', () => {
    const { info, readme } = model('skyforge/Sky-Chat-8B');
    expect(info.cardData).toMatchObject({ license: 'apache-2.0', language: 'en' });
    expect(info.tags).toEqual(expect.arrayContaining(['generated_from_trainer', 'base_model:finetune:meta-llama/Llama-3.1-8B-Instruct']));
    expect(readme).toContain('This model card has been generated automatically according to the information the Trainer had access to');
    expect(readme!.length).toBeGreaterThan(1_000);
    expect(readme!.length).toBeLessThan(2_000);
  });

  it('northwind keeps license and languages with a hand-written card', () => {
    const { info, readme } = model('northwind/Llama-3.1-8B-Instruct-Support');
    expect(info.cardData.license).toBe('llama3.1');
    expect(info.cardData.language).toHaveLength(8);
    expect(isAutoCard(readme)).toBe(false);
  });

  it('the Instruct has 40+ varied finetunes, one of them a classifier, and one of each other relation', () => {
    const finetunes = childrenOf('meta-llama/Llama-3.1-8B-Instruct', 'finetune').filter((e) => !e.listOnly);
    expect(finetunes.length).toBeGreaterThanOrEqual(40);
    expect(finetunes.filter((e) => e.info.pipeline_tag === 'text-classification').map((e) => e.info.id)).toEqual(['fieldnotes/Llama-3.1-8B-Instruct-Ticket-Router']);
    const licenses = new Set(finetunes.flatMap((e) => list(e.info.cardData?.license)));
    expect([...licenses]).toEqual(expect.arrayContaining(['llama3.1', 'apache-2.0', 'mit']));
    expect(finetunes.filter((e) => isAutoCard(e.readme)).length).toBeGreaterThan(5);
    expect(finetunes.filter((e) => list(e.info.cardData?.language).join() === 'en').length).toBeGreaterThan(5);
    expect(childrenOf('meta-llama/Llama-3.1-8B-Instruct', 'quantized').map((e) => e.info.id)).toEqual(['quantfolk/Llama-3.1-8B-Instruct-GGUF']);
    expect(childrenOf('meta-llama/Llama-3.1-8B-Instruct', 'adapter').map((e) => e.info.id)).toEqual(['adapterhub-x/llama31-sql-lora']);
  });

  it('the GGUF, LoRA and merge carry their relation like the real samples', () => {
    const gguf = model('quantfolk/Llama-3.1-8B-Instruct-GGUF').info;
    expect(gguf.library_name).toBe('gguf');
    expect(gguf).not.toHaveProperty('pipeline_tag');
    expect(gguf.gguf).toMatchObject({ architecture: 'llama' });
    expect(gguf.cardData.license).toBe('llama3.1');
    const lora = model('adapterhub-x/llama31-sql-lora').info;
    expect(lora.tags).toEqual(expect.arrayContaining(['peft', 'lora', 'base_model:adapter:meta-llama/Llama-3.1-8B-Instruct', 'en', 'license:llama3.1']));
    const merge = model('mergekit-fans/Llama-3.1-SkyNorth-Merge-8B').info;
    expect(merge.cardData).toMatchObject({ base_model_relation: 'merge', license: 'apache-2.0' });
    expect(merge.tags).toEqual(expect.arrayContaining(['base_model:merge:skyforge/Sky-Chat-8B', 'base_model:merge:northwind/Llama-3.1-8B-Instruct-Support']));
  });

  it('Gemma: gated gemma base, gemma finetune, then an MIT relicense with the default card', () => {
    expect(model('google/gemma-2-2b').info).toMatchObject({ gated: 'manual', cardData: { license: 'gemma', language: 'en' } });
    expect(model('google/gemma-2-2b-it').info.tags).toContain('base_model:finetune:google/gemma-2-2b');
    const pocket = model('pocketlab/gemma-2-2b-it-mit');
    expect(pocket.info.cardData.license).toBe('mit');
    expect(pocket.readme).toContain('This model card has been automatically generated.');
  });

  it('BERT children change task and license as designed', () => {
    const expected: [string, string, string][] = [
      ['textlab/bert-base-uncased-sst2', 'text-classification', 'apache-2.0'],
      ['reviewco/bert-imdb-sentiment', 'text-classification', 'mit'],
      ['nclab/bert-nc-classifier', 'text-classification', 'cc-by-nc-4.0'],
      ['tokenworks/bert-ner', 'token-classification', 'apache-2.0'],
    ];
    for (const [id, task, license] of expected) {
      expect(model(id).info).toMatchObject({ pipeline_tag: task, cardData: { license } });
      expect(model(id).info.tags).toContain('base_model:finetune:google-bert/bert-base-uncased');
    }
    expect(model('openai-community/gpt2').info).toMatchObject({ pipeline_tag: 'text-generation', cardData: { license: 'mit', language: 'en' } });
  });

  it('edge cases: custom license, API-forbidden parent, missing parent, cycle, private repo', () => {
    expect(model('acme-research/acme-7b').info.cardData).toMatchObject({ license: 'other', license_name: 'acme-research-license-1.0', license_link: 'LICENSE' });
    expect(model('acme-fan/acme-7b-chat').info.cardData.license).toBe('mit');
    expect(model('fortress-ai/Fortress-13B')).toMatchObject({ apiGatedForbidden: false, readmeGated: true, info: { gated: 'manual' } });
    expect(model('sealed-ai/Sealed-7B')).toMatchObject({ apiGatedForbidden: true, info: { gated: 'manual' } });
    expect(model('opensealed/Sealed-7B-chat').info.tags).toContain('base_model:finetune:sealed-ai/Sealed-7B');
    expect(model('openfort/Fortress-13B-chat').info.tags).toContain('base_model:finetune:fortress-ai/Fortress-13B');
    expect(model('orphan-works/orphan-7b-ft').info.tags).toContain('base_model:finetune:vanished-org/vanished-7b');
    expect(snapshot.models.has('vanished-org/vanished-7b')).toBe(false);
    expect(model('loop-a/ouroboros-a').info.tags).toContain('base_model:finetune:loop-b/ouroboros-b');
    expect(model('loop-b/ouroboros-b').info.tags).toContain('base_model:finetune:loop-a/ouroboros-a');
    expect(model('driftlab/private-notes-7b').info.private).toBe(true);
    expect(snapshot.listable.some((e) => e.info.id === 'driftlab/private-notes-7b')).toBe(false);
  });

  it('the big family has 1,600 numbered finetunes with varied traits plus quantizations and adapters', () => {
    const root = model('bigfam/base-1b').info;
    expect(root.cardData.language).toHaveLength(13);
    expect(root.tags).toContain('multilingual');
    const kids = childrenOf('bigfam/base-1b', 'finetune');
    expect(kids.map((e) => e.info.id).sort()).toEqual(Array.from({ length: 1600 }, (_, i) => `bigfam-kids/child-${String(i + 1).padStart(4, '0')}`));
    const licenses = new Set(kids.map((e) => list(e.info.cardData?.license)[0] ?? 'none'));
    expect([...licenses]).toEqual(expect.arrayContaining(['apache-2.0', 'mit', 'cc-by-nc-4.0', 'llama3', 'other', 'none']));
    expect(new Set(kids.map((e) => e.info.pipeline_tag)).size).toBeGreaterThan(3);
    expect(kids.filter((e) => isAutoCard(e.readme)).length).toBeGreaterThan(400);
    expect(snapshot.childrenCount('bigfam/base-1b')).toEqual({ adapter: 3, quantized: 2, finetune: 1600 });
  });

  it('the hostile model carries its payloads in card data, tags and README', () => {
    const { info, readme } = model('xss-lab/payload-model');
    expect(info.cardData.license_name).toContain('onerror');
    expect(info.tags).toContain("<script>alert('tag')</script>");
    expect(readme).toContain("<img src=x onerror=alert('card-img')>");
    expect(model('xss-lab/"><img src=x onerror=alert(1)>').listOnly).toBe(true);
  });
});
