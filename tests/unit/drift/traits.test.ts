import { describe, expect, it } from 'vitest';
import { cardStatsFromReadme, describeTraits, languageName, modelTraits, TRAIT_NAMES } from '../../../lib/drift';
import type { HubModel } from '../../../lib/hub/types';
import { FAMILY, apiLikeModel, longReadme, rawSample, sample } from './fixtures';

describe('modelTraits on real Hub samples', () => {
  it('bert-base-uncased: license, language, task and its stage, library, datasets', () => {
    const t = modelTraits(sample('model-info_google-bert_bert-base-uncased.json'));
    expect(t.id).toBe('google-bert/bert-base-uncased');
    expect(t.licenses.map((f) => f.key)).toEqual(['apache-2.0']);
    expect(t.licenses[0].licenseClass).toBe('permissive');
    expect(t.languages).toEqual(['en']);
    expect(t.multilingual).toBe(false);
    expect(t.task).toBe('fill-mask');
    expect(t.taskStage).toBe('features');
    expect(t.taskPosition).toBe(1);
    expect(t.library).toBe('transformers');
    expect(t.datasets).toEqual(['bookcorpus', 'wikipedia']);
    expect(t.parents).toEqual([]);
    expect(t.card).toBeUndefined();
    expect(t.gated).toBe(false);
  });

  it('Llama-3.1-8B-Instruct (tags only): 8 languages, Llama 3.1 license, gated, finetune of the base', () => {
    const t = modelTraits(sample('model-info_meta-llama_Llama-3.1-8B-Instruct.truncated.json'));
    expect(t.languages).toEqual(['en', 'de', 'fr', 'it', 'pt', 'hi', 'es', 'th']);
    expect(t.licenses[0]).toMatchObject({ key: 'llama3.1', licenseClass: 'custom-commercial' });
    expect(t.gated).toBe('manual');
    expect(t.parents).toEqual([{ id: 'meta-llama/Llama-3.1-8B', relation: 'finetune' }]);
    expect(t.relationToParent).toBe('finetune');
    expect(t.taskStage).toBe('generation');
  });

  it('a merge keeps both parents', () => {
    const t = modelTraits(sample('model-info_OrionLLM_GRM-2.6-Opus.json'));
    expect(t.parents.map((p) => p.relation)).toEqual(['merge', 'merge']);
    expect(t.parents).toHaveLength(2);
    expect(t.task).toBe('image-text-to-text');
    expect(t.library).toBeUndefined();
  });

  it('the biocap page props: license given as a YAML list, zero-shot task outside the study\'s ordering', () => {
    const t = modelTraits(sample('page-props_ModelHeader_imageomics_biocap_2026-02-02.json'));
    expect(t.licenses.map((f) => f.key)).toEqual(['mit']);
    expect(t.task).toBe('zero-shot-image-classification');
    expect(t.taskStage).toBeUndefined();
    expect(t.datasets).toContain('imageomics/TreeOfLife-10M');
  });

  it('a custom license keeps its license_name', () => {
    const t = modelTraits(FAMILY.acme);
    expect(t.licenses).toHaveLength(1);
    expect(t.licenses[0]).toMatchObject({ key: 'other', source: 'named-custom', customName: 'acme-research-license-1.0' });
  });

  it('a missing license is "not stated", not unknown-key facts', () => {
    const raw = rawSample('model-info_OpenMed_NER-DiseaseDetect-onnx-android.subset.json');
    const t = modelTraits(sample('model-info_OpenMed_NER-DiseaseDetect-onnx-android.subset.json'));
    expect(raw).toBeTruthy();
    expect(t.licenses).toEqual([]);
    expect(describeTraits(t).find((r) => r.trait === 'license')?.display).toBe('not stated');
  });

  it('multilingual is a flag, never a language', () => {
    const t = modelTraits({ ...FAMILY.acme, languages: ['en', 'multilingual', 'FR'], multilingual: false } as HubModel);
    expect(t.languages).toEqual(['en', 'fr']);
    expect(t.multilingual).toBe(true);
  });

  it('takes card statistics, and describes which length is used', () => {
    const card = cardStatsFromReadme(longReadme(12000, 'license: llama3.1\n'));
    const t = modelTraits(FAMILY.llamaInstruct, card);
    expect(t.card?.length).toBe(12000);
    const rows = describeTraits(t);
    expect(rows.map((r) => r.trait)).toEqual([...TRAIT_NAMES]);
    expect(rows.find((r) => r.trait === 'card-length')?.display).toMatch(/^12,000 characters \(whole README incl\. YAML; [\d,]+ without it\)$/);
    expect(rows.find((r) => r.trait === 'languages')?.display).toBe(
      '8 languages: English, German, French, Italian, Portuguese, Hindi, Spanish and Thai',
    );
    expect(rows.find((r) => r.trait === 'license')?.detail).toMatch(/names starting with "Llama"/);
  });

  it('gated and library come through for a made-up API record', () => {
    const t = modelTraits(apiLikeModel('a/b', { license: 'mit', library: 'peft', gated: 'auto' }));
    expect(t).toMatchObject({ library: 'peft', gated: 'auto' });
  });
});

describe('languageName', () => {
  it.each([
    ['en', 'English'],
    ['de', 'German'],
    ['zh', 'Chinese'],
    ['pt-br', 'Brazilian Portuguese'],
  ])('%s → %s', (code, name) => expect(languageName(code)).toBe(name));

  it('falls back to the code for invalid or unknown codes', () => {
    expect(languageName('not a code!')).toBe('not a code!');
    expect(languageName('')).toBe('');
    expect(languageName(7 as unknown as string)).toBe('');
  });
});
