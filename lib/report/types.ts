// View models the background sends to the panel, badges and popup. They are computed in the
// background from the data layer (lib/hub) and the drift engine (lib/drift), so the views only render.
import type {
  BadgeSummary,
  DriftFlag,
  FamilyStats,
  ModelTraits,
  SiblingSimilarity,
  TraitDiff,
} from '../drift/types';
import type { ChainEndReason, HubError, ParentRelation, Relation } from '../hub/types';
import type { ObligationsReport } from './obligations';

export type ReportState = 'loading' | 'ready' | 'stale' | 'error';

export interface ParentReport {
  id: string;
  relation: ParentRelation;
  traits?: ModelTraits;
  /** Present when the parent loaded. */
  diff?: TraitDiff;
  /** Why the parent could not be compared (gated, missing, rate limited, offline…). */
  error?: HubError;
  /** Where to read the parent's license. */
  licenseUrl?: string;
}

export interface ChainStep {
  id: string;
  relation: ParentRelation;
  /** The ancestor's license key(s), for the lineage line. */
  licenses?: string[];
  /** License change on the edge from this ancestor down to its child (lineage graph). */
  licenseChange?: 'relaxed' | 'tightened' | 'same' | 'unknown';
}

export interface FamilyReport {
  relation: Relation;
  stats: FamilyStats;
  /** True when only a sample of the family was fetched (never claim "all"). */
  sampled: boolean;
}

export interface ModelReport {
  id: string;
  state: ReportState;
  /** Epoch ms of the oldest data shown (for "data from 3 h ago"). */
  fetchedAt?: number;
  /** Some of the data is older than its TTL and could not be refreshed (or is being refreshed). */
  stale: boolean;
  traits?: ModelTraits;
  parents: ParentReport[];
  /** The most important drift across all parents (headline + flags), as on the listing badges. */
  summary?: BadgeSummary;
  /** Ancestors from the first parent up to the root. */
  chain: ChainStep[];
  chainEnd?: { reason: ChainEndReason; at?: string };
  childrenCount?: Partial<Record<Relation, number>>;
  /** Family statistics of this model's own children, per relation (a root's family view). */
  family: FamilyReport[];
  /** Family statistics of the first parent's children (this model and its siblings). */
  parentFamily?: FamilyReport;
  /** Family statistics are still being computed. */
  familyPending: boolean;
  similarity?: SiblingSimilarity;
  /** Whole-report failure (the model itself could not be read). */
  error?: HubError;
  /** Epoch ms at which a rate-limited part will be retried. */
  retryAt?: number;
  /** A part waits because HF Drift paused itself (leaving the user's share of the quota), not for a 429. */
  paused?: boolean;
  /** Short plain-text notices (sampled family, partial data…). */
  notices: string[];
  /** Set by the view's subscription between the user's refresh and the refreshed report. */
  refreshing?: boolean;
  /**
   * `verdict`: a first report while still loading — the parents and the license verdict from metadata only
   * (no model cards, chain beyond the parents, obligations or family yet).
   */
  partial?: 'verdict';
  /** What this model owes its ancestors' licenses, checked against public data (absent for roots). */
  obligations?: ObligationsReport;
}

export interface BadgeInfo {
  id: string;
  /** No parent: no badge. */
  hasParent: boolean;
  flags: DriftFlag[];
  summary?: BadgeSummary;
  parentId?: string;
  /** Could not be checked (error, budget); the badge says so quietly. */
  error?: HubError;
}

export interface SearchResult {
  id: string;
  badge?: BadgeInfo;
  downloads?: number;
  pipelineTag?: string;
}

export interface SearchResponse {
  results: SearchResult[];
  /** Answered from the cache because the Hub was unreachable or rate limited. */
  fromCache: boolean;
  error?: HubError;
}

export interface CacheStatsView {
  entries: number;
  bytes: number;
  oldestFetchedAt?: number;
  ttlHours: number;
  available: boolean;
}

export interface FamilyExportRow {
  child: string;
  relation: Relation;
  license: string;
  licenseClass: string;
  licenseDrift: string;
  languages: string;
  languageDrift: string;
  task: string;
  taskMove: string;
  library: string;
  flags: string;
  downloads: number | '';
}

export interface FamilyExport {
  parentId: string;
  generatedAt: string;
  rows: FamilyExportRow[];
  sampled: boolean;
  families: { relation: Relation; sampled: number; total?: number }[];
}

/** What a view shows before the background answers. */
export function loadingReport(id: string): ModelReport {
  return { id, state: 'loading', stale: false, parents: [], chain: [], family: [], familyPending: false, notices: [] };
}

/** A report for a model that could not be read at all. */
export function errorReport(id: string, error: HubError): ModelReport {
  return { ...loadingReport(id), state: 'error', error, retryAt: error.retryAt };
}
