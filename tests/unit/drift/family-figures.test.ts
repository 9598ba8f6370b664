// The study's four figures on a hand-built family whose counts can be checked by hand (see the table).
import { describe, expect, it } from 'vitest';
import {
  cardLengthByGeneration,
  classChange,
  familyEdges,
  languagesByGeneration,
  licenseClassOf,
  licenseTransitions,
  familyFigures,
  quantile,
  taskTransitions,
  type FigureNode,
} from '../../../lib/drift/family-figures';

const ALL8 = ['en', 'de', 'fr', 'it', 'pt', 'hi', 'es', 'th'];
const ft = (id: string) => ({ id, relation: 'finetune' });

//  id  gen parents           license       languages  task                 card
//  R   0   —                 llama3.1      8          text-generation      10,000
//  A   1   R (finetune)      apache-2.0    en         text-generation      4,000
//  B   1   R (finetune)      llama3.1      en de      text-classification  6,000
//  C   1   R (quantized)     llama3.1      —          —                    —
//  D   2   A (finetune)      cc-by-nc-4.0  en         text-classification  1,000
//  E   2   A + B (merge)     mit           en         text-generation      2,000
//  F   3   D (finetune)      —             fr         —                    —
const FAMILY: FigureNode[] = [
  { id: 'R', generation: 0, parents: [], licenses: ['llama3.1'], languages: ALL8, task: 'text-generation', cardLength: 10_000 },
  { id: 'A', generation: 1, parents: [ft('R')], licenses: ['apache-2.0'], languages: ['en'], task: 'text-generation', cardLength: 4_000 },
  { id: 'B', generation: 1, parents: [ft('R')], licenses: ['llama3.1'], languages: ['en', 'de'], task: 'text-classification', cardLength: 6_000 },
  { id: 'C', generation: 1, parents: [{ id: 'R', relation: 'quantized' }], licenses: ['llama3.1'], languages: [] },
  { id: 'D', generation: 2, parents: [ft('A')], licenses: ['cc-by-nc-4.0'], languages: ['en'], task: 'text-classification', cardLength: 1_000 },
  {
    id: 'E',
    generation: 2,
    parents: [
      { id: 'A', relation: 'merge' },
      { id: 'B', relation: 'merge' },
    ],
    licenses: ['mit'],
    languages: ['en'],
    task: 'text-generation',
    cardLength: 2_000,
  },
  { id: 'F', generation: 3, parents: [ft('D'), { id: 'outside/model', relation: 'finetune' }, ft('F')], licenses: [], languages: ['fr'] },
];

describe('edges of a family', () => {
  it('are every declared parent inside the family: 7 here (outside parents and self-links dropped)', () => {
    expect(familyEdges(FAMILY).map((e) => `${e.parent.id}>${e.child.id}`)).toEqual(['R>A', 'R>B', 'R>C', 'A>D', 'A>E', 'B>E', 'D>F']);
  });
});

// Each test computes its figure itself: Stryker credits a test only with code run inside it (tests/MUTATION.md).
describe('license transitions', () => {
  it('count class pairs over the 6 edges with a license on both sides', () => {
    const figure = licenseTransitions(FAMILY);
    expect(figure.n).toBe(6);
    const cells = Object.fromEntries(figure.cells.map((c) => [`${c.from}>${c.to}`, [c.count, c.change]]));
    expect(cells).toEqual({
      'custom-commercial>permissive': [2, 'relaxed'], // R→A, B→E
      'custom-commercial>custom-commercial': [2, 'same'], // R→B, R→C
      'permissive>non-commercial': [1, 'tightened'], // A→D
      'permissive>permissive': [1, 'same'], // A→E
    });
    expect([figure.relaxed, figure.tightened]).toEqual([2, 1]);
  });

  it('lists classes least restrictive first and measures the study\'s mutation rate on fine-tune edges (2 of 3 changed)', () => {
    const figure = licenseTransitions(FAMILY);
    expect(figure.classes).toEqual(['permissive', 'custom-commercial', 'non-commercial']);
    expect(figure.finetuneMutation).toEqual({ value: 2 / 3, n: 3 });
    expect(figure.study.display).toBe('19.8%');
  });

  it.each([
    [['llama3.1'], 'custom-commercial'],
    [['apache-2.0', 'cc-by-nc-4.0'], 'non-commercial'],
    [[], 'none'],
    [['other'], 'unknown'],
    [['definitely-not-a-license'], 'unknown'],
  ])('class of %j is %s', (licenses, cls) => {
    expect(licenseClassOf(licenses)).toBe(cls);
  });

  it.each([
    ['custom-commercial', 'permissive', 'relaxed'],
    ['permissive', 'non-commercial', 'tightened'],
    ['permissive', 'permissive-attribution', 'same'],
    ['unknown', 'permissive', 'unknown'],
    ['none', 'permissive', 'unknown'],
  ] as const)('%s → %s is %s', (from, to, change) => {
    expect(classChange(from, to)).toBe(change);
  });
});

describe('card length per generation', () => {
  it('gives median and quartiles of the sampled cards per generation (C and F have none)', () => {
    const figure = cardLengthByGeneration(FAMILY);
    expect(figure.generations).toEqual([
      { generation: 0, n: 1, median: 10_000, q1: 10_000, q3: 10_000, min: 10_000, max: 10_000 },
      { generation: 1, n: 2, median: 5_000, q1: 4_500, q3: 5_500, min: 4_000, max: 6_000 },
      { generation: 2, n: 2, median: 1_500, q1: 1_250, q3: 1_750, min: 1_000, max: 2_000 },
    ]);
    expect(figure.n).toBe(5);
  });

  it('compares the per-generation ratio (geometric mean of 0.5 and 0.3) with the study\'s ≈0.45', () => {
    const figure = cardLengthByGeneration(FAMILY);
    expect(figure.familyRatio).toBeCloseTo(Math.sqrt(0.5 * 0.3), 10);
    expect(figure.studyRatio).toBeCloseTo(4402 / 9773, 10);
  });

  it('quantile interpolates linearly', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('languages per generation', () => {
  it('means and English-only shares among models that list a language', () => {
    const figure = languagesByGeneration(FAMILY);
    expect(figure.generations).toEqual([
      { generation: 0, models: 1, n: 1, meanLanguages: 8, englishOnly: 0 },
      { generation: 1, models: 3, n: 2, meanLanguages: 1.5, englishOnly: 0.5 },
      { generation: 2, models: 2, n: 2, meanLanguages: 1, englishOnly: 1 },
      { generation: 3, models: 1, n: 1, meanLanguages: 1, englishOnly: 0 },
    ]);
    expect(figure.n).toBe(6);
  });
});

describe('task transitions', () => {
  it('count parent → child tasks over the 5 edges with a task on both sides, in the study\'s pipeline order', () => {
    const figure = taskTransitions(FAMILY);
    expect(figure.n).toBe(5);
    expect(figure.changed).toBe(3);
    expect(figure.tasks).toEqual(['text-generation', 'text-classification']);
    expect(figure.cells.map((c) => [c.from, c.to, c.count, c.direction])).toEqual([
      ['text-generation', 'text-generation', 2, 'same'],
      ['text-generation', 'text-classification', 2, 'downstream'],
      ['text-classification', 'text-generation', 1, 'upstream'],
    ]);
    expect(figure.study.display).toBe('41.1%');
  });

  it('orders features before generation before classification', () => {
    const nodes: FigureNode[] = [
      { id: 'a', generation: 0, parents: [], licenses: [], languages: [], task: 'token-classification' },
      { id: 'b', generation: 1, parents: [ft('a')], licenses: [], languages: [], task: 'fill-mask' },
      { id: 'c', generation: 2, parents: [ft('b')], licenses: [], languages: [], task: 'summarization' },
      { id: 'd', generation: 3, parents: [ft('c')], licenses: [], languages: [], task: 'made-up-task' },
    ];
    expect(taskTransitions(nodes).tasks).toEqual(['fill-mask', 'summarization', 'token-classification', 'made-up-task']);
  });
});

// ---- Edge cases a user of the family explorer would see as a wrong count or a shuffled axis ----------

/** A chain a → b → c … where each model has the given task (generation = position). */
const taskChain = (tasks: (string | undefined)[]): FigureNode[] =>
  tasks.map((task, i) => ({ id: `m${i}`, generation: i, parents: i ? [ft(`m${i - 1}`)] : [], licenses: [], languages: [], task }));

describe('license class of a model with several licenses', () => {
  it.each([
    [['cc-by-nc-4.0', 'mit'], 'non-commercial'], // the most restrictive wins whatever the order
    [['other', 'mit'], 'permissive'], // an unknown license does not hide a known one
    [['mit', 'other'], 'permissive'],
    [['mit', 'cc-by-4.0'], 'permissive'], // same tier: the first listed names the class
    [['cc-by-4.0', 'mit'], 'permissive-attribution'],
  ])('%j is %s', (licenses, cls) => {
    expect(licenseClassOf(licenses)).toBe(cls);
  });

  it('an unknown class on the child side is no change either way', () => {
    expect(classChange('permissive', 'unknown')).toBe('unknown');
    expect(classChange('non-commercial', 'none')).toBe('unknown');
  });
});

describe('family edges', () => {
  it('a parent listed twice is one edge; a parent outside the family or the model itself is none', () => {
    const nodes: FigureNode[] = [
      { id: 'a', generation: 0, parents: [], licenses: ['mit'], languages: [] },
      { id: 'b', generation: 1, parents: [ft('a'), { id: 'a', relation: 'merge' }, ft('b'), ft('gone')], licenses: ['mit'], languages: [] },
    ];
    const edges = familyEdges(nodes);
    expect(edges).toHaveLength(1);
    expect(edges[0]).toEqual({ parent: nodes[0], child: nodes[1], relation: 'finetune' });
  });

  it('a family of one model has no edges and empty figures', () => {
    const figures = familyFigures([{ id: 'solo', generation: 0, parents: [], licenses: ['mit'], languages: ['en'], task: 'fill-mask', cardLength: 500 }]);
    expect(figures.licenses).toMatchObject({ cells: [], classes: [], n: 0, relaxed: 0, tightened: 0, finetuneMutation: undefined });
    expect(figures.tasks).toMatchObject({ tasks: [], cells: [], n: 0, changed: 0 });
    expect(figures.cards.generations).toEqual([{ generation: 0, n: 1, median: 500, q1: 500, q3: 500, min: 500, max: 500 }]);
    expect(figures.languages.generations).toEqual([{ generation: 0, models: 1, n: 1, meanLanguages: 1, englishOnly: 1 }]);
  });

  it('familyFigures gives the four figures of the family', () => {
    const figures = familyFigures(FAMILY);
    expect(figures.licenses.n).toBe(6);
    expect(figures.cards.n).toBe(5);
    expect(figures.languages.n).toBe(6);
    expect(figures.tasks.n).toBe(5);
  });
});

describe('license transitions with an unknown license', () => {
  it('put the unknown class after every known one', () => {
    const nodes: FigureNode[] = [
      { id: 'r', generation: 0, parents: [], licenses: ['other'], languages: [] },
      { id: 'a', generation: 1, parents: [ft('r')], licenses: ['cc-by-nc-nd-4.0'], languages: [] },
      { id: 'b', generation: 1, parents: [ft('r')], licenses: ['mit'], languages: [] },
    ];
    const figure = licenseTransitions(nodes);
    expect(figure.classes).toEqual(['permissive', 'no-derivatives', 'unknown']);
    expect(figure.cells.map((c) => [c.from, c.to, c.change])).toEqual([
      ['unknown', 'permissive', 'unknown'],
      ['unknown', 'no-derivatives', 'unknown'],
    ]);
    expect([figure.relaxed, figure.tightened]).toEqual([0, 0]);
  });
});

describe('per-generation figures whatever order the crawl found the models in', () => {
  it('languages and card lengths are listed root first', () => {
    const nodes: FigureNode[] = [
      { id: 'c', generation: 2, parents: [], licenses: [], languages: ['en'], cardLength: 100 },
      { id: 'r', generation: 0, parents: [], licenses: [], languages: ['en', 'fr', 'de'], cardLength: 900 },
      { id: 'b', generation: 1, parents: [], licenses: [], languages: ['en', 'fr'], cardLength: 300 },
    ];
    expect(languagesByGeneration(nodes).generations.map((g) => [g.generation, g.meanLanguages])).toEqual([[0, 3], [1, 2], [2, 1]]);
    expect(cardLengthByGeneration(nodes).generations.map((g) => [g.generation, g.median])).toEqual([[0, 900], [1, 300], [2, 100]]);
  });

  it('quantile interpolates between the two neighbours of any position', () => {
    expect(quantile([1, 2, 3, 4], 0.75)).toBeCloseTo(3.25);
    expect(quantile([10, 20, 30], 0.5)).toBe(20);
  });
});

describe('task order along the study\'s pipeline', () => {
  it.each([
    // the study's top-10 position first, then the rest of the stage by name
    [['summarization', 'text-generation', 'question-answering'], ['question-answering', 'text-generation', 'summarization']],
    [['sentence-similarity', 'feature-extraction', 'fill-mask'], ['fill-mask', 'feature-extraction', 'sentence-similarity']],
    [['translation', 'summarization', 'image-to-text'], ['image-to-text', 'summarization', 'translation']],
    [['zeta-task', 'alpha-task', 'text-classification'], ['text-classification', 'alpha-task', 'zeta-task']],
  ])('%j is shown as %j', (tasks, order) => {
    expect(taskTransitions(taskChain(tasks)).tasks).toEqual(order);
  });

  it('a change to or from a task with no stage is "unplaced", not up- or downstream', () => {
    const figure = taskTransitions(taskChain(['fill-mask', 'made-up-task', 'text-classification']));
    expect(figure.cells.map((c) => [c.from, c.to, c.direction])).toEqual([
      ['fill-mask', 'made-up-task', 'unplaced'],
      ['made-up-task', 'text-classification', 'unplaced'],
    ]);
    expect(figure.changed).toBe(2);
  });

  it('cells are sorted by the parent task, then the child task, along the pipeline', () => {
    const figure = taskTransitions(taskChain(['text-classification', 'text-generation', 'fill-mask', 'text-generation', 'text-classification']));
    expect(figure.cells.map((c) => `${c.from}>${c.to}:${c.direction}`)).toEqual([
      'fill-mask>text-generation:downstream',
      'text-generation>fill-mask:upstream',
      'text-generation>text-classification:downstream',
      'text-classification>text-generation:upstream',
    ]);
  });
});

describe('figures on awkward data', () => {
  it('a card of length 0 counts; a negative, infinite or missing length does not', () => {
    const nodes: FigureNode[] = [0, -5, Number.POSITIVE_INFINITY, Number.NaN, undefined].map((cardLength, i) => ({
      id: `m${i}`,
      generation: 0,
      parents: [],
      licenses: [],
      languages: [],
      cardLength,
    }));
    const figure = cardLengthByGeneration(nodes);
    expect(figure.n).toBe(1);
    expect(figure.generations).toEqual([{ generation: 0, n: 1, median: 0, q1: 0, q3: 0, min: 0, max: 0 }]);
  });

  it('cards of a generation are sorted before their median and range are taken', () => {
    const nodes: FigureNode[] = [6_000, 1_000, 4_000].map((cardLength, i) => ({ id: `m${i}`, generation: 1, parents: [], licenses: [], languages: [], cardLength }));
    expect(cardLengthByGeneration(nodes).generations).toEqual([{ generation: 1, n: 3, median: 4_000, q1: 2_500, q3: 5_000, min: 1_000, max: 6_000 }]);
  });

  it.each([
    ['a skipped generation', [[0, 1_000], [2, 250]]],
    ['an empty root card', [[0, 0], [1, 500]]],
    ['an empty child card', [[0, 500], [1, 0]]],
  ])('no family ratio across %s', (_name, cards) => {
    const nodes: FigureNode[] = cards.map(([generation, cardLength]) => ({ id: `g${generation}`, generation, parents: [], licenses: [], languages: [], cardLength }));
    expect(cardLengthByGeneration(nodes).familyRatio).toBeUndefined();
  });

  it('the license mutation rate counts fine-tune edges only, not merges', () => {
    const nodes: FigureNode[] = [
      { id: 'r', generation: 0, parents: [], licenses: ['mit'], languages: [] },
      { id: 'f', generation: 1, parents: [ft('r')], licenses: ['mit'], languages: [] },
      { id: 'm', generation: 1, parents: [{ id: 'r', relation: 'merge' }], licenses: ['apache-2.0'], languages: [] },
    ];
    expect(licenseTransitions(nodes).finetuneMutation).toEqual({ value: 0, n: 1 });
  });

  it('classes of the same restriction tier keep the class order (permissive before permissive with attribution)', () => {
    const nodes: FigureNode[] = [
      { id: 'r', generation: 0, parents: [], licenses: ['cc-by-4.0'], languages: [] },
      { id: 'a', generation: 1, parents: [ft('r')], licenses: ['cc-by-nc-4.0'], languages: [] },
      { id: 'b', generation: 1, parents: [ft('r')], licenses: ['mit'], languages: [] },
      { id: 'c', generation: 1, parents: [ft('r')], licenses: ['gpl-3.0'], languages: [] },
    ];
    expect(licenseTransitions(nodes).classes).toEqual(['permissive', 'permissive-attribution', 'strong-copyleft', 'non-commercial']);
  });

  it('classes follow the restriction order, not the class list: research-only before no-derivatives', () => {
    const nodes: FigureNode[] = [
      { id: 'r', generation: 0, parents: [], licenses: ['cc-by-nc-nd-4.0'], languages: [] },
      { id: 'a', generation: 1, parents: [ft('r')], licenses: ['intel-research'], languages: [] },
    ];
    const figure = licenseTransitions(nodes);
    expect(figure.classes).toEqual(['research-only', 'no-derivatives']);
    expect(figure.relaxed).toBe(1);
  });

  it('cells from the same parent task are ordered by the child task', () => {
    const nodes: FigureNode[] = [
      { id: 'r', generation: 0, parents: [], licenses: [], languages: [], task: 'fill-mask' },
      { id: 'c', generation: 1, parents: [ft('r')], licenses: [], languages: [], task: 'text-classification' },
      { id: 'g', generation: 1, parents: [ft('r')], licenses: [], languages: [], task: 'text-generation' },
    ];
    expect(taskTransitions(nodes).cells.map((c) => c.to)).toEqual(['text-generation', 'text-classification']);
  });

  it('cells from tasks with no stage are ordered by the parent task\'s name', () => {
    const nodes: FigureNode[] = [
      { id: 'a', generation: 0, parents: [], licenses: [], languages: [], task: 'alpha-task' },
      { id: 'b', generation: 1, parents: [ft('a')], licenses: [], languages: [], task: 'text-classification' },
      { id: 'c', generation: 0, parents: [], licenses: [], languages: [], task: 'beta-task' },
      { id: 'd', generation: 1, parents: [ft('c')], licenses: [], languages: [], task: 'fill-mask' },
    ];
    expect(taskTransitions(nodes).cells.map((c) => `${c.from}>${c.to}`)).toEqual(['alpha-task>text-classification', 'beta-task>fill-mask']);
  });
});
