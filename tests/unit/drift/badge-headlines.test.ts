// The badge's headline names the most important drift in a few words. One table row per flag, from real
// diffs, and the fallbacks for diff records read back from an older cache with fields missing.
import { describe, expect, it } from 'vitest';
import { badgeSummary, cardStatsFromReadme, diffTraits, modelTraits, type ModelTraits, type TraitDiff } from '../../../lib/drift';
import type { CardStats } from '../../../lib/hub/types';
import { apiLikeModel, longReadme, trainerReadme } from './fixtures';

function traits(id: string, opts: { license?: string; languages?: readonly string[]; pipeline?: string; card?: CardStats } = {}): ModelTraits {
  return modelTraits(
    apiLikeModel(id, {
      license: opts.license ?? 'apache-2.0',
      languages: [...(opts.languages ?? ['en', 'de', 'fr'])],
      pipeline: opts.pipeline ?? 'text-generation',
      library: 'transformers',
      parent: id === 'org/parent' ? undefined : 'org/parent',
    }),
    opts.card,
  );
}

const card = (length: number) => cardStatsFromReadme(longReadme(length, 'license: apache-2.0\n'));

describe('the headline for each kind of drift', () => {
  it.each([
    ['license tightened', { license: 'cc-by-nc-4.0' }, {}, 'License tightened: Apache-2.0 → CC-BY-NC-4.0'],
    ['license relaxed', { license: 'mit' }, { license: 'gpl-3.0' }, 'License relaxed: GPL-3.0-only → MIT'],
    ['license possibly relaxed', { license: 'mit' }, { license: 'my-custom-license' }, 'License possibly relaxed: license "my-custom-license" → MIT'],
    ['languages narrowed', { languages: ['en', 'de'] }, {}, 'Languages narrowed: 3 → 2'],
    ['languages narrowed to English', { languages: ['en'] }, {}, 'Languages narrowed to English only'],
    ['card shrank', { card: card(2_000) }, { card: card(4_000) }, "Card shrank to 0.50× the parent's length"],
    ['task changed', { pipeline: 'text-classification' }, {}, 'Task changed: text-generation → text-classification'],
    ['card became auto-generated', { card: cardStatsFromReadme(trainerReadme('child', 'org/parent')) }, { card: card(1_500) }, 'Card became auto-generated'],
    ['only the library-free traits moved', {}, {}, 'No drift'],
  ] as const)('%s', (_what, childOpts, parentOpts, headline) => {
    const diff = diffTraits(traits('org/parent', parentOpts), traits('org/child', childOpts));
    expect(badgeSummary([diff]).headline).toBe(headline);
  });

  it('several flags: the most important first, and how many more', () => {
    const diff = diffTraits(traits('org/parent', { license: 'gpl-3.0' }), traits('org/child', { license: 'mit', languages: ['en'], pipeline: 'text-classification' }));
    const badge = badgeSummary([diff]);
    expect(badge.flags).toEqual(['license-relaxed', 'language-narrowed', 'task-changed']);
    expect(badge.headline).toBe('License relaxed: GPL-3.0-only → MIT (+2 more)');
  });

  it('changes that raise no flag are named in the headline', () => {
    const parent = traits('org/parent');
    const child = { ...traits('org/child'), library: 'peft', datasets: ['org/data'] };
    const badge = badgeSummary([diffTraits(parent, child)]);
    expect(badge.flags).toEqual([]);
    expect(badge.headline).toBe('Changed: library and datasets');
    expect(badge.detail).toEqual(['library: transformers → peft', 'Datasets: added org/data.']);
  });
});

describe('diff records with fields missing (an older cache, a partial record)', () => {
  const bare = (flags: string[], extra: Record<string, unknown> = {}) => ({ parentId: 'org/p', flags, ...extra }) as unknown as TraitDiff;

  it.each([
    [['language-narrowed'], {}, 'Languages narrowed'],
    [['language-narrowed'], { languages: { parentCount: 3 } }, 'Languages narrowed'],
    [['card-shrank'], { card: { ratio: Number.NaN } }, 'Card shrank'],
    [['card-shrank'], { card: { ratio: '0.5' } }, 'Card shrank'],
    [['task-changed'], { task: { parentTask: 'text-generation' } }, 'Task changed'],
    [['license-relaxed'], { license: { removed: ['GPL-3.0-only'] } }, 'License relaxed'],
    [['license-tightened'], { license: { removed: [''], added: [7] } }, 'License tightened'],
    [['no-such-flag', 'auto-generated'], {}, 'Card became auto-generated'],
    [[], { rows: 'not a list' }, 'No drift'],
  ])('flags %j with %j → %j', (flags, extra, headline) => {
    expect(badgeSummary([bare(flags, extra)]).headline).toBe(headline);
  });

  it('a changed row without its explanation shows "trait: parent → child", with "?" for a missing side', () => {
    const diff = bare([], {
      rows: [
        { trait: 'library', change: 'changed', parentDisplay: 'transformers' },
        { trait: 'not-a-trait', change: 'changed' },
        { trait: 'task', change: 'same' },
        { trait: 'datasets', change: 'unknown' },
      ],
    });
    expect(badgeSummary([diff])).toEqual({ flags: [], headline: 'Changed: library', detail: ['library: transformers → ?'] });
  });

  it('nothing to compare', () => {
    expect(badgeSummary([])).toEqual({ flags: [], headline: 'No parent to compare', detail: [] });
    expect(badgeSummary('junk' as never)).toEqual({ flags: [], headline: 'No parent to compare', detail: [] });
  });
});
