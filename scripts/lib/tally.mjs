// Counting for scripts/test-all.mjs, kept pure so it can be unit-tested (tests/unit/scripts/tally.test.ts).
// A suite that could not run (its prerequisite failed, a browser is missing) counts as one failure, never as
// nothing; skipped and todo tests are counted and printed, never folded into "passed".

/**
 * @typedef {{ passed: number, failed: number, skipped?: number, todo?: number }} Counts
 * @typedef {{ name: string, state: 'ok' | 'failed' | 'not run', passed: number, failed: number,
 *   skipped: number, todo: number, seconds: number, reason?: string }} SuiteResult
 */

const count = (value) => (Number.isInteger(value) && value >= 0 ? value : 0);

/**
 * One suite that ran. `counts` comes from its report (null when it wrote none, e.g. a crash or a suite
 * without per-test results: then the exit status counts as one test). A non-zero exit with no failing test
 * in the report still counts one failure, so a crash after the tests never passes.
 * @param {string} name @param {number | null} status exit status @param {Counts | null | undefined} counts
 * @param {number} seconds @returns {SuiteResult}
 */
export function ranSuite(name, status, counts, seconds = 0) {
  const ok = status === 0;
  const valid = counts && Number.isInteger(counts.passed) && Number.isInteger(counts.failed) ? counts : null;
  const passed = valid ? count(valid.passed) : ok ? 1 : 0;
  let failed = valid ? count(valid.failed) : ok ? 0 : 1;
  if (!ok && failed === 0) failed = 1;
  const skipped = valid ? count(valid.skipped) : 0;
  const todo = valid ? count(valid.todo) : 0;
  return { name, state: ok && failed === 0 ? 'ok' : 'failed', passed, failed, skipped, todo, seconds };
}

/** A suite that could not start: one failure, with the reason. @returns {SuiteResult} */
export function notRunSuite(name, reason) {
  return { name, state: 'not run', passed: 0, failed: 1, skipped: 0, todo: 0, seconds: 0, reason };
}

/** Counts from vitest's JSON reporter (Jest-compatible fields). @returns {Counts | null} */
export function vitestCounts(report) {
  if (!report || typeof report !== 'object') return null;
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = report;
  if (!Number.isInteger(numPassedTests) || !Number.isInteger(numFailedTests)) return null;
  return { passed: numPassedTests, failed: numFailedTests, skipped: count(numPendingTests), todo: count(numTodoTests) };
}

/** "12 passed, 0 failed, 2 skipped, 1 todo" (skipped/todo only when there are any). */
function countsPhrase({ passed, failed, skipped, todo }) {
  return [`${passed} passed`, `${failed} failed`, ...(skipped ? [`${skipped} skipped`] : []), ...(todo ? [`${todo} todo`] : [])].join(', ');
}

/** One line per suite. @param {SuiteResult} suite */
export function suiteLine(suite) {
  if (suite.state === 'not run') return `  ✗ ${suite.name}: not run (${suite.reason}), counted as 1 failed`;
  return `  ${suite.state === 'ok' ? '✓' : '✗'} ${suite.name}: ${countsPhrase(suite)} (${suite.seconds.toFixed(1)} s)`;
}

/** Totals over all suites; todo tests count as skipped in the total. @param {SuiteResult[]} suites */
export function totals(suites) {
  const sum = (key) => suites.reduce((n, s) => n + s[key], 0);
  return { passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped') + sum('todo') };
}

/** The last line of the run: exactly "N passed, N failed", plus ", N skipped" when any were. */
export function totalsLine(suites) {
  const { passed, failed, skipped } = totals(suites);
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

/** The summary block printed at the end: a heading, one line per suite, then the totals line. */
export function summaryLines(suites) {
  return ['Summary', ...suites.map(suiteLine), totalsLine(suites)];
}
