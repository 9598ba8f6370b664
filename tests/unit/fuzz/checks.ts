// Well-formedness of what the parser and the drift engine return, as lists of problems (empty = fine).
// The rules are written from the contracts in lib/hub/types.ts and lib/drift/types.ts, not from the code.
import { DRIFT_FLAGS, FAMILY_STAT_IDS, TRAIT_CHANGE_KINDS, TRAIT_NAMES } from '../../../lib/drift';
import type { BadgeSummary, FamilyStats, ModelTraits, SiblingSimilarity, TraitDiff } from '../../../lib/drift';
import type { CardStats, HubModel } from '../../../lib/hub/types';

const RELATIONS = ['finetune', 'adapter', 'quantized', 'merge'];
const PARENT_RELATIONS = [...RELATIONS, 'unknown'];
const NOT_OWNERS = new Set(['datasets', 'spaces', 'models', 'api', 'collections']);
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,95}$/;

/** `owner/name` or a legacy single name: Hub characters only, ≤ 96 per part, no `..`, no trailing dot. */
export function isValidModelId(id: unknown): boolean {
  if (typeof id !== 'string') return false;
  const parts = id.split('/');
  if (parts.length > 2 || (parts.length === 2 && NOT_OWNERS.has(parts[0]))) return false;
  return parts.every((p) => SEGMENT.test(p) && !p.includes('..') && !p.endsWith('.'));
}

const MODEL_KEYS = new Set([
  'id', 'author', 'sha', 'licenses', 'licenseName', 'licenseLink', 'languages', 'multilingual', 'pipelineTag',
  'libraryName', 'datasets', 'tags', 'parents', 'cardBaseModels', 'gated', 'private', 'downloads', 'likes',
  'lastModified', 'createdAt', 'cardExists', 'childrenCount', 'files', 'filesTotal', 'architecture', 'modelType',
]);
const LIST_KEYS = ['licenses', 'languages', 'datasets', 'tags', 'cardBaseModels'] as const;
const OPTIONAL_TEXT = ['author', 'licenseName', 'licenseLink', 'pipelineTag', 'libraryName', 'architecture', 'modelType', 'lastModified', 'createdAt'] as const;

/** Text with something in it. (List items from prefixed tags such as `license:` keep inner spacing.) */
function isText(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

function isCleanText(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && value === value.trim();
}

/** A normalised HubModel: the shape lib/hub/types.ts promises and the cache's guard accepts. */
export function hubModelProblems(model: HubModel): string[] {
  const problems: string[] = [];
  const m = model as unknown as Record<string, unknown>;
  if (Object.getPrototypeOf(m) !== Object.prototype) problems.push('not a plain object');
  for (const key of Object.keys(m)) {
    if (!MODEL_KEYS.has(key)) problems.push(`unexpected key ${JSON.stringify(key)}`);
    if (m[key] === undefined) problems.push(`${key} is present but undefined`);
  }
  if (!isValidModelId(m.id)) problems.push(`invalid id ${JSON.stringify(String(m.id).slice(0, 80))}`);
  for (const key of LIST_KEYS) {
    const list = m[key];
    if (!Array.isArray(list)) {
      problems.push(`${key} is not a list`);
      continue;
    }
    if (!list.every(isText)) problems.push(`${key} holds a non-text or blank item`);
  }
  if (Array.isArray(m.licenses) && m.licenses.some((l) => typeof l === 'string' && l !== l.toLowerCase())) problems.push('license key not lower-cased');
  if (Array.isArray(m.languages)) {
    if (m.languages.includes('multilingual')) problems.push('"multilingual" listed as a language');
    if (m.languages.some((l) => typeof l === 'string' && l !== l.toLowerCase())) problems.push('language code not lower-cased');
    if (new Set(m.languages).size !== m.languages.length) problems.push('a language listed twice');
  }
  if (Array.isArray(m.cardBaseModels) && !m.cardBaseModels.every(isValidModelId)) problems.push('cardBaseModels holds an invalid id');
  if (!Array.isArray(m.parents)) problems.push('parents is not a list');
  else {
    const seen = new Set<string>();
    for (const p of m.parents as unknown[]) {
      const ref = p as Record<string, unknown>;
      if (typeof ref !== 'object' || ref === null) {
        problems.push('parent is not an object');
        continue;
      }
      if (!isValidModelId(ref.id)) problems.push(`parent with invalid id ${JSON.stringify(String(ref.id).slice(0, 80))}`);
      if (!PARENT_RELATIONS.includes(ref.relation as string)) problems.push(`parent relation ${String(ref.relation)}`);
      if (!['tags', 'baseModels', 'cardData'].includes(ref.source as string)) problems.push(`parent source ${String(ref.source)}`);
      const key = String(ref.id).toLowerCase();
      if (seen.has(key)) problems.push(`parent ${key} twice`);
      seen.add(key);
      if (key === String(m.id).toLowerCase()) {
        // A model naming itself as parent is the Hub's data, not a parse error; lineage detects the cycle.
      }
    }
  }
  if (m.gated !== false && m.gated !== 'auto' && m.gated !== 'manual') problems.push(`gated ${String(m.gated)}`);
  if (typeof m.private !== 'boolean') problems.push('private not boolean');
  if (typeof m.multilingual !== 'boolean') problems.push('multilingual not boolean');
  for (const key of OPTIONAL_TEXT) if (key in m && !isCleanText(m[key])) problems.push(`${key} is not clean text`);
  if ('sha' in m && !(typeof m.sha === 'string' && /^[0-9a-f]{40}$/.test(m.sha))) problems.push('sha is not a commit hash');
  for (const key of ['downloads', 'likes'] as const) {
    if (key in m && !(typeof m[key] === 'number' && Number.isFinite(m[key]) && (m[key] as number) >= 0)) problems.push(`${key} not a count`);
  }
  if ('cardExists' in m && typeof m.cardExists !== 'boolean') problems.push('cardExists not boolean');
  // Repository file names (siblings): text, capped at 1,000, with the listed total never below what was kept.
  if ('files' in m || 'filesTotal' in m) {
    const files = m.files;
    if (!Array.isArray(files) || !files.every(isText) || files.length > 1000) problems.push('files is not a capped list of names');
    else if (!(Number.isInteger(m.filesTotal) && (m.filesTotal as number) >= files.length)) problems.push('filesTotal below the kept names');
  }
  if ('childrenCount' in m) {
    const counts = m.childrenCount as Record<string, unknown>;
    if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) problems.push('childrenCount not an object');
    else {
      for (const [k, v] of Object.entries(counts)) {
        if (!RELATIONS.includes(k)) problems.push(`childrenCount key ${k}`);
        if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) problems.push(`childrenCount.${k} not a count`);
      }
    }
  }
  return problems;
}

export function cardStatsProblems(stats: CardStats, readme: unknown): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(stats.length) || stats.length < 0) problems.push(`length ${stats.length}`);
  if (!Number.isInteger(stats.bodyLength) || stats.bodyLength < 0 || stats.bodyLength > stats.length) problems.push(`bodyLength ${stats.bodyLength} of ${stats.length}`);
  if (typeof stats.autoGenerated !== 'boolean') problems.push('autoGenerated not boolean');
  if (stats.autoGenerated !== (stats.autoGeneratedPhrase !== undefined)) problems.push('autoGenerated without its phrase (or the reverse)');
  if (typeof stats.head !== 'string' || [...stats.head].length > 512) problems.push('head longer than 512 code points');
  if (typeof readme === 'string') {
    if (!readme.startsWith(stats.head)) problems.push('head is not the start of the README');
    const pairs = readme.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
    if (readme.length - pairs !== stats.length) problems.push('length is not the README\'s code points');
    const lower = readme.toLowerCase();
    if (stats.autoGenerated !== (lower.includes('automatically generated') || lower.includes('generated automatically'))) {
      problems.push('auto-generated verdict differs from the study\'s substring test');
    }
  } else if (stats.length !== 0) problems.push('non-text README with a length');
  if (stats.sha !== undefined && (typeof stats.sha !== 'string' || stats.sha.length > 80)) problems.push('sha not short text');
  return problems;
}

/** Facts about the inputs, so the output checks know what could legitimately be copied through. */
export interface InputFacts {
  hasLoneSurrogate: boolean;
  /** Words that only appear in output through string coercion bugs, unless the input had them. */
  tokens: Set<string>;
  hasAngle: boolean;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const COERCION_TOKENS = ['[object Object]', 'undefined', 'NaN', 'Infinity', 'function', '[object'];
/** One pass to skip the strings with nothing of interest. */
const SUSPECT = /[<\uD800-\uDFFF]|undefined|NaN|Infinity|function|\[object/;

/** Scans every string (keys too) of the inputs, iteratively: inputs may be nested thousands deep. */
export function inputFacts(...inputs: unknown[]): InputFacts {
  const facts: InputFacts = { hasLoneSurrogate: false, tokens: new Set(), hasAngle: false };
  const stack: unknown[] = [...inputs];
  const seen = new Set<unknown>();
  const note = (text: string) => {
    if (!SUSPECT.test(text)) return;
    if (!facts.hasLoneSurrogate && LONE_SURROGATE.test(text)) facts.hasLoneSurrogate = true;
    if (!facts.hasAngle && text.includes('<')) facts.hasAngle = true;
    for (const token of COERCION_TOKENS) if (text.includes(token)) facts.tokens.add(token);
  };
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') note(value);
    else if (typeof value === 'object' && value !== null && !seen.has(value)) {
      seen.add(value);
      for (const key of Object.keys(value)) {
        note(key);
        stack.push((value as Record<string, unknown>)[key]);
      }
    }
  }
  return facts;
}

/** Longest string the engine may hand to a view (display lines are clipped; details join a few). */
export const MAX_OUTPUT_STRING = 6000;

/**
 * Every value reachable from a drift output: finite numbers, plain data, and plain text — no string
 * coercion artefacts, no markup or broken surrogate pairs the input did not contain, bounded length.
 */
export function outputProblems(label: string, output: unknown, facts: InputFacts): string[] {
  const problems: string[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: output, path: label }];
  while (stack.length > 0 && problems.length < 10) {
    const { value, path } = stack.pop()!;
    switch (typeof value) {
      case 'number':
        if (!Number.isFinite(value)) problems.push(`${path} = ${value}`);
        break;
      case 'string':
        if (value.length > MAX_OUTPUT_STRING) problems.push(`${path}: ${value.length} characters`);
        if (!SUSPECT.test(value)) break;
        for (const token of COERCION_TOKENS) {
          if (value.includes(token) && !facts.tokens.has(token)) problems.push(`${path} contains "${token}": ${value.slice(0, 120)}`);
        }
        if (!facts.hasLoneSurrogate && LONE_SURROGATE.test(value)) problems.push(`${path} has a broken surrogate pair`);
        if (!facts.hasAngle && value.includes('<')) problems.push(`${path} has markup the input did not: ${value.slice(0, 120)}`);
        break;
      case 'object':
        if (value === null) break;
        if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: `${path}[${i}]` }));
        else if (Object.getPrototypeOf(value) !== Object.prototype) problems.push(`${path} is not plain data`);
        else for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: `${path}.${k}` });
        break;
      case 'boolean':
      case 'undefined':
        break;
      default:
        problems.push(`${path} is a ${typeof value}`);
    }
  }
  return problems;
}

/** ModelTraits as lib/drift/types.ts describes them. */
export function traitsProblems(t: ModelTraits): string[] {
  const problems: string[] = [];
  if (typeof t.id !== 'string' || t.id.length === 0) problems.push('traits without an id');
  if (new Set(t.languages).size !== t.languages.length) problems.push('a language listed twice in traits');
  if (t.languages.some((l) => l === 'multilingual' || l !== l.toLowerCase())) problems.push(`traits languages ${t.languages.join()}`);
  if (new Set(t.datasets).size !== t.datasets.length) problems.push('a dataset listed twice in traits');
  if (new Set(t.parents.map((p) => p.id)).size !== t.parents.length) problems.push('a parent listed twice in traits');
  if (t.parents.some((p) => !PARENT_RELATIONS.includes(p.relation))) problems.push('traits parent with an unknown relation kind');
  if (t.relationToParent !== t.parents[0]?.relation) problems.push('relationToParent is not the first parent\'s relation');
  if (t.gated !== false && t.gated !== 'auto' && t.gated !== 'manual') problems.push(`traits gated ${String(t.gated)}`);
  if (t.task !== undefined && t.task !== t.task.toLowerCase()) problems.push('task not lower-cased');
  if (t.card && !(Number.isInteger(t.card.length) && t.card.bodyLength <= t.card.length)) problems.push('card lengths');
  return problems;
}

function inOrder<T>(items: readonly T[], order: readonly T[]): boolean {
  const positions = items.map((item) => order.indexOf(item));
  return positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]));
}

export function diffProblems(diff: TraitDiff): string[] {
  const problems: string[] = [];
  const traits = diff.rows.map((r) => r.trait);
  if (traits.join() !== TRAIT_NAMES.join()) problems.push(`rows ${traits.join()}`);
  for (const row of diff.rows) {
    if (!(TRAIT_CHANGE_KINDS as readonly string[]).includes(row.change)) problems.push(`${row.trait} change ${row.change}`);
    for (const key of ['parentDisplay', 'childDisplay'] as const) {
      if (typeof row[key] !== 'string' || row[key].length === 0) problems.push(`${row.trait}.${key} empty`);
    }
  }
  if (!inOrder(diff.flags, DRIFT_FLAGS)) problems.push(`flags ${diff.flags.join()} not in priority order`);
  const change = (trait: string) => diff.rows.find((r) => r.trait === trait)?.change;
  // A badge flag always shows in its row, and the other way round.
  const pairs: [string, string, string][] = [
    ['license-relaxed', 'license', 'relaxed'],
    ['license-tightened', 'license', 'tightened'],
    ['language-narrowed', 'languages', 'narrowed'],
    ['card-shrank', 'card-length', 'shrank'],
  ];
  for (const [flag, trait, kind] of pairs) {
    if ((diff.flags as string[]).includes(flag) !== (change(trait) === kind)) problems.push(`flag ${flag} vs ${trait} row ${change(trait)}`);
  }
  if ((diff.flags as string[]).includes('task-changed') && change('task') !== 'changed') problems.push('task-changed without a changed task row');
  if (diff.relation !== undefined && !PARENT_RELATIONS.includes(diff.relation)) problems.push(`relation ${diff.relation}`);
  if (diff.card.ratio !== undefined && !(diff.card.ratio >= 0)) problems.push(`card ratio ${diff.card.ratio}`);
  if (diff.languages.parentCount < 0 || diff.languages.childCount < 0) problems.push('negative language count');
  return problems;
}

export function badgeProblems(badge: BadgeSummary, diffs: TraitDiff[]): string[] {
  const problems: string[] = [];
  if (!inOrder(badge.flags, DRIFT_FLAGS)) problems.push(`badge flags ${badge.flags.join()} not in priority order`);
  const union = DRIFT_FLAGS.filter((f) => diffs.some((d) => d.flags.includes(f)));
  if (badge.flags.join() !== union.join()) problems.push(`badge flags ${badge.flags.join()} ≠ diff flags ${union.join()}`);
  if (typeof badge.headline !== 'string' || badge.headline.length === 0) problems.push('empty headline');
  if (!badge.detail.every((d) => typeof d === 'string' && d.length > 0)) problems.push('empty detail line');
  return problems;
}

const SHARE_STATS = new Set(['license-changed', 'license-relaxed', 'language-changed', 'language-narrowed', 'narrowed-to-english', 'task-changed', 'auto-generated']);

export function familyProblems(stats: FamilyStats, childCount: number): string[] {
  const problems: string[] = [];
  if (stats.stats.map((s) => s.id).join() !== FAMILY_STAT_IDS.join()) problems.push('family stats not in FAMILY_STAT_IDS order');
  if (!PARENT_RELATIONS.includes(stats.relation)) problems.push(`family relation ${stats.relation}`);
  if (!(Number.isInteger(stats.sampled) && stats.sampled >= 0 && stats.sampled <= childCount)) problems.push(`sampled ${stats.sampled} of ${childCount}`);
  if (!(stats.cardN >= 0 && stats.cardN <= stats.sampled)) problems.push(`cardN ${stats.cardN}`);
  if (stats.total !== undefined && !(Number.isInteger(stats.total) && stats.total >= 0)) problems.push(`total ${stats.total}`);
  for (const s of stats.stats) {
    if (s.measured !== (s.value !== undefined)) problems.push(`${s.id}: measured ${s.measured} with value ${s.value}`);
    if (!(Number.isInteger(s.n) && s.n >= 0 && s.n <= stats.sampled)) problems.push(`${s.id}: n ${s.n}`);
    if (s.count !== undefined && !(s.count >= 0 && s.count <= s.n)) problems.push(`${s.id}: count ${s.count} of ${s.n}`);
    if (s.value !== undefined && SHARE_STATS.has(s.id) && !(s.value >= 0 && s.value <= 1)) problems.push(`${s.id}: share ${s.value}`);
    if (s.value !== undefined && !(s.value >= 0)) problems.push(`${s.id}: negative ${s.value}`);
  }
  const m = stats.taskMoves;
  if (m.same + m.forward + m.backward + m.sideways + m.unplaced > m.n) problems.push('task moves exceed n');
  return problems;
}

export function similarityProblems(sim: SiblingSimilarity): string[] {
  const problems: string[] = [];
  const shares = [sim.withParent.value, sim.withSiblings.value, ...sim.perTrait.map((t) => t.siblingShare)];
  if (!shares.every((v) => v === undefined || (v >= 0 && v <= 1))) problems.push(`similarity outside 0..1: ${shares.join()}`);
  if (sim.withParent.equal > sim.withParent.compared) problems.push('more equal traits than compared');
  if (!['siblings-closer', 'parent-closer', 'equal', 'not-measured'].includes(sim.verdict)) problems.push(`verdict ${sim.verdict}`);
  if ((sim.verdict === 'not-measured') !== (sim.withParent.value === undefined || sim.withSiblings.value === undefined)) {
    problems.push(`verdict ${sim.verdict} with parent ${sim.withParent.value} and siblings ${sim.withSiblings.value}`);
  }
  return problems;
}
