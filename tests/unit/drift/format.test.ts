// @vitest-environment node
// The small readers and formatters behind every figure the panel prints: counts with thousands separators,
// shares, ratios, medians, "a, b and c" lists, and the clipping of long Hub text (never half an emoji).
import { describe, expect, it } from 'vitest';
import {
  clip,
  field,
  finiteNonNegative,
  formatCount,
  formatCountOf,
  formatRatio,
  formatShare,
  isRecord,
  listPhrase,
  mean,
  median,
  text,
  textList,
} from '../../../lib/drift/sanitize';

describe('formatting figures', () => {
  it.each([
    [0, '0'], [999, '999'], [1000, '1,000'], [12_345.6, '12,346'], [1_234_567, '1,234,567'], [-1234, '-1,234'], [-0.4, '0'],
    [Number.NaN, '?'], [Number.POSITIVE_INFINITY, '?'],
  ])('count %s → %s', (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });

  it.each([
    [0.198, '19.8%'], [0.25, '25%'], [1, '100%'], [0, '0%'], [1 / 3, '33.3%'], [Number.NaN, '?'],
  ])('share %s → %s', (value, expected) => {
    expect(formatShare(value)).toBe(expected);
  });

  it('share with more digits, and "count of n"', () => {
    expect(formatShare(0.12345, 2)).toBe('12.35%');
    expect(formatCountOf(3, 10)).toBe('3 of 10 (30%)');
    expect(formatCountOf(1_500, 4_000)).toBe('1,500 of 4,000 (37.5%)');
    expect(formatCountOf(0, 0)).toBe('none');
  });

  it.each([
    [0.4, '0.40'], [0.999, '1.00'], [1, '1.0'], [1.25, '1.3'], [9.94, '9.9'], [10, '10'], [12.5, '13'], [Number.NaN, '?'], [Number.NEGATIVE_INFINITY, '?'],
  ])('ratio %s → %s×', (value, expected) => {
    expect(formatRatio(value)).toBe(expected);
  });

  it.each([
    [[], undefined, undefined],
    [[3], 3, 3],
    [[5, 1, 3], 3, 3],
    [[10, 2, 4, 1], 3, 4.25],
    [[1, Number.NaN, 3], 2, 2],
    [[Number.NaN], undefined, undefined],
  ])('median and mean of %j: %s, %s', (values, med, avg) => {
    expect(median(values)).toBe(med);
    expect(mean(values)).toBe(avg);
  });

  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
    [['a', 'b', 'c', 'd'], 'a, b, c and 1 more'],
  ])('list %j → %j (at most 3 named)', (items, expected) => {
    expect(listPhrase(items, 3)).toBe(expected);
  });

  it('names six by default', () => {
    expect(listPhrase(['1', '2', '3', '4', '5', '6', '7', '8'])).toBe('1, 2, 3, 4, 5, 6 and 2 more');
  });
});

describe('reading untrusted values', () => {
  it('clips long text with an ellipsis, never leaving half a surrogate pair', () => {
    expect(clip('abcdef', 6)).toBe('abcdef');
    expect(clip('abcdefg', 6)).toBe('abcde…');
    expect(clip('abcd😀xyz', 6)).toBe('abcd…');
    expect(clip('abc😀xyz', 6)).toBe('abc😀…');
    expect(clip('x'.repeat(250))).toHaveLength(200);
  });

  it('text: trimmed non-empty strings only', () => {
    expect(text('  a b ')).toBe('a b');
    expect([text('   '), text(''), text(5), text(null), text({ toString: () => 'x' })]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('textList: one value or a list, trimmed, de-duplicated, optionally lower-cased', () => {
    expect(textList(' en ')).toEqual(['en']);
    expect(textList(['en', ' en', 'EN', '', 3, 'de'])).toEqual(['en', 'EN', 'de']);
    expect(textList(['en', ' en', 'EN', 'De'], true)).toEqual(['en', 'de']);
    expect(textList(undefined)).toEqual([]);
    expect(textList(Array.from({ length: 600 }, (_, i) => `x${i}`))).toHaveLength(500);
  });

  it('numbers: finite and not negative', () => {
    expect([finiteNonNegative(0), finiteNonNegative(2.5), finiteNonNegative(-1), finiteNonNegative(Number.NaN), finiteNonNegative('3')]).toEqual([0, 2.5, undefined, undefined, undefined]);
  });

  it('records and own fields only (no prototype names)', () => {
    expect([isRecord({}), isRecord([]), isRecord(null), isRecord('x')]).toEqual([true, false, false, false]);
    expect(field({ a: 1 }, 'a')).toBe(1);
    expect(field({ a: 1 }, 'toString')).toBeUndefined();
    expect(field([1], '0')).toBeUndefined();
  });
});
