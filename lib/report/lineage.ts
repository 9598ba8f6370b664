// The license change along each step of a report's ancestor chain, for the panel's lineage graph.
// Pure: derived from the license keys the chain already holds, with the drift engine's classes.
import { classChange, licenseClassOf, type EdgeLicenseChange } from '../drift/family-figures';
import type { LicenseDriftKind } from '../drift/types';

export type { EdgeLicenseChange };

/**
 * For each chain step (first parent … root), the change on the edge from that ancestor down to its child
 * (the step before it, or the model itself for the first parent). Unknown when either side's licenses
 * are not known (a missing or gated ancestor).
 */
export function chainLicenseChanges(modelLicenses: readonly string[] | undefined, chain: readonly { licenses?: readonly string[] }[]): EdgeLicenseChange[] {
  return chain.map((step, i) => {
    const child = i === 0 ? modelLicenses : chain[i - 1].licenses;
    if (!child || !step.licenses) return 'unknown';
    return classChange(licenseClassOf(step.licenses), licenseClassOf(child));
  });
}

/** The drift engine's verdict on one parent edge, in the graph's four words (sideways = same tier). */
export function edgeChangeOfDrift(kind: LicenseDriftKind | undefined): EdgeLicenseChange {
  if (kind === 'relaxed' || kind === 'tightened') return kind;
  if (kind === 'same' || kind === 'sideways') return 'same';
  return 'unknown';
}

/** The chain with each step's `licenseChange` filled in. */
export function withLicenseChanges<T extends { licenses?: string[] }>(modelLicenses: readonly string[] | undefined, chain: T[]): (T & { licenseChange: EdgeLicenseChange })[] {
  const changes = chainLicenseChanges(modelLicenses, chain);
  return chain.map((step, i) => ({ ...step, licenseChange: changes[i] }));
}
