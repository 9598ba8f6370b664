// Drift on the offline Hub's families: each kind of drift the panel shows, on real-shaped records.

import { beforeEach, describe, expect, it } from 'vitest';
import { TRAIT_NAMES, badgeSummary, cardStatsFromReadme, diffTraits, modelTraits, type TraitDiff } from '../../../lib/drift';
import { FAMILY, longReadme, trainerReadme } from './fixtures';

const instructReadme = longReadme(12000, 'license: llama3.1\nlanguage:\n- en\n- de\n');
const skyReadme = trainerReadme('Sky-Chat-8B', 'meta-llama/Llama-3.1-8B-Instruct');

const instruct = modelTraits(FAMILY.llamaInstruct, cardStatsFromReadme(instructReadme));
const sky = modelTraits(FAMILY.skyChat, cardStatsFromReadme(skyReadme));

function row(diff: TraitDiff, trait: string) {
  const found = diff.rows.find((r) => r.trait === trait);
  if (!found) throw new Error(`no ${trait} row`);
  return found;
}

describe('meta-llama/Llama-3.1-8B-Instruct → skyforge/Sky-Chat-8B', () => {
  // Built in each test (not while collecting), so mutation testing credits these tests with the engine's work.
  let diff: TraitDiff;
  beforeEach(() => {
    diff = diffTraits(instruct, sky);
  });

  it('rows come in the fixed trait order', () => {
    expect(diff.rows.map((r) => r.trait)).toEqual([...TRAIT_NAMES]);
    expect(diff.relation).toBe('finetune');
  });

  it('license relaxed, with the Llama clause worded for a person', () => {
    expect(row(diff, 'license').change).toBe('relaxed');
    expect(diff.license.certainty).toBe('likely');
    expect(diff.license.obligations[0]).toMatch(/Llama 3\.1 license requires derivatives to keep its terms/);
    expect(diff.license.obligations[0]).toMatch(/name starting with "Llama"/);
    expect(row(diff, 'license').detail).toMatch(/Llama 3\.1 Community License Agreement \(custom commercial\) → Apache license 2\.0 \(permissive\)/);
  });

  it('languages narrowed to English only', () => {
    expect(row(diff, 'languages').change).toBe('narrowed');
    expect(diff.languages).toMatchObject({ toEnglishOnly: true, parentCount: 8, childCount: 1 });
    expect(row(diff, 'languages').detail).toBe('Narrowed to English only (from 8 languages).');
  });

  it('card shrank (whole README measure) and became auto-generated', () => {
    expect(skyReadme.length).toBeGreaterThan(1200);
    expect(skyReadme.length).toBeLessThan(1800);
    expect(row(diff, 'card-length').change).toBe('shrank');
    expect(diff.card.ratio).toBeCloseTo(skyReadme.length / 12000, 5);
    expect(row(diff, 'card-length').parentDisplay).toMatch(/12,000 characters \(whole README incl\. YAML/);
    expect(row(diff, 'auto-generated').change).toBe('added');
    expect(row(diff, 'auto-generated').childDisplay).toMatch(/^yes \("this model card has been generated automatically/);
  });

  it('task, library unchanged', () => {
    expect(row(diff, 'task').change).toBe('same');
    expect(row(diff, 'library').change).toBe('same');
  });

  it('flags and badge: relaxation first', () => {
    expect(diff.flags).toEqual(['license-relaxed', 'language-narrowed', 'card-shrank', 'auto-generated']);
    const badge = badgeSummary([diff]);
    expect(badge.headline).toBe('License relaxed: Llama 3.1 license → Apache-2.0 (+3 more)');
    expect(badge.detail.join('\n')).toMatch(/name starting with "Llama"/);
    expect(badge.detail.join('\n')).toMatch(/English only/);
  });
});

describe('meta-llama/Llama-3.1-8B → meta-llama/Llama-3.1-8B-Instruct', () => {
  it('same license and languages: no drift in what both state', () => {
    const diff = diffTraits(modelTraits(FAMILY.llamaBase), modelTraits(FAMILY.llamaInstruct));
    expect(row(diff, 'license').change).toBe('same');
    expect(row(diff, 'languages').change).toBe('same');
    expect(row(diff, 'task').change).toBe('same');
    expect(row(diff, 'card-length').change).toBe('unknown');
    expect(row(diff, 'auto-generated').change).toBe('unknown');
    expect(diff.flags).toEqual([]);
    expect(badgeSummary([diff]).headline).toBe('No drift');
  });
});

describe('meta-llama/Llama-3.1-8B-Instruct → northwind/Llama-3.1-8B-Instruct-Support', () => {
  it('keeps Llama 3.1 and all languages: no relaxation', () => {
    const diff = diffTraits(instruct, modelTraits(FAMILY.northwind));
    expect(diff.license.kind).toBe('same');
    expect(diff.flags).not.toContain('license-relaxed');
    expect(row(diff, 'languages').change).toBe('same');
    expect(row(diff, 'card-length').change).toBe('unknown');
    expect(row(diff, 'card-length').detail).toMatch(/child's card was not fetched/);
    expect(diff.flags).toEqual([]);
  });
});

describe('google/gemma-2-2b-it → pocketlab/gemma-2-2b-it-mit', () => {
  it('relaxed with the Gemma clause', () => {
    const diff = diffTraits(modelTraits(FAMILY.gemma), modelTraits(FAMILY.gemmaMit));
    expect(row(diff, 'license').change).toBe('relaxed');
    expect(diff.license.obligations.join(' ')).toMatch(/Gemma Terms of Use require .* Prohibited Use Policy/);
    expect(diff.flags).toEqual(['license-relaxed']);
  });
});

describe('google-bert/bert-base-uncased → nclab/bert-nc-classifier', () => {
  // Built in each test (not while collecting), so mutation testing credits these tests with the engine's work.
  let diff: TraitDiff;
  beforeEach(() => {
    diff = diffTraits(modelTraits(FAMILY.bert), modelTraits(FAMILY.bertNc));
  });

  it('license tightened (usually legal) and flagged as such', () => {
    expect(row(diff, 'license').change).toBe('tightened');
    expect(diff.license.note).toMatch(/usually allowed/);
    expect(diff.flags).toContain('license-tightened');
    expect(diff.flags).not.toContain('license-relaxed');
  });

  it('task moved forward in the study\'s ordering', () => {
    expect(row(diff, 'task').change).toBe('changed');
    expect(diff.task).toMatchObject({ kind: 'forward', parentStage: 'features', childStage: 'classification' });
    expect(row(diff, 'task').detail).toMatch(/fill-mask → text-classification: moved downstream/);
    expect(diff.flags).toContain('task-changed');
  });

  it('datasets changed', () => {
    expect(row(diff, 'datasets').change).toBe('changed');
    expect(row(diff, 'datasets').detail).toBe('Datasets: dropped bookcorpus and wikipedia; added stanfordnlp/imdb.');
  });
});

describe('acme-research/acme-7b (custom license) → acme-fan/acme-7b-chat (MIT)', () => {
  it('a possible relaxation with unknown terms', () => {
    const diff = diffTraits(modelTraits(FAMILY.acme), modelTraits(FAMILY.acmeChat));
    expect(row(diff, 'license').change).toBe('relaxed');
    expect(diff.license.certainty).toBe('possible');
    expect(row(diff, 'license').parentDisplay).toBe('acme-research-license-1.0 (custom license, terms unknown)');
    expect(row(diff, 'license').detail).toMatch(/terms are unknown here/);
    const badge = badgeSummary([diff]);
    expect(badge.headline).toMatch(/^License possibly relaxed/);
  });
});

describe('merges: one diff per parent', () => {
  it('prefixes each parent in the badge detail', () => {
    const child = modelTraits(FAMILY.skyChat);
    const diffs = [diffTraits(modelTraits(FAMILY.llamaInstruct), child), diffTraits(modelTraits(FAMILY.bert), child)];
    const badge = badgeSummary(diffs);
    expect(badge.flags[0]).toBe('license-relaxed');
    expect(badge.headline).toMatch(/^vs meta-llama\/Llama-3\.1-8B-Instruct: License relaxed/);
    expect(badge.detail.some((line) => line.startsWith('vs google-bert/bert-base-uncased: '))).toBe(true);
  });
});

describe('nothing stated on either side', () => {
  it('is unknown, not "same"', () => {
    const bare = (id: string) => modelTraits({ id, licenses: [], languages: [], multilingual: false, datasets: [], tags: [], parents: [], cardBaseModels: [], gated: false, private: false });
    const diff = diffTraits(bare('p/p'), bare('c/c'));
    expect(row(diff, 'license').change).toBe('unknown');
    expect(row(diff, 'license').parentDisplay).toBe('not stated');
    expect(row(diff, 'languages').change).toBe('same');
  });
});
