// Popup search and recent models, each result with its drift badge.
import { modelKey } from '../hub/parse';
import type { HubRepository } from '../hub/repository';
import type { HubModel } from '../hub/types';
import { badgesFor } from './badges';
import type { SearchResponse } from './types';

const RESULTS = 12;

async function withBadges(repo: HubRepository, models: HubModel[]): Promise<SearchResponse['results']> {
  const badges = await badgesFor(repo, { ids: models.map((m) => m.id) });
  const byId = new Map(badges.map((b) => [modelKey(b.id), b]));
  return models.map((m) => ({
    id: m.id,
    badge: byId.get(modelKey(m.id)),
    downloads: m.downloads,
    pipelineTag: m.pipelineTag,
  }));
}

export async function searchWithBadges(repo: HubRepository, query: string): Promise<SearchResponse> {
  const q = query.trim().slice(0, 200);
  if (!q) return recentWithBadges(repo);
  const result = await repo.search(q, { limit: RESULTS });
  if (result.ok) return { results: await withBadges(repo, result.value), fromCache: false };
  // Offline or rate limited: search what the cache already knows.
  const cached = await repo.searchCached(q, RESULTS);
  return { results: await withBadges(repo, cached), fromCache: true, error: result.error };
}

export async function recentWithBadges(repo: HubRepository): Promise<SearchResponse> {
  const recent = await repo.recentModels(RESULTS);
  return { results: await withBadges(repo, recent), fromCache: true };
}
