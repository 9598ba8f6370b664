// HF Drift trait drift engine: pure functions from Hub records to traits, diffs, family statistics
// and badges. No DOM, no network, no clock.

export * from './types';
export { modelTraits, describeTraits, coerceTraits } from './traits';
export { cardStatsFromReadme, CARD_LENGTH_MEASURE, AUTO_GENERATED_PHRASES, SHRINK_RATIO, GROW_RATIO } from './card';
export {
  licenseFacts,
  compareLicenses,
  compareRestriction,
  restrictionRank,
  describeLicenses,
  HUB_LICENSE_KEYS,
  isHubLicenseKey,
  LICENSE_CLASS_LABELS,
  RESTRICTION_TIERS,
} from './licenses';
export { languageName, compareLanguages, describeLanguages } from './languages';
export { compareTasks, taskStage, taskPosition, TASK_STAGE_LABELS } from './tasks';
export { diffTraits } from './diff';
export { familyStats, mutationRate } from './family';
export { siblingSimilarity, pairSimilarity, SIMILARITY_DEFINITION } from './similarity';
export { badgeSummary } from './badges';
export * as study from './study';
