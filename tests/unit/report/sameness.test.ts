import { describe, expect, it } from 'vitest';
import { nothingNew } from '../../../lib/report/sameness';
import { loadingReport, type ModelReport } from '../../../lib/report/types';

const FAMILY = [{ relation: 'finetune', sampled: true, stats: { sampled: 3 } }] as unknown as ModelReport['family'];

function complete(extra: Partial<ModelReport> = {}): ModelReport {
  return {
    ...loadingReport('sky/chat'),
    state: 'ready',
    fetchedAt: 1000,
    parents: [{ id: 'meta/llama', relation: 'finetune' }],
    family: FAMILY,
    familyPending: false,
    notices: ['Family figures come from a sample.'],
    ...extra,
  };
}

describe('a report that shows the view nothing new is not sent again', () => {
  it('an equal report is nothing new; no report shown yet means anything is new', () => {
    expect(nothingNew(complete(), complete())).toBe(true);
    expect(nothingNew(undefined, complete())).toBe(false);
    expect(nothingNew(undefined, complete({ family: [], familyPending: true }))).toBe(false);
  });

  it('the build still computing the family of an otherwise equal report is nothing new', () => {
    const beforeFamily = complete({ family: [], familyPending: true, notices: [] });
    expect(nothingNew(complete(), beforeFamily)).toBe(true);
  });

  it('anything else that changed is new: the state, the data age, a parent, the family itself', () => {
    expect(nothingNew(complete(), complete({ state: 'stale', stale: true }))).toBe(false);
    expect(nothingNew(complete(), complete({ fetchedAt: 2000 }))).toBe(false);
    expect(nothingNew(complete(), complete({ parents: [] }))).toBe(false);
    expect(nothingNew(complete(), complete({ family: [] }))).toBe(false);
    expect(nothingNew(complete(), complete({ family: [], familyPending: true, notices: [], fetchedAt: 5 }))).toBe(false);
    // A view that is itself still waiting for the family gets the one that has it.
    expect(nothingNew(complete({ familyPending: true, family: [] }), complete())).toBe(false);
  });
});
