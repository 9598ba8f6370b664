// Evidence checks for upstream obligations: for one derivative and the licenses of its ancestors, each
// duty from the catalogue answered `met`, `unmet` or `unknown`, with the evidence in a reviewer's words.
// A check answers `unknown` with a reason whenever the data cannot show the answer (file list missing or
// cut short, card not read or not text, look-alike letters); it never guesses and never throws.
// Pure: no DOM, no I/O.

import { licenseFacts } from './licenses';
import { findPattern, findPhrase, hasLookAlikes, foldLookAlikes, type PhraseMatch, type TextEvidence } from './obligation-text';
import {
  catalogueEntry,
  hasDuties,
  LICENSE_FILE,
  NOTICE_FILE,
  USE_POLICY_FILE,
  type Duty,
  type DutyCheck,
  type LicenseDuties,
  type ObligationKey,
} from './obligations';
import { clip, formatCount, listPhrase } from './sanitize';
import type { LicenseFacts } from './types';

export type ObligationStatus = 'met' | 'unmet' | 'unknown';
export const OBLIGATION_STATUSES: readonly ObligationStatus[] = ['unmet', 'unknown', 'met'];

/** A repository's file list as the data layer kept it (`siblings`, names only, capped). */
export interface RepoFiles {
  names: string[];
  /** Files the Hub listed (may exceed names.length when the list was capped). */
  total: number;
}

/** One ancestor whose license may pass duties down. */
export interface AncestorLicense {
  id: string;
  /** Hub license key as declared (`other` for custom licenses). */
  key: string;
  customName?: string;
  customLink?: string;
  /** 1 = a parent, 2 = a grandparent… */
  depth: number;
  files?: RepoFiles;
}

/** What is known about the derivative. */
export interface ObligationSubject {
  id: string;
  licenses: LicenseFacts[];
  files?: RepoFiles;
  /** README passages; undefined when the card was not read. */
  card?: TextEvidence;
  /** The notice file read for exact-sentence checks, when the repository has one. */
  notice?: { file: string; evidence?: TextEvidence; error?: string };
}

/** One duty's answer: plain and serialisable (the BOM exporter turns it into properties). */
export interface ObligationResult {
  key: ObligationKey;
  status: ObligationStatus;
  /** Hub key of the license the duty comes from (`other` for custom licenses). */
  license: string;
  /** Short name of that license, e.g. "Llama 3.1 license". */
  licenseName: string;
  /** The ancestor whose license it is. */
  from: string;
  /** Clause with the license's name, e.g. "Llama 3.1 license §1.b.i". */
  clause: string;
  /** Where to read the license. */
  link: string;
  /** What the duty asks, in our words. */
  duty: string;
  /** What the check saw, in a reviewer's words. */
  evidence: string;
  /** A visible caution on a `met` (e.g. matched only when case is ignored). */
  caveat?: string;
}

interface Answer {
  status: ObligationStatus;
  evidence: string;
  caveat?: string;
}

const met = (evidence: string, caveat?: string): Answer => (caveat ? { status: 'met', evidence, caveat } : { status: 'met', evidence });
const unmet = (evidence: string): Answer => ({ status: 'unmet', evidence });
const unknown = (evidence: string): Answer => ({ status: 'unknown', evidence });

function quote(value: string, max = 80): string {
  return `'${clip(value, max)}'`;
}

function baseName(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 1] ?? path;
}

/** Repository name after the owner. */
export function repoName(id: string): string {
  return typeof id === 'string' ? baseName(id) : '';
}

function filesMatching(files: RepoFiles, patterns: readonly RegExp[]): string[] {
  return files.names.filter((name) => patterns.some((p) => p.test(baseName(name))));
}

function capped(files: RepoFiles): boolean {
  return files.total > files.names.length;
}

function where(match: PhraseMatch, file: string): string {
  return `${file} line ${match.line} says ${quote(match.quote, 120)}`;
}

/** Why a text could not be searched, or undefined when it can. */
function unreadable(evidence: TextEvidence | undefined, what: string): string | undefined {
  if (evidence === undefined) return `the ${what} could not be read`;
  if (evidence.status === 'binary') return `the ${what} is not text`;
  return undefined;
}

/** Hub keys declared by the derivative, with the catalogue key each maps to. */
function declared(subject: ObligationSubject): { facts: LicenseFacts; family?: string }[] {
  return subject.licenses.map((facts) => {
    const entry = catalogueEntry(facts.key, facts.customName);
    return { facts, family: entry?.key };
  });
}

function declaredPhrase(subject: ObligationSubject): string {
  return listPhrase(subject.licenses.map((l) => l.key === 'other' && l.customName ? `other (${clip(l.customName, 40)})` : l.key), 3);
}

/** The derivative states no license (none, or `other` with neither name nor link). */
export function statesNoLicense(licenses: readonly LicenseFacts[]): boolean {
  return licenses.every((l) => l.key === 'other' && !l.customName && !l.link);
}

// ---------------------------------------------------------------------------------------------
// The checks

function checkFile(check: Extract<DutyCheck, { kind: 'file' }>, subject: ObligationSubject, ancestor: AncestorLicense): Answer {
  if (!subject.files) return unknown('the repository\'s file list is not known');
  const found = filesMatching(subject.files, check.patterns);
  if (found.length > 0) return met(`the repository has ${listPhrase(found.map((f) => quote(f, 60)), 3)} (its text was not read)`);
  if (capped(subject.files)) {
    return unknown(`only the first ${formatCount(subject.files.names.length)} of ${formatCount(subject.files.total)} files were kept, and none of them is named ${check.described}*`);
  }
  const none = `no file named ${check.described}* in the repository (${formatCount(subject.files.total)} files)`;
  // The Hub shows the declared license's text by its key; whether that counts as a copy is unclear.
  if (subject.licenses.some((l) => l.key === ancestor.key && l.key !== 'other')) {
    return unknown(`${none}; only the metadata declares ${ancestor.key}, which the Hub links to its text`);
  }
  return unmet(none);
}

function noticeFiles(files: RepoFiles): string[] {
  return files.names.filter((n) => NOTICE_FILE.test(baseName(n)));
}

function checkNoticeSentence(check: Extract<DutyCheck, { kind: 'notice-sentence' }>, subject: ObligationSubject): Answer {
  const sentence = quote(check.shown, 140);
  const inCard = findPhrase(subject.card, check.sentences);
  const cardFallback = (prefix: string): Answer | undefined => {
    if (inCard?.kind === 'found') {
      return met(`${prefix}${where(inCard, 'README')}`, 'the sentence is in the README, not in a Notice file as the license asks');
    }
    return undefined;
  };
  const notice = subject.notice;
  if (notice) {
    const file = notice.file;
    const reason = notice.error ?? unreadable(notice.evidence, `file ${file}`);
    if (reason === undefined && notice.evidence) {
      if (notice.evidence.status === 'empty') return cardFallback(`${file} is empty; `) ?? unmet(`${file} is empty and the README does not contain ${sentence}`);
      const match = findPhrase(notice.evidence, check.sentences);
      if (match?.kind === 'found') return met(where(match, file));
      if (match?.kind === 'look-alike') return unknown(`${file} line ${match.line} has the sentence only with look-alike characters: ${quote(match.quote, 120)}`);
      if (notice.evidence.truncated) return unknown(`${file} is too long to read fully and its first part lacks ${sentence}`);
      return cardFallback(`${file} lacks it; `) ?? unmet(`${file} does not contain ${sentence}, nor does the README`);
    }
    return cardFallback(`${file} could not be read; `) ?? unknown(`${file} could not be read (${reason})`);
  }
  const cardReason = unreadable(subject.card, 'README');
  const fileState = subject.files === undefined ? 'the file list is not known' : capped(subject.files) ? 'the file list was cut short' : undefined;
  const fallback = cardFallback(fileState ? `${fileState}; ` : 'no Notice file; ');
  if (fallback) return fallback;
  if (inCard?.kind === 'look-alike') return unknown(`README line ${inCard.line} has the sentence only with look-alike characters: ${quote(inCard.quote, 120)}`);
  if (fileState) return unknown(`${fileState}, and the README ${cardReason ? 'could not be searched' : 'does not carry the sentence'}`);
  if (cardReason) return unknown(`no file named NOTICE in the repository, and ${cardReason}`);
  if (subject.card?.truncated) return unknown(`no file named NOTICE in the repository, and the README is too long to search fully for ${sentence}`);
  return unmet(`no file named NOTICE in the repository, and the README does not contain ${sentence}`);
}

function checkParentNotice(subject: ObligationSubject, ancestor: AncestorLicense): Answer | null {
  if (!ancestor.files) return unknown(`the file list of ${ancestor.id} is not known, so whether it ships a NOTICE file is unknown`);
  const parentNotices = noticeFiles(ancestor.files);
  // No NOTICE upstream: the duty does not arise (not listed).
  if (parentNotices.length === 0) return capped(ancestor.files) ? unknown(`the file list of ${ancestor.id} was cut short`) : null;
  const theirs = `${ancestor.id} ships ${quote(parentNotices[0], 60)}`;
  if (!subject.files) return unknown(`${theirs}; this repository's file list is not known`);
  const ours = noticeFiles(subject.files);
  if (ours.length > 0) return met(`${theirs}; this repository has ${quote(ours[0], 60)}`);
  if (capped(subject.files)) return unknown(`${theirs}; this repository's file list was cut short`);
  return unmet(`${theirs}; this repository has no NOTICE file`);
}

function checkCardPhrase(check: Extract<DutyCheck, { kind: 'card-phrase' }>, subject: ObligationSubject): Answer {
  const shown = quote(check.shown);
  const reason = unreadable(subject.card, 'model card');
  if (reason) return unknown(reason);
  if (subject.card!.status === 'empty') return unmet(`the repository has no model card text, so nothing shows ${shown}`);
  const match = findPhrase(subject.card, check.phrases);
  if (match?.kind === 'found') return met(where(match, 'README'));
  if (match?.kind === 'look-alike') return unknown(`README line ${match.line} shows it only with look-alike characters: ${quote(match.quote, 120)}`);
  if (subject.card!.truncated) return unknown(`the model card is too long to search fully, and its first part does not say ${shown}`);
  return unmet(`the model card never says ${shown} (a related website may; only the card is checked)`);
}

function checkCredit(subject: ObligationSubject, ancestor: AncestorLicense): Answer {
  const reason = unreadable(subject.card, 'model card');
  if (reason) return unknown(`${reason}; the base_model metadata names ${ancestor.id}`);
  const match = findPhrase(subject.card, [ancestor.id]);
  if (match?.kind === 'found') return met(where(match, 'README'));
  return unknown(`the model card does not name ${ancestor.id}; only the base_model metadata links it, which may not be enough credit`);
}

const VENDOR_PREFIX = /^meta[-_. ]+/i;

function checkNamePrefix(check: Extract<DutyCheck, { kind: 'name-prefix' }>, subject: ObligationSubject): Answer {
  const name = repoName(subject.id);
  const prefix = quote(check.prefix);
  if (name === '') return unknown('the repository name is not known');
  if (hasLookAlikes(name)) {
    const folded = foldLookAlikes(name);
    const resembles = new RegExp(check.pattern.source, 'i').test(folded.replace(VENDOR_PREFIX, ''));
    return unknown(`the name ${quote(name)} uses look-alike characters${resembles ? ` that only resemble ${prefix}` : ''}`);
  }
  if (check.pattern.test(name)) return met(`the name ${quote(name)} begins with ${prefix}`);
  const loose = new RegExp(check.pattern.source, 'i');
  if (loose.test(name)) return met(`the name ${quote(name)} begins with ${prefix} when case is ignored`, 'the license writes it with this exact case');
  const vendor = VENDOR_PREFIX.exec(name);
  if (vendor && loose.test(name.slice(vendor[0].length))) {
    return met(`the name ${quote(name)} has ${prefix} after the vendor prefix ${quote(vendor[0])}`, `a strict reading wants ${prefix} at the very beginning`);
  }
  return unmet(`the name ${quote(name)} does not begin with ${prefix}`);
}

function checkUsePolicy(check: Extract<DutyCheck, { kind: 'use-policy' }>, subject: ObligationSubject): Answer {
  const files = subject.files ? filesMatching(subject.files, [USE_POLICY_FILE]) : [];
  if (files.length > 0) return met(`the repository has ${quote(files[0], 60)}`);
  const linked = findPhrase(subject.card, [...check.links, 'Acceptable Use Policy']);
  if (linked?.kind === 'found') return met(where(linked, 'README'), 'the policy is linked or named in the card, not shipped as a file');
  if (!subject.files) return unknown('the repository\'s file list is not known');
  if (capped(subject.files)) return unknown('the file list was cut short and none of the kept files is a USE_POLICY file');
  const reason = unreadable(subject.card, 'model card');
  if (reason) return unknown(`no USE_POLICY file in the repository, and ${reason}`);
  return unmet('no USE_POLICY file in the repository, and the model card does not link or name the Acceptable Use Policy');
}

function checkRestrictions(check: Extract<DutyCheck, { kind: 'restrictions' }>, subject: ObligationSubject, entry: LicenseDuties): Answer {
  const licenses = declared(subject);
  if (statesNoLicense(subject.licenses)) {
    const license = subject.files ? filesMatching(subject.files, [LICENSE_FILE]) : [];
    if (license.length > 0) return unknown(`states no license in its metadata; ${quote(license[0], 60)} may carry the restrictions (its text was not read)`);
    return unmet(`states no license, so no license passes on the ${entry.name}'s use restrictions`);
  }
  const same = licenses.find((l) => l.family === check.carriers[0]);
  if (same) return met(`declares ${same.facts.key === 'other' ? 'the same custom license' : same.facts.key}`);
  const similar = licenses.find((l) => l.family !== undefined && check.carriers.includes(l.family));
  if (similar) return met(`declares ${similar.facts.key}`, 'a related license whose use restrictions are close to, not identical with, the parent\'s');
  const open = licenses.find((l) => l.facts.licenseClass === 'unknown');
  if (open) return unknown(`declares ${open.facts.key === 'other' ? 'a custom license' : open.facts.key}; read it to see whether it carries the ${entry.name}'s use restrictions`);
  return unmet(`declares ${declaredPhrase(subject)}, which carries none of the ${entry.name}'s use restrictions`);
}

function checkSameLicense(check: Extract<DutyCheck, { kind: 'same-license' }>, subject: ObligationSubject, entry: LicenseDuties): Answer {
  if (statesNoLicense(subject.licenses)) return unmet(`states no license; the ${entry.name} asks for derivatives under the same license`);
  const keys = subject.licenses.map((l) => l.key);
  const same = keys.find((k) => check.accepted.includes(k));
  if (same) return met(`declares ${same}`);
  const caveated = keys.find((k) => check.caveated?.[k] !== undefined);
  if (caveated) return met(`declares ${caveated}`, check.caveated![caveated]);
  const open = subject.licenses.find((l) => l.licenseClass === 'unknown');
  if (open) return unknown(`declares ${open.key === 'other' ? 'a custom license' : open.key}; whether it is the same license cannot be told from its name`);
  return unmet(`declares ${declaredPhrase(subject)} instead of ${check.accepted[0]}`);
}

function checkNonCommercial(subject: ObligationSubject, entry: LicenseDuties): Answer {
  if (statesNoLicense(subject.licenses)) return unknown(`states no license; the ${entry.name}'s non-commercial terms still apply to it`);
  const commercial = subject.licenses.find((l) => l.commercialUse === 'yes' || l.commercialUse === 'conditional');
  if (commercial) return unmet(`declares ${commercial.key}, which allows commercial use`);
  if (subject.licenses.every((l) => l.commercialUse === 'no')) return met(`declares ${declaredPhrase(subject)}, which does not allow commercial use`);
  return unknown(`declares ${declaredPhrase(subject)}; whether it allows commercial use is not known`);
}

const MODIFICATION = /\b(fine-?tuned|finetuned|fine-tuning|quanti[sz]ed|quanti[sz]ation|merged|modified|changes? (?:made|from)|trained (?:on|with)|adapter|lora|distill(?:ed|ation))\b/i;

function checkModification(subject: ObligationSubject): Answer {
  const reason = unreadable(subject.card, 'model card');
  if (reason) return unknown(reason);
  const match = findPattern(subject.card, MODIFICATION);
  if (match) return met(where(match, 'README'), 'a statement in the card; notices inside modified files cannot be seen');
  return unknown('the model card does not say what was changed; notices inside the files cannot be seen');
}

/** One duty for one derivative; null when the duty does not arise (e.g. the parent ships no NOTICE). */
export function checkDuty(duty: Duty, subject: ObligationSubject, ancestor: AncestorLicense, entry: LicenseDuties): Answer | null {
  try {
    const check = duty.check;
    switch (check.kind) {
      case 'file':
        return checkFile(check, subject, ancestor);
      case 'notice-sentence':
        return checkNoticeSentence(check, subject);
      case 'parent-notice':
        return checkParentNotice(subject, ancestor);
      case 'card-phrase':
        return checkCardPhrase(check, subject);
      case 'credit':
        return checkCredit(subject, ancestor);
      case 'name-prefix':
        return checkNamePrefix(check, subject);
      case 'use-policy':
        return checkUsePolicy(check, subject);
      case 'restrictions':
        return checkRestrictions(check, subject, entry);
      case 'same-license':
        return checkSameLicense(check, subject, entry);
      case 'non-commercial':
        return checkNonCommercial(subject, entry);
      case 'modification':
        return checkModification(subject);
    }
  } catch {
    return unknown('the data could not be checked');
  }
}

/** Checks that need only names and declared licenses (what a listing already has). */
export const METADATA_CHECKS: ReadonlySet<DutyCheck['kind']> = new Set(['name-prefix', 'restrictions', 'same-license', 'non-commercial']);

/** Each catalogued license once, from the nearest ancestor declaring it (a merge's parents all count). */
function applicable(ancestors: readonly AncestorLicense[]): { ancestor: AncestorLicense; entry: LicenseDuties }[] {
  const seen = new Set<string>();
  const out: { ancestor: AncestorLicense; entry: LicenseDuties }[] = [];
  const ordered = [...ancestors].filter((a) => a && typeof a.key === 'string').sort((a, b) => a.depth - b.depth);
  for (const ancestor of ordered) {
    const entry = catalogueEntry(ancestor.key, ancestor.customName);
    if (!hasDuties(entry) || seen.has(entry.key)) continue;
    seen.add(entry.key);
    out.push({ ancestor, entry });
  }
  return out;
}

function statusRank(status: ObligationStatus): number {
  return OBLIGATION_STATUSES.indexOf(status);
}

/**
 * Every duty the derivative owes its ancestors' licenses, unmet first. `only` limits the checks to some
 * kinds (listings use METADATA_CHECKS: no card, no file list).
 */
export function evaluateObligations(
  subject: ObligationSubject,
  ancestors: readonly AncestorLicense[],
  opts: { only?: ReadonlySet<DutyCheck['kind']> } = {},
): ObligationResult[] {
  if (!subject || typeof subject.id !== 'string' || !Array.isArray(ancestors)) return [];
  const safe: ObligationSubject = { ...subject, licenses: Array.isArray(subject.licenses) ? subject.licenses : [] };
  const results: ObligationResult[] = [];
  for (const { ancestor, entry } of applicable(ancestors)) {
    for (const duty of entry.duties) {
      if (opts.only && !opts.only.has(duty.check.kind)) continue;
      const answer = checkDuty(duty, safe, ancestor, entry);
      if (answer === null) continue;
      results.push({
        key: duty.key,
        status: answer.status,
        license: ancestor.key,
        licenseName: entry.name,
        from: ancestor.id,
        clause: `${entry.name} ${duty.clause}`,
        link: entry.link,
        duty: duty.paraphrase,
        evidence: answer.evidence,
        ...(answer.caveat ? { caveat: answer.caveat } : {}),
      });
    }
  }
  return results
    .map((result, index) => ({ result, index }))
    .sort((a, b) => statusRank(a.result.status) - statusRank(b.result.status) || a.index - b.index)
    .map(({ result }) => result);
}

export interface ObligationCounts {
  met: number;
  unmet: number;
  unknown: number;
  total: number;
}

export function countObligations(results: readonly ObligationResult[]): ObligationCounts {
  const counts: ObligationCounts = { met: 0, unmet: 0, unknown: 0, total: 0 };
  for (const r of results) {
    counts[r.status]++;
    counts.total++;
  }
  return counts;
}

/** "2 of 5 upstream obligations unmet", with the unknown ones said. */
export function obligationsHeadline(counts: ObligationCounts): string {
  if (counts.total === 0) return 'No upstream obligations to check';
  const noun = counts.total === 1 ? 'upstream obligation' : 'upstream obligations';
  const open = counts.unknown > 0 ? ` (${counts.unknown} not checkable)` : '';
  if (counts.unmet === 0 && counts.unknown === 0) return `All ${counts.total} ${noun} met`;
  return `${counts.unmet} of ${counts.total} ${noun} unmet${open}`;
}

export interface EffectiveLicense {
  /** The model states no license while an ancestor does. */
  undeclared: boolean;
  /** "no license stated — Llama 3.1 license terms apply". */
  text?: string;
  /** The nearest ancestor declaring a license. */
  from?: { id: string; key: string; name: string };
}

/**
 * What governs a model that states no license: its nearest ancestor's license. Undeclared = no license,
 * or `other` with neither a name nor a link.
 */
export function effectiveLicense(licenses: readonly LicenseFacts[], ancestors: readonly AncestorLicense[]): EffectiveLicense {
  if (!Array.isArray(licenses) || !statesNoLicense(licenses)) return { undeclared: false };
  const nearest = [...(Array.isArray(ancestors) ? ancestors : [])]
    .filter((a) => a && typeof a.key === 'string' && a.key !== '' && a.key !== 'unknown' && !(a.key === 'other' && !a.customName && !a.customLink))
    .sort((a, b) => a.depth - b.depth)[0];
  if (!nearest) return { undeclared: false };
  const name = licenseFacts(nearest.key, { name: nearest.customName, link: nearest.customLink }).shortName;
  return { undeclared: true, text: `no license stated — ${name} terms apply`, from: { id: nearest.id, key: nearest.key, name } };
}
