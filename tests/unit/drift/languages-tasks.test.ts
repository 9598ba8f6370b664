import { describe, expect, it } from 'vitest';
import { compareLanguages, compareTasks, taskPosition, taskStage } from '../../../lib/drift';

describe('compareLanguages', () => {
  it.each([
    [['en', 'de', 'fr'], ['en'], 'narrowed', true],
    [['en', 'de', 'fr'], ['de', 'fr'], 'narrowed', false],
    [['de', 'fr'], ['en'], 'narrowed', true],
    [['de'], ['en'], 'changed', true],
    [['en'], ['en', 'ja'], 'broadened', false],
    [['en', 'de'], ['en', 'ja'], 'changed', false],
    [['en'], ['en'], 'same', false],
    [[], ['en'], 'added', false],
    [['en'], [], 'removed', false],
    [[], [], 'same', false],
  ] as const)('%j → %j is %s', (parent, child, kind, english) => {
    const drift = compareLanguages([...parent], [...child]);
    expect(drift.kind).toBe(kind);
    expect(drift.toEnglishOnly).toBe(english);
  });

  it('names what was dropped', () => {
    expect(compareLanguages(['en', 'de', 'fr'], ['en', 'fr']).summary).toBe('Narrowed from 3 to 2 languages; dropped German.');
  });
});

describe('task ordering', () => {
  it('places tasks in the study\'s stages and top-10 order', () => {
    expect(taskStage('fill-mask')).toBe('features');
    expect(taskStage('automatic-speech-recognition')).toBe('features');
    expect(taskStage('translation')).toBe('generation');
    expect(taskStage('reinforcement-learning')).toBe('classification');
    expect(taskStage('depth-estimation')).toBeUndefined();
    expect(taskPosition('token-classification')).toBe(10);
    expect(taskPosition('translation')).toBeUndefined();
  });

  it.each([
    ['fill-mask', 'text-classification', 'forward'],
    ['text-classification', 'fill-mask', 'backward'],
    ['question-answering', 'text-generation', 'forward'],
    ['feature-extraction', 'translation', 'forward'],
    ['translation', 'summarization', 'sideways'],
    ['text-generation', 'depth-estimation', 'unplaced'],
    ['text-generation', 'text-generation', 'same'],
    [undefined, 'text-generation', 'added'],
    ['text-generation', undefined, 'removed'],
    [undefined, undefined, 'none'],
  ] as const)('%s → %s moves %s', (parent, child, kind) => {
    expect(compareTasks(parent, child).kind).toBe(kind);
  });
});
