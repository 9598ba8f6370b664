import { describe, expect, it } from 'vitest';
import type { LicenseDriftKind, TraitDiff } from '../../../lib/drift/types';
import { loadingReport, type ModelReport, type ParentReport } from '../../../lib/report/types';
import { licenseVerdict } from '../../../lib/report/verdict';

function parent(kind: LicenseDriftKind | 'error'): ParentReport {
  if (kind === 'error') return { id: 'gone/x', relation: 'finetune', error: { kind: 'not-found', message: 'gone' } };
  return { id: `p/${kind}`, relation: 'merge', diff: { license: { kind } } as unknown as TraitDiff };
}

function report(state: ModelReport['state'], parents: ParentReport[], partial?: 'verdict'): ModelReport {
  return { ...loadingReport('a/b'), state, parents, ...(partial ? { partial } : {}) };
}

describe('the license verdict a panel leads with', () => {
  it.each([
    ['nothing known yet', report('loading', []), null],
    ['the model could not be read', report('error', []), null],
    ['early verdict of a root', report('loading', [], 'verdict'), 'root'],
    ['ready root', report('ready', []), 'root'],
    ['relaxed versus one parent', report('ready', [parent('relaxed')]), 'relaxed'],
    ['relaxed versus one of two merge parents wins over same', report('ready', [parent('same'), parent('relaxed')]), 'relaxed'],
    ['relaxed wins over an unreadable parent', report('stale', [parent('error'), parent('relaxed')], undefined), 'relaxed'],
    ['an unreadable parent leaves it open', report('ready', [parent('same'), parent('error')]), 'unknown'],
    ['tightened before dropped', report('ready', [parent('dropped'), parent('tightened')]), 'tightened'],
    ['dropped before sideways', report('ready', [parent('sideways'), parent('dropped')]), 'dropped'],
    ['added before same', report('ready', [parent('same'), parent('added')]), 'added'],
    ['same', report('loading', [parent('same')], 'verdict'), 'same'],
  ])('%s', (_, input, expected) => {
    expect(licenseVerdict(input)).toBe(expected);
  });
});
