import { describe, expect, it } from 'vitest';
import {
  coerceEvidence,
  extractEvidence,
  findPattern,
  findPhrase,
  foldLookAlikes,
  hasLookAlikes,
  looksBinary,
  MAX_PASSAGE_CHARS,
  MAX_PASSAGES,
  MAX_SCAN_CHARS,
  normalizeText,
} from '../../../lib/drift/obligation-text';

describe('normalizeText', () => {
  it.each([
    ['curly quotes', '“Built with Llama”', '"Built with Llama"'],
    ['single curly quotes', 'Meta’s ‘notice’', "Meta's 'notice'"],
    ['copyright sign', 'Copyright © Meta', 'Copyright (c) Meta'],
    ['HTML named entity', 'Copyright &copy; Meta &amp; co', 'Copyright (c) Meta & co'],
    ['HTML numeric entities', 'Copyright &#169; &#x41;', 'Copyright (c) A'],
    ['unknown entity kept', '&bogus; x', '&bogus; x'],
    ['out-of-range entity kept', '&#99999999; x', '&#99999999; x'],
    ['HTML tags dropped', '<p align="center">Built <b>with</b> Llama</p>', 'Built with Llama'],
    ['Markdown link keeps text and URL', 'Built with [Llama](https://llama.com)', 'Built with Llama (https://llama.com)'],
    ['Markdown link with a title', 'see [policy](https://x.io/p "AUP")', 'see policy (https://x.io/p)'],
    ['emphasis dropped', '**Built with** _Llama_ ~~no~~', 'Built with _Llama_ no'],
    ['line breaks and NBSP collapsed', 'Built\n  with\u00a0\tLlama', 'Built with Llama'],
    ['dashes unified', 'Llama–3 — ok', 'Llama-3 - ok'],
    ['backticks as quotes', '`NOTICE`', "'NOTICE'"],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('answers an empty string for non-strings', () => {
    expect(normalizeText(42 as unknown as string)).toBe('');
  });
});

describe('look-alike letters', () => {
  it.each([
    ['Roman numeral fifty', 'Ⅼlama-3', 'Llama-3'],
    ['Cyrillic a', 'Llаma', 'Llama'],
    ['Greek capital omicron', 'ΟpenLlama', 'OpenLlama'],
    ['full-width letters', 'Ｌｌａｍａ', 'Llama'],
  ])('%s folds to Latin and is detected', (_name, input, folded) => {
    expect(foldLookAlikes(input)).toBe(folded);
    expect(hasLookAlikes(input)).toBe(true);
  });

  it('plain ASCII and non-letter Unicode are not look-alikes', () => {
    expect(hasLookAlikes('Llama-3.1-8B')).toBe(false);
    expect(hasLookAlikes('Llama ✓ 中文')).toBe(false);
    expect(foldLookAlikes('Llama-3')).toBe('Llama-3');
  });
});

describe('looksBinary', () => {
  it('flags NUL bytes and replacement-character soup, not ordinary text', () => {
    expect(looksBinary('PK\u0003\u0004\u0000\u0000')).toBe(true);
    expect(looksBinary('\ufffd'.repeat(20) + 'abc')).toBe(true);
    expect(looksBinary('Built with Llama \ufffd once')).toBe(false);
    expect(looksBinary('')).toBe(false);
  });
});

const TRAINER_CARD = `---
license: apache-2.0
base_model: meta-llama/Llama-3.1-8B-Instruct
tags:
- generated_from_trainer
extra_gated_prompt: You must display "Built with Llama".
---

<!-- This model card has been generated automatically according to the information the Trainer had access to. You
should probably proofread and complete it, then remove this comment. -->

# Sky-Chat-8B

This model is a fine-tuned version of [meta-llama/Llama-3.1-8B-Instruct](https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct) on the skyforge/chat-mix dataset.

## Training procedure

More information needed
`;

describe('extractEvidence', () => {
  it('keeps card passages with their file line numbers and skips the front matter', () => {
    const start = TRAINER_CARD.indexOf('---\n\n') + 4;
    const evidence = extractEvidence(TRAINER_CARD, start);
    expect(evidence.status).toBe('ok');
    const fineTuned = evidence.passages.find((p) => p.text.includes('fine-tuned version'));
    expect(fineTuned?.line).toBe(14);
    expect(fineTuned?.text).toContain('meta-llama/Llama-3.1-8B-Instruct (https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct)');
    // The gate prompt in the YAML quotes "Built with Llama"; it is not the model's own display.
    expect(findPhrase(evidence, ['Built with Llama'])).toBeUndefined();
    expect(evidence.passages.every((p) => !p.text.includes('generated_from_trainer'))).toBe(true);
  });

  it('reports the line inside a paragraph where the keyword sits', () => {
    const evidence = extractEvidence('# Title\n\nFirst line of text\nsecond line Built with Llama\nthird');
    expect(evidence.passages).toEqual([{ line: 4, text: 'First line of text second line Built with Llama third' }]);
  });

  it('finds a phrase split over a line break (attributed to the paragraph start)', () => {
    const evidence = extractEvidence('intro\n\nThis is Built\nwith Llama.');
    expect(findPhrase(evidence, ['Built with Llama'])).toMatchObject({ kind: 'found', line: 3 });
  });

  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t\n'],
    ['not a string', 42],
    ['undefined', undefined],
  ])('answers empty for %s', (_name, input) => {
    expect(extractEvidence(input)).toEqual({ status: 'empty', passages: [], truncated: false, capped: false });
  });

  it('answers binary for a binary README', () => {
    expect(extractEvidence('\u0000\u0001GGUF\u0000').status).toBe('binary');
  });

  it('scans only the first MAX_SCAN_CHARS of a megabyte card and says so', () => {
    const filler = 'lorem ipsum dolor sit amet\n\n'.repeat(Math.ceil((MAX_SCAN_CHARS + 10) / 28));
    const huge = `${filler}Built with Llama\n`;
    const evidence = extractEvidence(huge);
    expect(evidence.truncated).toBe(true);
    expect(findPhrase(evidence, ['Built with Llama'])).toBeUndefined();
    const exact = extractEvidence('x'.repeat(MAX_SCAN_CHARS));
    expect(exact.truncated).toBe(false);
  });

  it('keeps at most MAX_PASSAGES passages of at most MAX_PASSAGE_CHARS, and says it capped them', () => {
    const many = Array.from({ length: MAX_PASSAGES + 5 }, (_, i) => `License note ${i}`).join('\n\n');
    const evidence = extractEvidence(many);
    expect(evidence.passages).toHaveLength(MAX_PASSAGES);
    expect(evidence.capped).toBe(true);
    const long = extractEvidence(`${'word '.repeat(400)}Built with Llama ${'tail '.repeat(400)}`);
    expect(long.passages[0].text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    expect(findPhrase(long, ['Built with Llama'])?.kind).toBe('found');
    expect(extractEvidence(Array.from({ length: MAX_PASSAGES }, (_, i) => `License ${i}`).join('\n\n')).capped).toBe(false);
  });

  it('ends a paragraph after 12 lines so a long table keeps accurate line numbers', () => {
    const rows = Array.from({ length: 13 }, (_, i) => `| row ${i} |`).join('\n');
    const evidence = extractEvidence(`${rows}\n| license row |`);
    expect(evidence.passages).toEqual([{ line: 14, text: '| row 12 | | license row |' }]);
  });

  it('drops passages without licensing, credit or change words', () => {
    expect(extractEvidence('Just a poem about rivers.\n\nAnd another one.').passages).toEqual([]);
  });
});

describe('findPhrase / findPattern', () => {
  const evidence = extractEvidence('Built with **Llama**, see [the policy](https://llama.meta.com/llama3_1/use-policy).\n\nGemma is provided under and subject to the Gemma Terms of Use found at https://ai.google.dev/gemma/terms.');

  it('matches through Markdown, case and a trailing period', () => {
    expect(findPhrase(evidence, ['built with llama.'])).toMatchObject({ kind: 'found', line: 1 });
    expect(findPhrase(evidence, ['Gemma is provided under and subject to the Gemma Terms of Use found at https://ai.google.dev/gemma/terms'])).toMatchObject({ kind: 'found', line: 3 });
  });

  it('quotes the words around the match', () => {
    expect(findPhrase(evidence, ['llama.meta.com/llama3_1/use-policy'])?.quote).toMatch(/^….*use-policy\)?\.?…?$/);
    expect(findPhrase(extractEvidence('Built with Llama'), ['Built with Llama'])?.quote).toBe('Built with Llama');
  });

  it('says when only look-alike letters match', () => {
    const fake = extractEvidence('Built with Ⅼlama');
    expect(findPhrase(fake, ['Built with Llama'])).toMatchObject({ kind: 'look-alike', line: 1 });
  });

  it('answers undefined for unreadable evidence or no match', () => {
    expect(findPhrase(undefined, ['x'])).toBeUndefined();
    expect(findPhrase({ status: 'binary', passages: [], truncated: false, capped: false }, ['x'])).toBeUndefined();
    expect(findPhrase(evidence, ['Built with Qwen'])).toBeUndefined();
    expect(findPhrase(evidence, [''])).toBeUndefined();
    expect(findPattern(undefined, /x/)).toBeUndefined();
    expect(findPattern(evidence, /nothing-here/)).toBeUndefined();
    expect(findPattern(evidence, /provided under/)).toMatchObject({ kind: 'found', line: 3 });
  });
});

describe('coerceEvidence', () => {
  it('reads back a valid record and drops bad passages', () => {
    expect(
      coerceEvidence({ status: 'ok', passages: [{ line: 2, text: 'a' }, { line: 0, text: 'b' }, { line: 1.5, text: 'c' }, { line: 3, text: 4 }, null], truncated: true }),
    ).toEqual({ status: 'ok', passages: [{ line: 2, text: 'a' }], truncated: true, capped: false });
  });

  it.each([[undefined], [null], ['x'], [{ status: 'weird', passages: [] }], [{ status: 'ok' }]])('answers undefined for %j', (value) => {
    expect(coerceEvidence(value)).toBeUndefined();
  });
});

describe('angle brackets', () => {
  it('keeps autolinks, drops tags and never outputs markup, even from decoded entities', () => {
    expect(normalizeText('Policy: <https://llama.meta.com/llama3_1/use-policy>')).toBe('Policy: https://llama.meta.com/llama3_1/use-policy');
    expect(normalizeText('&lt;script&gt;alert(1)&lt;/script&gt; a < b')).toBe('alert(1) a b');
    expect(normalizeText('&lt;b')).toBe('b');
  });
});

describe('boundaries', () => {
  it.each([
    ['upper-case hex entity', '&#X41;', 'A'],
    ['NUL entity kept', '&#0;', '&#0;'],
    ['largest code point decoded', '&#x10FFFF;', '\u{10FFFF}'],
    ['beyond Unicode kept', '&#x110000;', '&#x110000;'],
    ['a tag becomes a space', 'a<br>b', 'a b'],
    ['a lone angle bracket becomes a space', 'a<b', 'a b'],
    ['http autolink', '<http://x.io/p>', 'http://x.io/p'],
    ['link title after several spaces', '[p](https://x.io/p   "t")', 'p (https://x.io/p)'],
    ['single asterisks', 'a*b*c', 'abc'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('look-alikes: compatibility digits and ligatures fold, fractions and plain ASCII do not', () => {
    expect(hasLookAlikes('x²')).toBe(true);
    expect(hasLookAlikes('ﬁne')).toBe(true);
    expect(hasLookAlikes('½')).toBe(false);
    expect(hasLookAlikes('\u0080')).toBe(false);
    expect(hasLookAlikes('~')).toBe(false);
  });

  it('binary detection: more than 10% replacement characters in the first 4,000', () => {
    expect(looksBinary(`${'\ufffd'.repeat(10)}${'a'.repeat(90)}`)).toBe(false);
    expect(looksBinary(`${'\ufffd'.repeat(11)}${'a'.repeat(89)}`)).toBe(true);
    expect(looksBinary(`${'a'.repeat(4000)}${'\ufffd'.repeat(4000)}`)).toBe(false);
    expect(looksBinary(`${'a'.repeat(4000)}\u0000`)).toBe(false);
  });

  it('binary and empty answers carry no passages and no flags', () => {
    expect(extractEvidence('\u0000x')).toEqual({ status: 'binary', passages: [], truncated: false, capped: false });
  });

  it('the scan limit counts from the start offset', () => {
    const text = `${'y'.repeat(10)}${'x'.repeat(MAX_SCAN_CHARS)}`;
    expect(extractEvidence(text, 10).truncated).toBe(false);
    expect(extractEvidence(text, 9).truncated).toBe(true);
  });

  it('a short paragraph is kept whole, a long one from 200 characters before its keyword', () => {
    const short = extractEvidence(`${'a '.repeat(150)}license`);
    expect(short.passages[0].text.startsWith('a a')).toBe(true);
    const long = extractEvidence(`${'b '.repeat(400)}license ${'c '.repeat(100)}`);
    expect(long.passages[0].text.startsWith('b b')).toBe(true);
    expect(long.passages[0].text).toContain('license');
    expect(long.passages[0].text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
  });

  it('lines of spaces end a paragraph', () => {
    expect(extractEvidence('license one\n   \nlicense two').passages.map((p) => p.line)).toEqual([1, 3]);
  });

  it('quotes mark cut text on both sides', () => {
    const evidence = extractEvidence(`${'x'.repeat(50)} Built with Llama ${'y'.repeat(50)}`);
    expect(findPhrase(evidence, ['Built with Llama'])?.quote).toBe(`…${'x'.repeat(19)} Built with Llama ${'y'.repeat(19)}…`);
  });

  it('empty evidence finds nothing', () => {
    const empty = extractEvidence('');
    expect(findPhrase(empty, ['x'])).toBeUndefined();
    expect(findPattern(empty, /x/)).toBeUndefined();
  });

  it('coerceEvidence keeps binary and empty statuses, its flags, and at most MAX_PASSAGES passages', () => {
    expect(coerceEvidence({ status: 'binary', passages: [] })).toEqual({ status: 'binary', passages: [], truncated: false, capped: false });
    expect(coerceEvidence({ status: 'empty', passages: [], truncated: false, capped: true })).toEqual({ status: 'empty', passages: [], truncated: false, capped: true });
    const many = Array.from({ length: MAX_PASSAGES + 3 }, (_, i) => ({ line: i + 1, text: 'x' }));
    expect(coerceEvidence({ status: 'ok', passages: [...many, 'junk', 7] })?.passages).toHaveLength(MAX_PASSAGES);
    expect(coerceEvidence({ status: 'ok', passages: [{ line: 1, text: 'x'.repeat(MAX_PASSAGE_CHARS + 50) }] })?.passages[0].text.length).toBe(MAX_PASSAGE_CHARS);
  });
});
