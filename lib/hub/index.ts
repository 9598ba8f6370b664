// Public surface of the Hub data layer (background only: it fetches and stores).
export * from './types';
export { createHubClient, HUB_ORIGIN, CHILDREN_PAGE_SIZE, DEFAULT_BUDGET } from './client';
export type { HubClient, HubClientOptions, ChildrenPage, ReadmeText, WhoAmI } from './client';
export { createHubRepository, DEFAULT_CHILD_PAGES, MAX_CHILD_PAGES, DEFAULT_MAX_DEPTH } from './repository';
export type { HubRepository, HubRepositoryOptions } from './repository';
export { parseModel, parseModelList, parentsFrom, parseRateLimit, parseRetryAfter, nextLinkFrom, isModelId, normalizeModelId, modelKey } from './parse';
export { openDriftCache, DEFAULT_TTL, DEFAULT_MAX_BYTES } from '../cache/db';
export type { DriftCache, DriftCacheOptions } from '../cache/db';
