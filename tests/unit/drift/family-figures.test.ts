// The study's four figures on a hand-built family whose counts can be checked by hand (see the table).
import { describe, expect, it } from 'vitest';
import {
  cardLengthByGeneration,
  classChange,
  familyEdges,
  languagesByGeneration,
  licenseClassOf,
  licenseTransitions,
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

describe('license transitions', () => {
  const figure = licenseTransitions(FAMILY);

  it('count class pairs over the 6 edges with a license on both sides', () => {
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
  const figure = cardLengthByGeneration(FAMILY);

  it('gives median and quartiles of the sampled cards per generation (C and F have none)', () => {
    expect(figure.generations).toEqual([
      { generation: 0, n: 1, median: 10_000, q1: 10_000, q3: 10_000, min: 10_000, max: 10_000 },
      { generation: 1, n: 2, median: 5_000, q1: 4_500, q3: 5_500, min: 4_000, max: 6_000 },
      { generation: 2, n: 2, median: 1_500, q1: 1_250, q3: 1_750, min: 1_000, max: 2_000 },
    ]);
    expect(figure.n).toBe(5);
  });

  it('compares the per-generation ratio (geometric mean of 0.5 and 0.3) with the study\'s ≈0.45', () => {
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
