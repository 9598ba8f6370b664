// @vitest-environment node
// The counting behind `npm test`'s last line: a suite that could not run is a failure, a crash with no
// failing test is a failure, and skipped or todo tests are shown as such instead of vanishing.
import { describe, expect, it } from 'vitest';
import { notRunSuite, ranSuite, summaryLines, suiteLine, totalsLine, vitestCounts } from '../../../scripts/lib/tally.mjs';

describe('one suite', () => {
  it.each([
    // [exit status, counts from its report, state, passed, failed]
    [0, { passed: 412, failed: 0 }, 'ok', 412, 0],
    [1, { passed: 410, failed: 2 }, 'failed', 410, 2],
    [1, { passed: 412, failed: 0 }, 'failed', 412, 1], // crashed after its tests: still a failure
    [0, null, 'ok', 1, 0], // no per-test report (typecheck, build): the exit status is one test
    [2, null, 'failed', 0, 1],
    [null, null, 'failed', 0, 1], // killed by a signal
    [1, { passed: 0, failed: 0 }, 'failed', 0, 1], // e2e found no test at all
    [1, { passed: Number.NaN, failed: 3 } as never, 'failed', 0, 1], // a broken report is no report
  ] as const)('exit %s with %j → %s, %i passed, %i failed', (status, counts, state, passed, failed) => {
    expect(ranSuite('unit', status, counts)).toMatchObject({ state, passed, failed });
  });

  it('keeps skipped and todo counts', () => {
    expect(ranSuite('unit', 0, { passed: 5, failed: 0, skipped: 2, todo: 1 })).toMatchObject({ state: 'ok', skipped: 2, todo: 1 });
  });

  it('a suite that could not start counts as one failure and says why', () => {
    const suite = notRunSuite('e2e (chromium + firefox)', 'the build failed');
    expect(suite).toMatchObject({ state: 'not run', passed: 0, failed: 1 });
    expect(suiteLine(suite)).toBe('  ✗ e2e (chromium + firefox): not run (the build failed), counted as 1 failed');
  });
});

describe("vitest's JSON report", () => {
  it('reads passed, failed, skipped and todo', () => {
    expect(vitestCounts({ numPassedTests: 700, numFailedTests: 1, numPendingTests: 3, numTodoTests: 2, numTotalTests: 706 })).toEqual({
      passed: 700,
      failed: 1,
      skipped: 3,
      todo: 2,
    });
  });

  it.each([null, 'oops', {}, { numPassedTests: 3 }])('is no report when it is %j', (report) => {
    expect(vitestCounts(report)).toBeNull();
  });
});

describe('the summary', () => {
  const typecheck = ranSuite('typecheck', 0, null, 4.2);
  const unit = ranSuite('unit', 0, { passed: 700, failed: 0, skipped: 2, todo: 1 }, 31.04);

  it('when the build fails, lint and e2e are in the total as failures (not left out)', () => {
    const suites = [typecheck, unit, ranSuite('build', 1, null, 12), notRunSuite('web-ext lint (firefox)', 'the build failed'), notRunSuite('e2e (chromium + firefox)', 'the build failed')];
    const lines = summaryLines(suites);
    expect(lines).toEqual([
      'Summary',
      '  ✓ typecheck: 1 passed, 0 failed (4.2 s)',
      '  ✓ unit: 700 passed, 0 failed, 2 skipped, 1 todo (31.0 s)',
      '  ✗ build: 0 passed, 1 failed (12.0 s)',
      '  ✗ web-ext lint (firefox): not run (the build failed), counted as 1 failed',
      '  ✗ e2e (chromium + firefox): not run (the build failed), counted as 1 failed',
      '701 passed, 3 failed, 3 skipped',
    ]);
  });

  it('the last line is exactly "N passed, N failed" when nothing was skipped', () => {
    const suites = [typecheck, ranSuite('unit', 0, { passed: 700, failed: 0, skipped: 0, todo: 0 }), ranSuite('e2e', 0, { passed: 120, failed: 0 })];
    expect(totalsLine(suites)).toBe('821 passed, 0 failed');
    expect(summaryLines(suites).at(-1)).toMatch(/^\d+ passed, \d+ failed(, \d+ skipped)?$/);
  });
});
