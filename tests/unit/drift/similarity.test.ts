import { describe, expect, it } from 'vitest';
import { cardStatsFromReadme, modelTraits, pairSimilarity, siblingSimilarity } from '../../../lib/drift';
import { FAMILY, apiLikeModel, longReadme, trainerReadme } from './fixtures';

const parent = modelTraits(FAMILY.llamaInstruct, cardStatsFromReadme(longReadme(12000, 'license: llama3.1\n')));
const trainerCard = (name: string) => cardStatsFromReadme(trainerReadme(name, 'meta-llama/Llama-3.1-8B-Instruct'));
const sibling = (id: string, license = 'apache-2.0') =>
  modelTraits(
    apiLikeModel(id, {
      license,
      languages: ['en'],
      pipeline: 'text-generation',
      library: 'transformers',
      parent: 'meta-llama/Llama-3.1-8B-Instruct',
      extraTags: ['generated_from_trainer'],
    }),
    trainerCard(id),
  );

describe('siblingSimilarity', () => {
  const sky = modelTraits(FAMILY.skyChat, trainerCard('Sky-Chat-8B'));

  it('a templated fine-tune is closer to its siblings than to its parent (the study\'s headline)', () => {
    const result = siblingSimilarity(sky, parent, [sibling('a/one'), sibling('b/two', 'mit'), sky, parent]);
    // vs parent: license ≠, languages ≠, task =, library =, auto-generated ≠ (datasets: neither states them).
    expect(result.withParent).toEqual({ value: 2 / 5, equal: 2, compared: 5 });
    // vs a/one: all 5 equal; vs b/two: license differs → 4/5. The model itself and the parent are ignored.
    expect(result.withSiblings.n).toBe(2);
    expect(result.withSiblings.value).toBeCloseTo((1 + 0.8) / 2);
    expect(result.verdict).toBe('siblings-closer');
    expect(result.summary).toMatch(/^More like its siblings than its parent: shares 90% .* siblings \(mean over 2\) and 40% with its parent \(2 of 5\)/);
    const licenseRow = result.perTrait.find((t) => t.trait === 'license');
    expect(licenseRow).toMatchObject({ sameAsParent: false, siblingShare: 0.5, siblingN: 2 });
    expect(result.perTrait.find((t) => t.trait === 'datasets')).toMatchObject({ sameAsParent: undefined, siblingN: 0 });
    expect(result.study.map((s) => s.value)).toEqual([0.837, 0.747, 0.729]);
  });

  it('a faithful fine-tune can be closer to its parent', () => {
    const northwind = modelTraits(FAMILY.northwind);
    const result = siblingSimilarity(northwind, modelTraits(FAMILY.llamaInstruct), [sibling('a/one')]);
    expect(result.withParent.value).toBe(1);
    expect(result.verdict).toBe('parent-closer');
  });

  it('without siblings only the parent figure is given', () => {
    const result = siblingSimilarity(sky, parent, []);
    expect(result.withSiblings).toEqual({ value: undefined, n: 0 });
    expect(result.verdict).toBe('not-measured');
    expect(result.summary).toBe('Shares 2 of 5 compared traits with its parent; no sibling to compare.');
  });

  it('pairSimilarity skips traits neither model states', () => {
    const bare = modelTraits(apiLikeModel('x/y', { license: [] }));
    expect(pairSimilarity(bare, bare)).toEqual({ value: undefined, equal: 0, compared: 0 });
  });
});
