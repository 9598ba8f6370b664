import { beforeEach, describe, expect, it } from 'vitest';
import { FAMILY_STAT_IDS, cardStatsFromReadme, familyStats, modelTraits, mutationRate, type FamilyStats } from '../../../lib/drift';
import { FAMILY, apiLikeModel, longReadme, trainerReadme } from './fixtures';

const parent = modelTraits(FAMILY.llamaInstruct, cardStatsFromReadme(longReadme(12000, 'license: llama3.1\n')));
const skyCard = cardStatsFromReadme(trainerReadme('Sky-Chat-8B', 'meta-llama/Llama-3.1-8B-Instruct'));
const children = [
  modelTraits(FAMILY.skyChat, skyCard),
  modelTraits(FAMILY.northwind),
  modelTraits(
    apiLikeModel('lab/llama-de-classifier', {
      license: 'llama3.1',
      languages: ['en', 'de'],
      pipeline: 'text-classification',
      library: 'transformers',
      parent: 'meta-llama/Llama-3.1-8B-Instruct',
    }),
  ),
  modelTraits(apiLikeModel('lab/no-license', { license: [], pipeline: 'text-generation', parent: 'meta-llama/Llama-3.1-8B-Instruct' })),
  // The same child twice (pages overlapping) and the parent itself must not count.
  modelTraits(FAMILY.northwind),
  parent,
];

function stat(stats: FamilyStats, id: string) {
  const found = stats.stats.find((s) => s.id === id);
  if (!found) throw new Error(id);
  return found;
}

describe('familyStats over a sampled fine-tune family', () => {
  // Built in each test (not while collecting), so mutation testing credits these tests with the engine's work.
  let stats: FamilyStats;
  beforeEach(() => {
    stats = familyStats(parent, children, 'finetune', { total: 120 });
  });

  it('counts distinct children and says how many were sampled', () => {
    expect(stats.sampled).toBe(4);
    expect(stats.total).toBe(120);
    expect(stats.cardN).toBe(1);
    expect(stats.summary).toBe('4 of 120 children sampled (finetune); card statistics cover 1.');
    expect(stats.stats.map((s) => s.id)).toEqual([...FAMILY_STAT_IDS]);
  });

  it('license changes use the study\'s mutation rate, beside the 19.8% figure', () => {
    const changed = stat(stats, 'license-changed');
    expect(changed.n).toBe(3); // the child without a license is left out, as in the study
    expect(changed.value).toBeCloseTo(1 / 3);
    expect(changed.study?.display).toBe('19.8%');
    expect(changed.study?.scope).toMatch(/n = 138,694/);
    const relaxed = stat(stats, 'license-relaxed');
    expect(relaxed).toMatchObject({ count: 1, n: 3, display: '1 of 3 (33.3%)' });
  });

  it('languages: narrowed, narrowed to English, mean count beside 12.3 → 1.5', () => {
    expect(stat(stats, 'language-narrowed')).toMatchObject({ count: 2, n: 3 });
    expect(stat(stats, 'narrowed-to-english')).toMatchObject({ count: 1, n: 3 });
    const meanLanguages = stat(stats, 'mean-languages');
    expect(meanLanguages.value).toBeCloseTo((1 + 8 + 2) / 3);
    expect(meanLanguages.display).toBe('8 → 3.67 (n = 3)');
    expect(meanLanguages.study?.display).toMatch(/12\.3/);
  });

  it('card figures cover only children with a fetched card and say so', () => {
    const ratio = stat(stats, 'card-length-ratio');
    expect(ratio.measured).toBe(true);
    expect(ratio.n).toBe(1);
    expect(ratio.value).toBeCloseTo(skyCard.length / 12000);
    expect(ratio.display).toMatch(/n = 1 of 4 children with a fetched card/);
    expect(ratio.study?.display).toMatch(/12\.1K → ≈4\.8K/);
    expect(stat(stats, 'auto-generated')).toMatchObject({ count: 1, n: 1 });
    expect(stat(stats, 'auto-generated').study?.display).toBe('≈5% → ≈50% of cards');
  });

  it('task moves are counted in the study\'s ordering', () => {
    expect(stats.taskMoves).toEqual({ n: 4, same: 3, forward: 1, backward: 0, sideways: 0, unplaced: 0 });
    expect(stat(stats, 'task-changed')).toMatchObject({ value: 0.25, n: 4 });
    expect(stat(stats, 'task-changed').study?.display).toBe('41.1%');
  });
});

describe('familyStats without child cards', () => {
  it('reports card figures as not measured, never as zero', () => {
    const stats = familyStats(parent, [modelTraits(FAMILY.northwind), modelTraits(FAMILY.skyChat)], 'finetune');
    for (const id of ['card-length-ratio', 'mean-card-length', 'auto-generated']) {
      const s = stat(stats, id);
      expect(s.measured).toBe(false);
      expect(s.value).toBeUndefined();
      expect(s.n).toBe(0);
      expect(s.display).toBe('not measured (no child card was fetched)');
      expect(s.study).toBeDefined();
    }
    expect(stats.summary).toBe('2 children (finetune); card statistics cover 0.');
  });

  it('reports every figure as not measured for an empty sample', () => {
    const stats = familyStats(parent, [], 'adapter');
    expect(stats.stats.every((s) => !s.measured)).toBe(true);
    expect(stat(stats, 'license-changed').study?.scope).toMatch(/fine-tunes only/);
    expect(stat(stats, 'card-length-ratio').study?.display).toMatch(/9\.0K/);
    expect(stat(stats, 'auto-generated').study?.display).toBe('≈2% → ≈29% of cards');
  });
});

describe('mutationRate (the study\'s definition)', () => {
  it.each([
    [['mit'], ['mit'], 0],
    [['mit'], ['apache-2.0'], 1],
    [['en', 'de'], ['en'], 0.5],
    [['en', 'de', 'fr'], ['en', 'es'], 0.75],
    [[], [], 0],
  ])('%j vs %j → %s', (a, b, rate) => expect(mutationRate(a, b)).toBeCloseTo(rate));
});
