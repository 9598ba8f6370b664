// License facts read back from the cache or a message are re-derived from their key, so a tampered or
// outdated record never shows terms the engine did not compute; the restriction order decides direction.
import { describe, expect, it } from 'vitest';
import { compareLicenses, compareRestriction, describeLicenses, licenseFacts } from '../../../lib/drift';
import { coerceLicenseFacts, coerceLicenseList, normaliseLicenseKey, restrictionRank } from '../../../lib/drift/licenses';

describe('license records from outside the engine', () => {
  it.each([
    [' MIT ', 'mit'],
    ['Apache-2.0', 'apache-2.0'],
    ['', 'unknown'],
    [null, 'unknown'],
    [42, 'unknown'],
    ['x'.repeat(130), `${'x'.repeat(119)}…`],
  ])('key %j → %j', (key, expected) => {
    expect(normaliseLicenseKey(key)).toBe(expected);
  });

  it('a record is rebuilt from its key: made-up terms are dropped', () => {
    const tampered = { ...licenseFacts('cc-by-nc-4.0'), commercialUse: 'yes', licenseClass: 'permissive', label: '<b>free</b>' };
    expect(coerceLicenseFacts(tampered)).toBe(licenseFacts('cc-by-nc-4.0'));
    expect(coerceLicenseFacts('GPL-3.0')).toBe(licenseFacts('gpl-3.0'));
    expect(coerceLicenseFacts({ key: 7 })).toBe(licenseFacts('unknown'));
    expect(coerceLicenseFacts(null)).toBe(licenseFacts('unknown'));
  });

  it('a named custom license keeps its name, or its link, or the name inside its identity', () => {
    expect(coerceLicenseFacts({ key: 'other', source: 'named-custom', customName: 'Acme License', identity: 'other:acme license' })).toMatchObject({
      identity: 'other:acme license',
      label: 'Acme License',
    });
    expect(coerceLicenseFacts({ key: 'Other', source: 'named-custom', link: 'LICENSE.md' })).toMatchObject({ identity: 'other:license.md', link: 'LICENSE.md' });
    expect(coerceLicenseFacts({ key: 'other', source: 'named-custom', identity: 'other:acme license' })).toMatchObject({ label: 'acme license' });
    expect(coerceLicenseFacts({ key: 'other', source: 'named-custom', identity: 'acme' })).toMatchObject({ identity: 'other', source: 'hub-list' });
    expect(coerceLicenseFacts({ key: 'other', customName: 'Acme' })).toMatchObject({ identity: 'other', source: 'hub-list' });
  });

  it('a list: one record or many, each license once, at most 50', () => {
    expect(coerceLicenseList(licenseFacts('mit')).map((f) => f.key)).toEqual(['mit']);
    expect(coerceLicenseList(['mit', 'MIT', licenseFacts('mit'), 'apache-2.0']).map((f) => f.key)).toEqual(['mit', 'apache-2.0']);
    expect(coerceLicenseList(Array.from({ length: 60 }, (_, i) => `key-${i}`))).toHaveLength(50);
    expect(coerceLicenseList('mit')).toEqual([]);
  });

  it('descriptions join several licenses and say when none is stated', () => {
    expect(describeLicenses([])).toBe('not stated');
    expect(describeLicenses([licenseFacts('mit'), licenseFacts('llama3.1')])).toBe('MIT (permissive) + Llama 3.1 Community License Agreement (custom commercial)');
  });
});

describe('the restriction order', () => {
  it.each([
    ['mit', 'cc-by-4.0', 0],
    ['mit', 'lgpl-3.0', -1],
    ['gpl-3.0', 'lgpl-3.0', 1],
    ['openrail', 'llama3.1', -1],
    ['cc-by-nc-4.0', 'llama3.1', 1],
    ['cc-by-nd-4.0', 'cc-by-nc-4.0', 1],
    ['other', 'mit', undefined],
    ['mit', 'unknown', undefined],
  ])('%s vs %s: %s', (a, b, expected) => {
    expect(compareRestriction(licenseFacts(a), licenseFacts(b))).toBe(expected);
  });

  it('unknown terms have no rank', () => {
    expect(restrictionRank('unknown')).toBeUndefined();
    expect(restrictionRank('permissive')).toBe(0);
    expect(restrictionRank('no-derivatives')).toBe(7);
  });

  it('a parent with one known and one unknown license: a looser child is still a likely relaxation', () => {
    const drift = compareLicenses([licenseFacts('gpl-3.0'), licenseFacts('my-license')], [licenseFacts('mit')]);
    expect(drift).toMatchObject({ kind: 'relaxed', certainty: 'likely', parentClass: 'strong-copyleft' });
  });

  it('a child with an unknown license: the direction can\'t be judged', () => {
    const drift = compareLicenses([licenseFacts('gpl-3.0')], [licenseFacts('mit'), licenseFacts('my-license')]);
    expect(drift.kind).toBe('unknown');
    expect(drift.summary).toMatch(/because the child's license terms are unknown here\.$/);
  });

  it('a tightening lists only the obligations that pass down', () => {
    const drift = compareLicenses([licenseFacts('mit'), licenseFacts('gpl-3.0')], [licenseFacts('cc-by-nc-nd-4.0')]);
    expect(drift.kind).toBe('tightened');
    expect(drift.obligations).toEqual(['GPL-3.0-only asks that derivatives be shared under the same or a compatible license.']);
  });

  it('a sideways move names the shared class', () => {
    expect(compareLicenses([licenseFacts('mit')], [licenseFacts('apache-2.0')]).summary).toBe(
      'License changed within the same class (permissive): MIT (permissive) → Apache license 2.0 (permissive).',
    );
  });
});
