// Text helpers for the upstream-obligation checks: normalising card and notice text so that a phrase
// matches however it was typed (Markdown, links, HTML entities, curly quotes, line breaks), and keeping
// only the few passages of a README or notice file that the checks need, so that a megabyte card is
// never cached or shipped to a view. Pure: no DOM, no I/O.

import { clip } from './sanitize';

/** Characters of a file we scan; beyond this a phrase that was not found is "unknown", not "missing". */
export const MAX_SCAN_CHARS = 200_000;
/** Passages kept per file (each one paragraph, or a window around its first keyword). */
export const MAX_PASSAGES = 80;
/** Characters kept per passage. */
export const MAX_PASSAGE_CHARS = 600;

export type TextStatus = 'ok' | 'binary' | 'empty';

/** One kept passage: its 1-based line in the file and its normalised text. */
export interface Passage {
  line: number;
  text: string;
}

/** What the checks know about one text file (README or notice file), computed when it is read. */
export interface TextEvidence {
  status: TextStatus;
  passages: Passage[];
  /** Only the first MAX_SCAN_CHARS characters were scanned. */
  truncated: boolean;
  /** More passages matched than were kept. */
  capped: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: ' ',
  copy: '(c)',
  rsquo: "'",
  lsquo: "'",
  rdquo: '"',
  ldquo: '"',
  ndash: '-',
  mdash: '-',
  reg: '(r)',
  trade: '(tm)',
};

function decodeEntity(whole: string, body: string): string {
  if (body[0] === '#') {
    const hex = body[1] === 'x' || body[1] === 'X';
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return ENTITIES[body.toLowerCase()] ?? whole;
}

/**
 * Plain comparable text: HTML entities decoded, tags and Markdown emphasis dropped, links reduced to
 * "text (url)", curly quotes straightened, © as (c), dashes as "-", whitespace collapsed. Case and
 * letters are kept: look-alike letters are detected separately (see `foldLookAlikes`).
 */
export function normalizeText(input: string): string {
  if (typeof input !== 'string' || input === '') return '';
  return input
    .replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, decodeEntity)
    .replace(/<(https?:\/\/[^<>\s]{1,500})>/g, '$1')
    .replace(/<[^<>]{0,300}>/g, ' ')
    // Angle brackets left over (a decoded "&lt;", a lone "<") are never markup here.
    .replace(/[<>]/g, ' ')
    .replace(/!?\[([^\]\n]{0,300})\]\(\s*<?([^()\s>]{0,500})>?(?:\s+"[^"\n]{0,200}")?\s*\)/g, '$1 ($2)')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[©Ⓒ]/g, '(c)')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\*+|__|~~/g, '')
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ')
    .trim();
}

/** Latin look-alikes NFKC does not fold: Cyrillic and Greek capitals and small letters. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', Ѕ: 'S', І: 'I', Ј: 'J', Ӏ: 'l',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ӏ: 'l', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ο: 'o', ν: 'v', α: 'a', ι: 'i', κ: 'k', ρ: 'p', τ: 't', υ: 'u',
  ǀ: 'l', '׀': 'l', 'ا': 'l', '１': '1',
};

/** Text with compatibility forms (NFKC: Roman numerals, full-width letters…) and common look-alikes folded to Latin. */
export function foldLookAlikes(input: string): string {
  let folded = input.normalize('NFKC');
  if (!/[^\x00-\x7f]/.test(folded)) return folded;
  folded = [...folded].map((ch) => LOOK_ALIKES[ch] ?? ch).join('');
  return folded;
}

/** True when the text has non-ASCII characters that fold to ASCII letters or digits (e.g. "Ⅼlama"). */
export function hasLookAlikes(input: string): boolean {
  for (const ch of input) {
    if (ch.charCodeAt(0) < 0x80) continue;
    if (/^[A-Za-z0-9]+$/.test(foldLookAlikes(ch))) return true;
  }
  return false;
}

/** A file that is not text: NUL bytes or many replacement characters in its first 4,000 characters. */
export function looksBinary(input: string): boolean {
  const head = input.slice(0, 4000);
  if (head.includes('\u0000')) return true;
  let bad = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0xfffd) bad++;
  return head.length > 0 && bad / head.length > 0.1;
}

/** Words that make a passage worth keeping for the obligation checks. */
const KEYWORDS =
  /built with|improved using|licen[cs]|notice|use polic|acceptable use|prohibited use|copyright|\(c\)|rights reserved|terms of use|provided under|modif|chang|fine-?tun|finetun|quanti[sz]|merge|train|adapter|lora|distil|based on|derived from|attribution|credit|https?:\/\/|huggingface\.co/i;

/** Passages of a README or notice file that mention licensing, credit or changes. Never throws. */
export function extractEvidence(input: unknown, startOffset = 0): TextEvidence {
  if (typeof input !== 'string' || input.trim() === '') return { status: 'empty', passages: [], truncated: false, capped: false };
  if (looksBinary(input)) return { status: 'binary', passages: [], truncated: false, capped: false };
  const start = Math.max(0, Math.min(startOffset, input.length));
  const truncated = input.length - start > MAX_SCAN_CHARS;
  const body = input.slice(start, start + MAX_SCAN_CHARS);
  let firstLine = 1;
  for (let i = 0; i < start; i++) if (input.charCodeAt(i) === 10) firstLine++;

  const passages: Passage[] = [];
  let capped = false;
  const lines = body.split('\n');
  let paragraph: string[] = [];
  let paragraphStart = firstLine;
  const flush = () => {
    if (paragraph.length === 0) return;
    const joined = normalizeText(paragraph.join('\n'));
    const folded = foldLookAlikes(joined);
    const hit = KEYWORDS.exec(folded);
    if (hit) {
      if (passages.length >= MAX_PASSAGES) capped = true;
      else {
        const offset = paragraph.findIndex((l) => KEYWORDS.test(foldLookAlikes(normalizeText(l))));
        const from = joined.length > MAX_PASSAGE_CHARS ? Math.max(0, hit.index - 200) : 0;
        passages.push({ line: paragraphStart + Math.max(0, offset), text: clip(joined.slice(from), MAX_PASSAGE_CHARS) });
      }
    }
    paragraph = [];
  };
  lines.forEach((line, i) => {
    // Blank lines end a paragraph; so does a long run of lines (a table, a code block).
    if (line.trim() === '' || paragraph.length >= 12) flush();
    if (line.trim() === '') return;
    if (paragraph.length === 0) paragraphStart = firstLine + i;
    paragraph.push(line);
  });
  flush();
  return { status: 'ok', passages, truncated, capped };
}

/** Reads evidence back from anything (a cache record from an older version, a message): never throws. */
export function coerceEvidence(value: unknown): TextEvidence | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const status = v.status === 'ok' || v.status === 'binary' || v.status === 'empty' ? v.status : undefined;
  if (status === undefined || !Array.isArray(v.passages)) return undefined;
  const passages: Passage[] = [];
  for (const p of v.passages.slice(0, MAX_PASSAGES)) {
    if (typeof p !== 'object' || p === null) continue;
    const { line, text } = p as Record<string, unknown>;
    if (typeof line === 'number' && Number.isInteger(line) && line > 0 && typeof text === 'string') {
      passages.push({ line, text: clip(text, MAX_PASSAGE_CHARS) });
    }
  }
  return { status, passages, truncated: v.truncated === true, capped: v.capped === true };
}

export interface PhraseMatch {
  /** `found`: as written (case-insensitive); `look-alike`: only after folding look-alike letters. */
  kind: 'found' | 'look-alike';
  line: number;
  /** The passage's words around the match, for the evidence sentence. */
  quote: string;
}

function quoteAround(text: string, index: number, length: number): string {
  const from = Math.max(0, index - 20);
  const to = Math.min(text.length, index + length + 20);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}

/**
 * First passage containing one of the phrases (compared normalised and case-insensitively; a trailing
 * period in the phrase is optional). Falls back to look-alike folding and says so.
 */
export function findPhrase(evidence: TextEvidence | undefined, phrases: readonly string[]): PhraseMatch | undefined {
  if (!evidence || evidence.status !== 'ok') return undefined;
  const needles = phrases.map((p) => normalizeText(p).replace(/\.$/, '').toLowerCase()).filter((p) => p !== '');
  for (const passage of evidence.passages) {
    const hay = passage.text.toLowerCase();
    for (const needle of needles) {
      const at = hay.indexOf(needle);
      if (at >= 0) return { kind: 'found', line: passage.line, quote: quoteAround(passage.text, at, needle.length) };
    }
  }
  for (const passage of evidence.passages) {
    const hay = foldLookAlikes(passage.text).toLowerCase();
    for (const needle of needles) {
      const at = hay.indexOf(foldLookAlikes(needle));
      if (at >= 0) return { kind: 'look-alike', line: passage.line, quote: clip(passage.text, 120) };
    }
  }
  return undefined;
}

/** First passage matching a pattern (tested on the normalised text). */
export function findPattern(evidence: TextEvidence | undefined, pattern: RegExp): PhraseMatch | undefined {
  if (!evidence || evidence.status !== 'ok') return undefined;
  for (const passage of evidence.passages) {
    const hit = pattern.exec(passage.text);
    if (hit) return { kind: 'found', line: passage.line, quote: quoteAround(passage.text, hit.index, hit[0].length) };
  }
  return undefined;
}
