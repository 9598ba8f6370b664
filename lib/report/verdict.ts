// The license verdict a view shows first: what the license did versus the parents, as soon as the parents'
// metadata is known (the early partial report) or the full report arrived.
import type { LicenseDriftKind } from '../drift/types';
import type { ModelReport } from './types';

export type LicenseVerdict = LicenseDriftKind | 'root';

// The kind a panel leads with when parents disagree: what a reviewer must act on first.
const PRIORITY: readonly LicenseDriftKind[] = ['relaxed', 'tightened', 'dropped', 'unknown', 'sideways', 'added', 'same'];

/** null while nothing is known yet (or the model itself could not be read). */
export function licenseVerdict(report: ModelReport): LicenseVerdict | null {
  if (report.state === 'error') return null;
  if (report.state === 'loading' && report.partial !== 'verdict') return null;
  if (!report.parents.length) return 'root';
  // A parent that could not be read leaves the verdict open unless another parent already relaxed it.
  const kinds = new Set(report.parents.map((p) => p.diff?.license.kind ?? 'unknown'));
  return PRIORITY.find((kind) => kinds.has(kind)) ?? 'unknown';
}
