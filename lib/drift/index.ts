// HF Drift trait drift engine: pure functions from Hub records to traits, diffs, family statistics
// and badges. No DOM, no network, no clock.

export * from './types';
export { modelTraits, describeTraits } from './traits';
export { cardStatsFromReadme } from './card';
export {
  licenseFacts,
  compareLicenses,
  compareRestriction,
  describeLicenses,
  HUB_LICENSE_KEYS,
  isHubLicenseKey,
  RESTRICTION_TIERS,
} from './licenses';
export { languageName, compareLanguages, describeLanguages } from './languages';
export { compareTasks, taskStage, taskPosition } from './tasks';
export { diffTraits } from './diff';
export { familyStats, mutationRate } from './family';
export { siblingSimilarity, pairSimilarity } from './similarity';
export { badgeSummary } from './badges';
