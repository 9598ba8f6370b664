// Output shapes of the drift engine. Every string meant for display is plain text: the UI renders
// text nodes only, never HTML.

import type { Gated, ParentRelation } from '../hub/types';

export const TRAIT_NAMES = [
  'license',
  'languages',
  'task',
  'library',
  'datasets',
  'card-length',
  'auto-generated',
] as const;
export type TraitName = (typeof TRAIT_NAMES)[number];

export const TRAIT_CHANGE_KINDS = [
  'same',
  'changed',
  'added',
  'removed',
  'relaxed',
  'tightened',
  'narrowed',
  'broadened',
  'shrank',
  'grew',
  'unknown',
] as const;
export type TraitChangeKind = (typeof TRAIT_CHANGE_KINDS)[number];

/** Badge flags, in priority order (most important first). */
export const DRIFT_FLAGS = [
  'license-relaxed',
  // Upstream obligations (lib/drift/obligation-checks.ts): added to a badge summary, never raised by a diff.
  'obligation-unmet',
  'license-undeclared',
  'license-tightened',
  'language-narrowed',
  'card-shrank',
  'task-changed',
  'auto-generated',
] as const;
export type DriftFlag = (typeof DRIFT_FLAGS)[number];

// ---------------------------------------------------------------------------------------------
// Licenses

export const LICENSE_CLASSES = [
  'permissive',
  'permissive-attribution',
  'weak-copyleft',
  'strong-copyleft',
  'use-restricted',
  'custom-commercial',
  'non-commercial',
  'no-derivatives',
  'research-only',
  'unknown',
] as const;
export type LicenseClass = (typeof LICENSE_CLASSES)[number];

/** yes / no / depends on conditions (e.g. Llama's 700M monthly-active-users clause) / not known. */
export type CommercialUse = 'yes' | 'no' | 'conditional' | 'unknown';
export type Tristate = 'yes' | 'no' | 'unknown';

/** Where a license entry came from. */
export type LicenseSource =
  | 'hub-list' // one of the Hub's documented keys
  | 'named-custom' // `license: other` with a license_name / license_link
  | 'unrecognised'; // a key outside the Hub's list (old repos, typos): "custom or unknown"

export interface LicenseFacts {
  /** The Hub key as given (lower-cased, trimmed), e.g. `llama3.1`, `other`, `modified-mit`. */
  key: string;
  /** Identity used to decide "same license": the key, or `other:<license_name>` for custom licenses. */
  identity: string;
  /** Full name for display, e.g. "Llama 3.1 Community License Agreement". */
  label: string;
  /** Short name for sentences, e.g. "Llama 3.1 license", "Apache-2.0". */
  shortName: string;
  source: LicenseSource;
  licenseClass: LicenseClass;
  classLabel: string;
  spdxId?: string;
  /** From the SPDX list (package `spdx-license-list`). */
  osiApproved?: boolean;
  /** Blue Oak Council permissive rating (package `@blueoak/list`), e.g. "Silver". */
  blueOakRating?: string;
  /** Listed by the `spdx-copyleft` package. */
  spdxCopyleft: boolean;
  commercialUse: CommercialUse;
  /** Attribution or notice must be kept. */
  attribution: Tristate;
  /** Derivatives must use the same or a compatible license. */
  shareAlike: Tristate;
  /** Use restrictions that must be passed down to derivatives' users. */
  useRestrictions: Tristate;
  /** Whether modified versions may be shared at all (no for CC ND). */
  derivativesShareable: Tristate;
  /** Rules on naming derivatives, e.g. Llama's "name starts with Llama". */
  derivativeNaming?: string;
  /** Regions or parties excluded from the grant. */
  regionalExclusions?: string;
  /** True when the license's terms bind derivatives (copyleft, use restrictions, NC, ND, custom terms). */
  passesDown: boolean;
  /** What a derivative must keep, in words for a person. Absent when nothing notable. */
  obligation?: string;
  /** For hand-classified entries: the clause(s) the entry encodes. */
  clause?: string;
  /** Where the facts come from (SPDX data, hand table, license name only, ...). */
  basis: string;
  /** For `license: other`: the author's license name and link (display only; never fetched). */
  customName?: string;
  link?: string;
}

export type LicenseDriftKind = 'relaxed' | 'tightened' | 'sideways' | 'dropped' | 'added' | 'same' | 'unknown';

export interface LicenseDrift {
  kind: LicenseDriftKind;
  /** For `relaxed`: `likely` when both sides have known classes, `possible` when the parent's terms are unknown. */
  certainty?: 'likely' | 'possible';
  /** Most restrictive known class on each side. */
  parentClass?: LicenseClass;
  childClass?: LicenseClass;
  /** Short names of licenses only in the child / only in the parent. */
  added: string[];
  removed: string[];
  /** The child still declares every license the parent declared. */
  keptParent: boolean;
  /** Upstream obligations the change may break, one plain sentence each. */
  obligations: string[];
  /** One plain sentence describing the change. */
  summary: string;
  /** Extra caution, e.g. "Adding restrictions is usually allowed". */
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Traits of one model

export const TASK_STAGES = ['features', 'generation', 'classification'] as const;
export type TaskStage = (typeof TASK_STAGES)[number];

export interface CardTraits {
  /** Characters (Unicode code points) of the whole README including YAML front matter: the study's measure. */
  length: number;
  /** Characters without the front matter. */
  bodyLength: number;
  autoGenerated: boolean;
  autoGeneratedPhrase?: string;
  head: string;
}

export interface ModelTraits {
  id: string;
  licenses: LicenseFacts[];
  /** ISO 639 codes, lower-case, de-duplicated, in the model's order. `multilingual` is never one. */
  languages: string[];
  multilingual: boolean;
  task?: string;
  taskStage?: TaskStage;
  /** 1-based place in the study's top-10 task ordering, when the task is in it. */
  taskPosition?: number;
  library?: string;
  datasets: string[];
  parents: { id: string; relation: ParentRelation }[];
  /** Relation to the first parent, when there is one. */
  relationToParent?: ParentRelation;
  card?: CardTraits;
  gated: Gated;
}

/** One trait of one model, ready to show. */
export interface TraitDisplay {
  trait: TraitName;
  display: string;
  detail?: string;
}

// ---------------------------------------------------------------------------------------------
// Diff against a parent

export interface TraitRow {
  trait: TraitName;
  change: TraitChangeKind;
  parentDisplay: string;
  childDisplay: string;
  detail?: string;
}

export type LanguageDriftKind = 'same' | 'narrowed' | 'broadened' | 'changed' | 'added' | 'removed';
export interface LanguageDrift {
  kind: LanguageDriftKind;
  /** The child lists only English while the parent listed more (the study's dominant drift). */
  toEnglishOnly: boolean;
  dropped: string[];
  added: string[];
  parentCount: number;
  childCount: number;
  summary: string;
}

export type TaskMoveKind = 'same' | 'forward' | 'backward' | 'sideways' | 'unplaced' | 'added' | 'removed' | 'none';
export interface TaskMove {
  kind: TaskMoveKind;
  parentTask?: string;
  childTask?: string;
  parentStage?: TaskStage;
  childStage?: TaskStage;
  summary: string;
}

export type CardDriftKind = 'same' | 'shrank' | 'grew' | 'added' | 'removed' | 'unknown';
export interface CardDrift {
  kind: CardDriftKind;
  /** child length / parent length (whole README), when both are known and the parent's is non-zero. */
  ratio?: number;
  parentLength?: number;
  childLength?: number;
  /** Which length is used, in words. */
  measure: string;
  summary: string;
}

export type AutoGeneratedDriftKind = 'same' | 'became' | 'stopped' | 'unknown';
export interface AutoGeneratedDrift {
  kind: AutoGeneratedDriftKind;
  parentAutoGenerated?: boolean;
  childAutoGenerated?: boolean;
  phrase?: string;
  summary: string;
}

export interface TraitDiff {
  parentId: string;
  childId: string;
  /** The child's relation to this parent, when the child names it. */
  relation?: ParentRelation;
  /** One row per trait, always in TRAIT_NAMES order. */
  rows: TraitRow[];
  license: LicenseDrift;
  languages: LanguageDrift;
  task: TaskMove;
  card: CardDrift;
  autoGenerated: AutoGeneratedDrift;
  /** In DRIFT_FLAGS priority order. */
  flags: DriftFlag[];
}

// ---------------------------------------------------------------------------------------------
// Family statistics and similarity

export interface StudyFigure {
  /** The figure's value as a number (share 0..1, ratio, count or characters). */
  value: number;
  /** Optional parent-side value for before → after figures. */
  parentValue?: number;
  display: string;
  /** What the figure covers, e.g. "fine-tune edges, n = 138,694". */
  scope: string;
  /** Where it comes from in the study's material. */
  source: string;
}

export const FAMILY_STAT_IDS = [
  'license-changed',
  'license-relaxed',
  'language-changed',
  'language-narrowed',
  'narrowed-to-english',
  'mean-languages',
  'task-changed',
  'card-length-ratio',
  'mean-card-length',
  'auto-generated',
  'obligation-unmet',
] as const;
export type FamilyStatId = (typeof FAMILY_STAT_IDS)[number];

export interface FamilyStat {
  id: FamilyStatId;
  label: string;
  /** False when no child could be measured ("not measured"), never a made-up zero. */
  measured: boolean;
  value?: number;
  /** Children this statistic covers. */
  n: number;
  /** Children that matched, for shares. */
  count?: number;
  display: string;
  /** The study's ecosystem-wide figure for comparison, when it has one. */
  study?: StudyFigure;
  /** How the value is defined, and how it differs from the study's measure. */
  note: string;
}

export interface TaskMoveCounts {
  /** Children where both parent and child have a task. */
  n: number;
  same: number;
  forward: number;
  backward: number;
  sideways: number;
  unplaced: number;
}

export interface FamilyStats {
  parentId: string;
  relation: ParentRelation;
  /** Distinct children analysed. */
  sampled: number;
  /** Total children of this relation on the Hub, when known. */
  total?: number;
  /** Children with card statistics (card-based figures cover only these). */
  cardN: number;
  stats: FamilyStat[];
  taskMoves: TaskMoveCounts;
  summary: string;
}

export type SimilarityTrait = 'license' | 'languages' | 'task' | 'library' | 'datasets' | 'auto-generated';

export interface PairSimilarity {
  /** Share of compared traits that are equal; absent when no trait could be compared. */
  value?: number;
  equal: number;
  compared: number;
}

export interface SiblingSimilarity {
  definition: string;
  withParent: PairSimilarity;
  /** Mean of the per-sibling shares; n = siblings with at least one comparable trait. */
  withSiblings: { value?: number; n: number };
  perTrait: { trait: SimilarityTrait; sameAsParent?: boolean; siblingShare?: number; siblingN: number }[];
  verdict: 'siblings-closer' | 'parent-closer' | 'equal' | 'not-measured';
  summary: string;
  /** The study's headline figures (text similarity, not trait agreement). */
  study: StudyFigure[];
}

export interface BadgeSummary {
  flags: DriftFlag[];
  headline: string;
  detail: string[];
}
