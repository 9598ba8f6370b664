import { describe, expect, it } from 'vitest';
import { badgeSummary, diffTraits, modelTraits } from '../../../lib/drift';
import { FAMILY, apiLikeModel } from './fixtures';

describe('badgeSummary', () => {
  it('says there is no parent when there is nothing to compare', () => {
    expect(badgeSummary([])).toEqual({ flags: [], headline: 'No parent to compare', detail: [] });
  });

  it('orders flags by importance: relaxation before narrowing before task changes', () => {
    const parent = modelTraits(apiLikeModel('p/p', { license: 'gemma', languages: ['en', 'fr'], pipeline: 'fill-mask' }));
    const child = modelTraits(apiLikeModel('c/c', { license: 'mit', languages: ['en'], pipeline: 'text-classification', parent: 'p/p' }));
    const badge = badgeSummary([diffTraits(parent, child)]);
    expect(badge.flags).toEqual(['license-relaxed', 'language-narrowed', 'task-changed']);
    expect(badge.headline).toBe('License relaxed: Gemma Terms of Use → MIT (+2 more)');
    expect(badge.detail[0]).toMatch(/^License relaxed: Gemma Terms of Use \(custom commercial\) → MIT \(permissive\)/);
  });

  it('changes that raise no flag still show, with no "No drift" claim', () => {
    const parent = modelTraits(apiLikeModel('p/p', { license: 'mit', library: 'transformers' }));
    const child = modelTraits(apiLikeModel('c/c', { license: 'apache-2.0', library: 'peft', parent: 'p/p' }));
    const badge = badgeSummary([diffTraits(parent, child)]);
    expect(badge.flags).toEqual([]);
    expect(badge.headline).toBe('Changed: license and library');
    expect(badge.detail).toContain('library: transformers → peft');
    expect(badge.detail.join(' ')).toMatch(/same class \(permissive\)/);
  });

  it('is "No drift" when the parent exists and nothing changed', () => {
    const diff = diffTraits(modelTraits(FAMILY.llamaInstruct), modelTraits(FAMILY.northwind));
    expect(badgeSummary([diff])).toEqual({ flags: [], headline: 'No drift', detail: [] });
  });
});
