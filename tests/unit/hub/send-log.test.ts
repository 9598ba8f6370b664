import { describe, expect, it } from 'vitest';
import { createSendLog } from '../../../lib/hub/send-log';

const WINDOW = 300_000;
const T0 = 1_700_000_000_000;

describe('send log (our requests of the last rate-limit window)', () => {
  it('counts every request until it leaves the window, and frees the oldest exactly a window after it', () => {
    const log = createSendLog(WINDOW);
    for (const at of [T0, T0 + 1000, T0 + 2000]) log.add(at);
    expect(log.count(T0 + 2000)).toBe(3);
    expect(log.nextRelease(T0 + 2000)).toBe(T0 + WINDOW);
    expect(log.count(T0 + WINDOW - 1)).toBe(3);
    expect(log.count(T0 + WINDOW)).toBe(2);
    expect(log.nextRelease(T0 + WINDOW)).toBe(T0 + 1000 + WINDOW);
    expect(log.count(T0 + 2000 + WINDOW)).toBe(0);
    expect(log.nextRelease(T0 + 2000 + WINDOW)).toBeUndefined();
  });

  it.each([
    ['the same millisecond', [0, 0, 0], [[0, 0, 3]]],
    ['less than a second after the run began', [0, 400, 999], [[0, 999, 3]]],
    ['a second after the run began starts a new one', [0, 999, 1000], [[0, 999, 2], [1000, 1000, 1]]],
  ])('requests in %s share a run', (_, offsets, runs) => {
    const log = createSendLog(WINDOW);
    for (const offset of offsets) log.add(T0 + offset);
    expect(log.runs(T0 + 1000)).toEqual(runs.map(([first, last, count]) => [T0 + first, T0 + last, count]));
  });

  it('never counts fewer than were sent in the window: a run leaves with its last request', () => {
    const log = createSendLog(WINDOW);
    log.add(T0);
    log.add(T0 + 900);
    // The first request has left the window, its run-mate has not: both still count.
    expect(log.count(T0 + WINDOW + 100)).toBe(2);
    expect(log.nextRelease(T0 + WINDOW + 100)).toBe(T0 + 900 + WINDOW);
    expect(log.count(T0 + 900 + WINDOW)).toBe(0);
  });

  it('holds at most one run per second of the window however many requests it counts', () => {
    const log = createSendLog(WINDOW);
    let at = T0;
    for (let i = 0; i < 20_000; i++) {
      log.add(at);
      at += 30; // 33 requests a second, for 600 s
    }
    const now = at - 30;
    // Exactly WINDOW / 30 were sent in the window; the oldest run may still hold a second's worth more.
    expect(log.count(now)).toBeGreaterThanOrEqual(WINDOW / 30);
    expect(log.count(now)).toBeLessThanOrEqual(WINDOW / 30 + 1000 / 30);
    expect(log.runs(now).length).toBeLessThanOrEqual(WINDOW / 1000 + 1);
  });

  it('a time before the last run began (a clock set back) joins that run and keeps it counted', () => {
    const log = createSendLog(WINDOW);
    log.add(T0 + 5000);
    log.add(T0);
    expect(log.runs(T0 + 5000)).toEqual([[T0 + 5000, T0 + 5000, 2]]);
    expect(log.count(T0 + 5000 + WINDOW - 1)).toBe(2);
  });

  it('hands out copies of its runs', () => {
    const log = createSendLog(WINDOW);
    log.add(T0);
    log.runs(T0)[0][2] = 99;
    expect(log.count(T0)).toBe(1);
  });

  it('restores saved runs and single times still in the window, and ignores anything else', () => {
    const log = createSendLog(WINDOW);
    log.add(T0 + 5000);
    const now = T0 + 6000;
    log.restore(
      [
        [T0, T0 + 500, 4], // a run
        T0 + 2000, // a single time (saved before runs)
        [T0 - WINDOW, T0 - WINDOW + 10, 7], // left the window
        [T0 + 3000, T0 + 2000, 1], // last before first
        [T0 + 3000, T0 + 3000, 0], // no requests
        [T0 + 7000, T0 + 7000, 1], // in the future
        ['x', T0, 1],
        [T0, Number.NaN, 1],
        null,
      ],
      now,
    );
    expect(log.runs(now)).toEqual([[T0, T0 + 500, 4], [T0 + 2000, T0 + 2000, 1], [T0 + 5000, T0 + 5000, 1]]);
    expect(log.count(now)).toBe(6);
    expect(log.nextRelease(now)).toBe(T0 + 500 + WINDOW);
  });

  it('restored runs take their place by time: an older run of its own still leaves first', () => {
    const log = createSendLog(WINDOW);
    log.add(T0);
    log.restore([[T0 + 2000, T0 + 2000, 1], [T0 + 3000, T0 + 3000, 1]], T0 + 3000);
    expect(log.count(T0 + 3000)).toBe(3);
    expect(log.nextRelease(T0 + 3000)).toBe(T0 + WINDOW);
    expect(log.count(T0 + 1000 + WINDOW)).toBe(2);
    expect(log.nextRelease(T0 + 1000 + WINDOW)).toBe(T0 + 2000 + WINDOW);
  });

  it('times saved one per request (before runs) come back as runs, at most one per second', () => {
    const log = createSendLog(WINDOW);
    const saved = Array.from({ length: 1000 }, (_, i) => T0 + i * 10); // 1,000 requests in 10 s
    log.restore(saved, T0 + 10_000);
    expect(log.count(T0 + 10_000)).toBe(1000);
    expect(log.runs(T0 + 10_000).length).toBeLessThanOrEqual(10);
    expect(log.runs(T0 + 10_000)[0]).toEqual([T0, T0 + 990, 100]);
  });

  it('a run saved at this very moment is restored', () => {
    const log = createSendLog(WINDOW);
    log.restore([[T0 - 10, T0, 2]], T0);
    expect(log.count(T0)).toBe(2);
  });

  it.each([[null], ['runs'], [{ 0: [1, 1, 1] }]])('a saved value that is not a list (%j) restores nothing', (saved) => {
    const log = createSendLog(WINDOW);
    log.restore(saved, T0);
    expect(log.count(T0)).toBe(0);
  });
});
