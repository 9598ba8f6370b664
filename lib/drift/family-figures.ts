// The study's four family figures, computed for one crawled family: license class transitions along
// edges, card length per generation, languages per generation and task transitions in the study's
// pipeline order. Pure: plain records in, plain numbers out (the explorer draws them).
import { licenseFacts, restrictionRank } from './licenses';
import { mean, median } from './sanitize';
import { LICENSE_MUTATION_FINETUNE, MEAN_CARD_LENGTH_ALL, MEAN_LANGUAGES_ALL, STUDY_TASK_ORDER, TASK_MUTATION_FINETUNE } from './study';
import { taskStage } from './tasks';
import type { LicenseClass, StudyFigure, TaskStage } from './types';
import { LICENSE_CLASSES } from './types';

/** What the figures need from one model of the family. */
export interface FigureNode {
  id: string;
  /** 0 = the family's root. */
  generation: number;
  parents: { id: string; relation: string }[];
  licenses: string[];
  licenseName?: string;
  licenseLink?: string;
  languages: string[];
  task?: string;
  /** README length in characters (whole file, the study's measure), when the card was sampled. */
  cardLength?: number;
}

/** Most restrictive known class of a license list; `unknown` when none is known, `none` when empty. */
export type LicenseClassOrNone = LicenseClass | 'none';

export function licenseClassOf(licenses: readonly string[], custom?: { name?: string; link?: string }): LicenseClassOrNone {
  if (!licenses.length) return 'none';
  let best: { rank: number; cls: LicenseClass } | undefined;
  for (const key of licenses) {
    const facts = licenseFacts(key, key === 'other' ? custom : undefined);
    const rank = restrictionRank(facts.licenseClass);
    if (rank !== undefined && (!best || rank > best.rank)) best = { rank, cls: facts.licenseClass };
  }
  return best?.cls ?? 'unknown';
}

export type EdgeLicenseChange = 'relaxed' | 'tightened' | 'same' | 'unknown';

/** Relaxed / tightened / same restriction tier / unknown (either side without a known class). */
export function classChange(from: LicenseClassOrNone, to: LicenseClassOrNone): EdgeLicenseChange {
  if (from === 'none' || to === 'none') return 'unknown';
  const a = restrictionRank(from as LicenseClass);
  const b = restrictionRank(to as LicenseClass);
  if (a === undefined || b === undefined) return 'unknown';
  return b < a ? 'relaxed' : b > a ? 'tightened' : 'same';
}

/** Parent → child pairs inside the family (parents outside it, self-links and duplicates dropped). */
export function familyEdges<T extends FigureNode>(nodes: readonly T[]): { parent: T; child: T; relation: string }[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: { parent: T; child: T; relation: string }[] = [];
  for (const child of nodes) {
    const seen = new Set<string>();
    for (const ref of child.parents) {
      const parent = byId.get(ref.id);
      if (!parent || parent.id === child.id || seen.has(parent.id)) continue;
      seen.add(parent.id);
      edges.push({ parent, child, relation: ref.relation });
    }
  }
  return edges;
}

function setMutation(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  const union = new Set([...sa, ...sb]);
  let both = 0;
  for (const x of sa) if (sb.has(x)) both++;
  return union.size ? (union.size - both) / union.size : 0;
}

// ---- 1. license transitions ------------------------------------------------------------------

export interface TransitionCell<K extends string> {
  from: K;
  to: K;
  count: number;
}

export interface LicenseTransitions {
  /** Non-empty cells only, in the restriction order of the parent class then the child class. */
  cells: (TransitionCell<LicenseClassOrNone> & { change: EdgeLicenseChange })[];
  /** Classes present on either side, least restrictive first. */
  classes: LicenseClassOrNone[];
  /** Edges where both sides declare a license. */
  n: number;
  relaxed: number;
  tightened: number;
  /** Study-style mutation rate over fine-tune edges with a license on both sides (by license key). */
  finetuneMutation?: { value: number; n: number };
  study: StudyFigure;
}

const CLASS_ORDER: LicenseClassOrNone[] = [...LICENSE_CLASSES, 'none'];

export function licenseTransitions(nodes: readonly FigureNode[]): LicenseTransitions {
  const counts = new Map<string, TransitionCell<LicenseClassOrNone> & { change: EdgeLicenseChange }>();
  let n = 0;
  const mutations: number[] = [];
  for (const { parent, child, relation } of familyEdges(nodes)) {
    if (!parent.licenses.length || !child.licenses.length) continue;
    n++;
    const from = licenseClassOf(parent.licenses, { name: parent.licenseName, link: parent.licenseLink });
    const to = licenseClassOf(child.licenses, { name: child.licenseName, link: child.licenseLink });
    const key = `${from}>${to}`;
    const cell = counts.get(key) ?? { from, to, count: 0, change: classChange(from, to) };
    cell.count++;
    counts.set(key, cell);
    if (relation === 'finetune') mutations.push(setMutation(parent.licenses, child.licenses));
  }
  const order = (c: LicenseClassOrNone) => CLASS_ORDER.indexOf(c);
  const cells = [...counts.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
  const rankOrder = (c: LicenseClassOrNone) => {
    const r = c === 'none' ? undefined : restrictionRank(c as LicenseClass);
    return r === undefined ? 100 + order(c) : r * 10 + order(c) / 100;
  };
  const classes = [...new Set(cells.flatMap((c) => [c.from, c.to]))].sort((a, b) => rankOrder(a) - rankOrder(b));
  return {
    cells,
    classes,
    n,
    relaxed: cells.filter((c) => c.change === 'relaxed').reduce((s, c) => s + c.count, 0),
    tightened: cells.filter((c) => c.change === 'tightened').reduce((s, c) => s + c.count, 0),
    finetuneMutation: mutations.length ? { value: mean(mutations)!, n: mutations.length } : undefined,
    study: LICENSE_MUTATION_FINETUNE,
  };
}

// ---- 2. card length per generation -----------------------------------------------------------

export interface GenerationSpread {
  generation: number;
  n: number;
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

export interface CardLengthByGeneration {
  generations: GenerationSpread[];
  /** Cards measured in all. */
  n: number;
  /** The study's child/parent ratio of mean card lengths (≈0.45, "about half per step"). */
  studyRatio: number;
  study: StudyFigure;
  /** Geometric mean of the family's median ratio between consecutive measured generations. */
  familyRatio?: number;
}

/** Linear-interpolated quantile of sorted values (the common "type 7" definition). */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function cardLengthByGeneration(nodes: readonly FigureNode[]): CardLengthByGeneration {
  const byGen = new Map<number, number[]>();
  for (const node of nodes) {
    if (node.cardLength === undefined || !Number.isFinite(node.cardLength) || node.cardLength < 0) continue;
    const list = byGen.get(node.generation) ?? [];
    list.push(node.cardLength);
    byGen.set(node.generation, list);
  }
  const generations = [...byGen.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([generation, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return {
        generation,
        n: sorted.length,
        median: median(sorted)!,
        q1: quantile(sorted, 0.25),
        q3: quantile(sorted, 0.75),
        min: sorted[0],
        max: sorted[sorted.length - 1],
      };
    });
  const ratios: number[] = [];
  for (let i = 1; i < generations.length; i++) {
    const a = generations[i - 1];
    const b = generations[i];
    if (a.median > 0 && b.median > 0 && b.generation === a.generation + 1) ratios.push(b.median / a.median);
  }
  const familyRatio = ratios.length ? Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length) : undefined;
  return {
    generations,
    n: generations.reduce((s, g) => s + g.n, 0),
    studyRatio: MEAN_CARD_LENGTH_ALL.value! / MEAN_CARD_LENGTH_ALL.parentValue!,
    study: MEAN_CARD_LENGTH_ALL,
    familyRatio,
  };
}

// ---- 3. languages per generation -------------------------------------------------------------

export interface LanguageGeneration {
  generation: number;
  /** Models in this generation. */
  models: number;
  /** Models listing at least one language (the study's base). */
  n: number;
  meanLanguages?: number;
  /** Share of `n` listing English and nothing else. */
  englishOnly?: number;
}

export interface LanguagesByGeneration {
  generations: LanguageGeneration[];
  n: number;
  study: StudyFigure;
}

export function languagesByGeneration(nodes: readonly FigureNode[]): LanguagesByGeneration {
  const byGen = new Map<number, { models: number; counts: number[]; englishOnly: number }>();
  for (const node of nodes) {
    const g = byGen.get(node.generation) ?? { models: 0, counts: [], englishOnly: 0 };
    g.models++;
    const langs = [...new Set(node.languages)];
    if (langs.length) {
      g.counts.push(langs.length);
      if (langs.length === 1 && langs[0] === 'en') g.englishOnly++;
    }
    byGen.set(node.generation, g);
  }
  const generations = [...byGen.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([generation, g]) => ({
      generation,
      models: g.models,
      n: g.counts.length,
      meanLanguages: mean(g.counts),
      englishOnly: g.counts.length ? g.englishOnly / g.counts.length : undefined,
    }));
  return { generations, n: generations.reduce((s, g) => s + g.n, 0), study: MEAN_LANGUAGES_ALL };
}

// ---- 4. task transitions ---------------------------------------------------------------------

export interface TaskTransitions {
  /** Tasks present, in the study's pipeline order (its top-10 order, then by stage, then by name). */
  tasks: string[];
  cells: (TransitionCell<string> & { direction: 'same' | 'downstream' | 'upstream' | 'unplaced' })[];
  /** Edges where both sides declare a task. */
  n: number;
  changed: number;
  study: StudyFigure;
}

const STAGE_RANK: Record<TaskStage, number> = { features: 0, generation: 1, classification: 2 };

/** Sort key along the study's pipeline: top-10 position first, then stage, unplaced last. */
export function pipelineKey(task: string): [number, number, string] {
  const stage = taskStage(task);
  const position = (STUDY_TASK_ORDER as readonly string[]).indexOf(task);
  return [stage === undefined ? 3 : STAGE_RANK[stage], position < 0 ? 99 : position, task];
}

function comparePipeline(a: string, b: string): number {
  const ka = pipelineKey(a);
  const kb = pipelineKey(b);
  return ka[0] - kb[0] || ka[1] - kb[1] || (ka[2] < kb[2] ? -1 : ka[2] > kb[2] ? 1 : 0);
}

export function taskTransitions(nodes: readonly FigureNode[]): TaskTransitions {
  const counts = new Map<string, TransitionCell<string>>();
  let n = 0;
  let changed = 0;
  for (const { parent, child } of familyEdges(nodes)) {
    if (!parent.task || !child.task) continue;
    n++;
    if (parent.task !== child.task) changed++;
    const key = `${parent.task}>${child.task}`;
    const cell = counts.get(key) ?? { from: parent.task, to: child.task, count: 0 };
    cell.count++;
    counts.set(key, cell);
  }
  const tasks = [...new Set([...counts.values()].flatMap((c) => [c.from, c.to]))].sort(comparePipeline);
  const direction = (from: string, to: string) => {
    if (from === to) return 'same' as const;
    const a = taskStage(from);
    const b = taskStage(to);
    if (a === undefined || b === undefined) return 'unplaced' as const;
    return comparePipeline(from, to) < 0 ? ('downstream' as const) : ('upstream' as const);
  };
  const cells = [...counts.values()]
    .sort((a, b) => comparePipeline(a.from, b.from) || comparePipeline(a.to, b.to))
    .map((c) => ({ ...c, direction: direction(c.from, c.to) }));
  return { tasks, cells, n, changed, study: TASK_MUTATION_FINETUNE };
}

export interface FamilyFigures {
  licenses: LicenseTransitions;
  cards: CardLengthByGeneration;
  languages: LanguagesByGeneration;
  tasks: TaskTransitions;
}

export function familyFigures(nodes: readonly FigureNode[]): FamilyFigures {
  return {
    licenses: licenseTransitions(nodes),
    cards: cardLengthByGeneration(nodes),
    languages: languagesByGeneration(nodes),
    tasks: taskTransitions(nodes),
  };
}
