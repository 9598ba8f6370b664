export interface Counts {
  passed: number;
  failed: number;
  skipped?: number;
  todo?: number;
}
export interface SuiteResult {
  name: string;
  state: 'ok' | 'failed' | 'not run';
  passed: number;
  failed: number;
  skipped: number;
  todo: number;
  seconds: number;
  reason?: string;
}
export function ranSuite(name: string, status: number | null, counts: Counts | null | undefined, seconds?: number): SuiteResult;
export function notRunSuite(name: string, reason: string): SuiteResult;
export function vitestCounts(report: unknown): Counts | null;
export function suiteLine(suite: SuiteResult): string;
export function totals(suites: SuiteResult[]): { passed: number; failed: number; skipped: number };
export function totalsLine(suites: SuiteResult[]): string;
export function summaryLines(suites: SuiteResult[]): string[];
