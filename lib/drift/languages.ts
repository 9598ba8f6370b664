// Languages: display names and set drift (narrowed / broadened), English-only detection.

import type { LanguageDrift, LanguageDriftKind } from './types';
import { clip, listPhrase, textList } from './sanitize';

/** A BCP 47-ish language code: ISO 639 primary subtag plus optional subtags ("en", "pt-br", "yue"). */
const LANGUAGE_CODE = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8}){0,3}$/;

let displayNames: Intl.DisplayNames | null | undefined;

function names(): Intl.DisplayNames | null {
  if (displayNames === undefined) {
    try {
      displayNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
    } catch {
      displayNames = null;
    }
  }
  return displayNames;
}

/** English name of a language code via Intl.DisplayNames ("de" → "German"); the code when unknown. */
export function languageName(code: string): string {
  if (typeof code !== 'string') return '';
  const trimmed = code.trim();
  if (trimmed === '' || trimmed.length > 35) return clip(trimmed, 35);
  try {
    const name = names()?.of(trimmed.replace(/_/g, '-'));
    return name && name.trim() !== '' ? name : trimmed;
  } catch {
    return trimmed;
  }
}

/**
 * Clean list of language codes: lower-case, de-duplicated, `multilingual` removed (it is a flag, not a
 * language), anything not shaped like a language code dropped.
 */
export function normaliseLanguages(value: unknown): { languages: string[]; multilingual: boolean } {
  let multilingual = false;
  const languages: string[] = [];
  for (const code of textList(value, true)) {
    if (code === 'multilingual') {
      multilingual = true;
      continue;
    }
    if (LANGUAGE_CODE.test(code)) languages.push(code.replace(/_/g, '-'));
  }
  return { languages: [...new Set(languages)], multilingual };
}

/** "English, German and French" (with codes for unknown ones). */
export function describeLanguages(codes: string[], multilingual = false): string {
  if (codes.length === 0) return multilingual ? 'multilingual (no languages listed)' : 'none listed';
  const list = listPhrase(codes.map(languageName), 8);
  return `${codes.length === 1 ? '1 language' : `${codes.length} languages`}: ${list}${multilingual ? ' (marked multilingual)' : ''}`;
}

/**
 * Narrowed: the child's languages are a strict subset of the parent's, or the child lists English only
 * while the parent listed several (the study's dominant drift). Broadened: a strict superset.
 */
export function compareLanguages(parent: string[], child: string[]): LanguageDrift {
  const p = new Set(parent);
  const c = new Set(child);
  const dropped = [...p].filter((code) => !c.has(code));
  const added = [...c].filter((code) => !p.has(code));
  const toEnglishOnly = c.size === 1 && c.has('en') && !(p.size === 1 && p.has('en')) && p.size > 0;
  let kind: LanguageDriftKind;
  if (p.size === 0 && c.size === 0) kind = 'same';
  else if (p.size === 0) kind = 'added';
  else if (c.size === 0) kind = 'removed';
  else if (dropped.length === 0 && added.length === 0) kind = 'same';
  else if (added.length === 0) kind = 'narrowed';
  else if (dropped.length === 0) kind = 'broadened';
  else if (toEnglishOnly && p.size > 1) kind = 'narrowed';
  else kind = 'changed';

  const named = (codes: string[]) => listPhrase(codes.map(languageName), 6);
  let summary: string;
  switch (kind) {
    case 'same':
      summary = p.size === 0 ? 'Neither lists a language.' : 'Same languages as the parent.';
      break;
    case 'added':
      summary = `The parent lists no language; the child lists ${named(added)}.`;
      break;
    case 'removed':
      summary = `The child lists no language; the parent listed ${named(dropped)}.`;
      break;
    case 'narrowed':
      summary = toEnglishOnly
        ? `Narrowed to English only (from ${p.size} languages).`
        : `Narrowed from ${p.size} to ${c.size} languages; dropped ${named(dropped)}.`;
      break;
    case 'broadened':
      summary = `Broadened from ${p.size} to ${c.size} languages; added ${named(added)}.`;
      break;
    default:
      summary = `Languages changed: dropped ${named(dropped)}; added ${named(added)}.`;
  }
  return { kind, toEnglishOnly, dropped, added, parentCount: p.size, childCount: c.size, summary };
}
