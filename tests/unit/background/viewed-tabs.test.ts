import { describe, expect, it } from 'vitest';
import { createViewedTabs, VIEWED_TABS_LIMIT } from '../../../lib/background/viewed-tabs';

describe('viewed tabs (the popup’s active model)', () => {
  it('stays at its limit however many tabs show a model, forgetting the least recently viewed', () => {
    const tabs = createViewedTabs();
    for (let tab = 1; tab <= 1000; tab += 1) tabs.record(tab, `owner/model-${tab}`);
    expect(tabs.size).toBe(VIEWED_TABS_LIMIT);
    expect(tabs.get(1)).toBeUndefined();
    expect(tabs.get(1000 - VIEWED_TABS_LIMIT)).toBeUndefined();
    expect(tabs.get(1000 - VIEWED_TABS_LIMIT + 1)).toBe(`owner/model-${1000 - VIEWED_TABS_LIMIT + 1}`);
    expect(tabs.latest()).toBe('owner/model-1000');
  });

  it('keeps a tab the user keeps coming back to, and answers with its newest model', () => {
    const tabs = createViewedTabs(3);
    tabs.record(7, 'a/first');
    tabs.record(8, 'b/x');
    tabs.record(9, 'c/y');
    tabs.record(7, 'a/second'); // tab 7 viewed again: now the most recent
    tabs.record(10, 'd/z'); // evicts tab 8, the least recently viewed
    expect(tabs.get(7)).toBe('a/second');
    expect(tabs.get(8)).toBeUndefined();
    expect(tabs.size).toBe(3);
    expect(tabs.latest()).toBe('d/z');
  });

  it('answers nothing before any panel reported', () => {
    const tabs = createViewedTabs();
    expect(tabs.latest()).toBeUndefined();
    expect(tabs.get(1)).toBeUndefined();
  });
});
